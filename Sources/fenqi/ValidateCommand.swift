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
    let file = args.positionals[0]
    switch ScenarioSource.load(file) {
    case .success(let loaded):
      let s = loaded.scenario
      let what =
        "\(s.population.size) customers, \(s.runOffMonths > 0 ? "\(s.window) months + \(s.runOffMonths) run-off" : "\(s.periods)") months, \(s.arms.count) arms (\(s.arms.map(\.name).joined(separator: ", ")))"
      if let c = loaded.calibration {
        console.out(
          "\(file): valid calibration — \(c.settings.parameters.count) free parameters, \(c.selected.count) moments, a budget of \(c.settings.budget); its scenario \(c.settings.scenarioFile) as measured: \(what)"
        )
      } else {
        console.out("\(file): valid — \(what)")
      }
      return .success
    case .failure(let failure):
      console.err(failure.message)
      return .badInput
    }
  }
}
