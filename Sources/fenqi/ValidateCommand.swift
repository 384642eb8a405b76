import FenqiSimulation

/// `fenqi validate`: report every problem of a scenario, write nothing.
enum ValidateCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file", help: HelpText.validate,
        usage: HelpText.validateUsage, command: "validate",
        console: console, exit: &code)
    else { return code }
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
