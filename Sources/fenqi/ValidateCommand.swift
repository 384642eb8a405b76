import FenqiSimulation

/// `fenqi validate`: report every problem of a scenario, write nothing.
enum ValidateCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(words, valued: [], flags: ["--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.validate)
        return .success
      }
      guard args.positionals.count == 1 else {
        throw Arguments.Problem(
          message: args.positionals.isEmpty
            ? "missing the scenario file"
            : "expected one scenario file, found \(args.positionals.count) arguments"
        )
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.validateUsage)\nSee 'fenqi validate --help'."
      )
      return .badInput
    }
    do {
      let (s, _) = try ScenarioLoader.load(path: args.positionals[0])
      console.out(
        "\(args.positionals[0]): valid — \(s.population.size) customers, \(s.periods) months, \(s.arms.count) arms (\(s.arms.map(\.name).joined(separator: ", ")))"
      )
      return .success
    } catch {
      console.err(error.message)
      return .badInput
    }
  }
}
