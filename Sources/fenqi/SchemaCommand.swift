import FenqiCore
import FenqiSimulation
import Foundation

/// `fenqi schema`: the JSON Schema of scenario files, generated from the validator's reads.
enum SchemaCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--out"], flags: ["--fields", "--force", "--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.schema)
        return .success
      }
      guard args.positionals.isEmpty else {
        throw Arguments.Problem(
          message: "expected no arguments, found '\(args.positionals[0])'")
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.schemaUsage)\nSee 'fenqi schema --help'."
      )
      return .badInput
    }
    let text =
      args.flags.contains("--fields") ? fieldList() : ScenarioSchema.text()
    guard let out = args.values["--out"] else {
      console.out(String(text.dropLast()))
      return .success
    }
    if let problem = MomentsCommand.outputProblem(
      out, force: args.flags.contains("--force"))
    {
      console.err("Error: \(problem)")
      return .badInput
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      console.err("Error: cannot write '\(out)': \(error.localizedDescription)")
      return .runFailed
    }
    console.out("Schema written to \(out)")
    return .success
  }

  /// Every field path with its description, one a line, for reading or grepping.
  static func fieldList() -> String {
    ScenarioSchema.fieldReference().map { "\($0.path)\t\($0.summary)" }.joined(
      separator: "\n") + "\n"
  }
}
