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
  ///
  /// Bare `fenqi` prints the overview to stdout and succeeds, as `fenqi --help` does.
  static func run(_ words: [String], console: Console) -> ExitCode {
    guard let word = words.first else {
      console.out(HelpText.overview)
      return .success
    }
    let rest = Array(words.dropFirst())
    switch word {
    case "--help", "-h":
      console.out(HelpText.overview)
      return .success
    case "--version":
      console.out(HelpText.version)
      return .success
    default:
      guard let command = command(word) else {
        console.err(unknownCommand(word))
        return .badInput
      }
      return command.execute(rest, console)
    }
  }
}
