import FenqiCore
import Foundation

/// The `fenqi` command: parses the command word and hands over to the command.
@main
enum Fenqi {
  static func main() {
    let console = Console(
      out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
      err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
    exit(
      run(Array(CommandLine.arguments.dropFirst()), console: console).rawValue)
  }

  /// Runs a command line (without the program name) and returns its exit code.
  static func run(_ words: [String], console: Console) -> ExitCode {
    guard let command = words.first else {
      console.err(HelpText.overview)
      return .badInput
    }
    let rest = Array(words.dropFirst())
    switch command {
    case "run": return RunCommand.execute(rest, console: console)
    case "validate": return ValidateCommand.execute(rest, console: console)
    case "report": return ReportCommand.execute(rest, console: console)
    case "compare": return CompareCommand.execute(rest, console: console)
    case "analyze": return AnalyzeCommand.execute(rest, console: console)
    case "power": return PowerCommand.execute(rest, console: console)
    case "stress": return StressCommand.execute(rest, console: console)
    case "sweep": return SweepCommand.execute(rest, console: console)
    case "merge": return MergeCommand.execute(rest, console: console)
    case "bench": return BenchCommand.execute(rest, console: console)
    case "train": return TrainCommand.execute(rest, console: console)
    case "predict": return PredictCommand.execute(rest, console: console)
    case "--help", "-h":
      console.out(HelpText.overview)
      return .success
    case "--version":
      console.out(HelpText.version)
      return .success
    case "help":
      switch rest.first {
      case nil: console.out(HelpText.overview)
      case "run": console.out(HelpText.run)
      case "validate": console.out(HelpText.validate)
      case "report": console.out(HelpText.report)
      case "compare": console.out(HelpText.compare)
      case "analyze": console.out(HelpText.analyze)
      case "power": console.out(HelpText.power)
      case "stress": console.out(HelpText.stress)
      case "sweep": console.out(HelpText.sweep)
      case "merge": console.out(HelpText.merge)
      case "bench": console.out(HelpText.bench)
      case "train": console.out(HelpText.train)
      case "predict": console.out(HelpText.predict)
      case let other?:
        console.err("Error: unknown command '\(other)'\nSee 'fenqi --help'.")
        return .badInput
      }
      return .success
    default:
      var message = "Error: unknown command '\(command)'"
      if let hint = Suggestion.nearest(
        to: command,
        among: [
          "run", "validate", "report", "compare", "analyze", "power", "stress",
          "train",
          "predict", "help",
        ])
      {
        message += "; did you mean '\(hint)'?"
      }
      console.err(message + "\nSee 'fenqi --help'.")
      return .badInput
    }
  }
}
