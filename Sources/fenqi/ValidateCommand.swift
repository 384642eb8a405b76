import FenqiOptimization
import FenqiSimulation
import Foundation

/// `fenqi validate`: report every problem of a scenario, write nothing.
enum ValidateCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file", flags: ["--no-quick-run"],
        help: HelpText.validate,
        usage: HelpText.validateUsage, command: "validate",
        console: console, exit: &code)
    else { return code }
    let file = args.positionals[0]
    if ScenarioSource.isOptimization(path: file) {
      do throws(OptimizationError) {
        let o = try OptimizationInputs.load(file: file)
        let s = o.settings
        console.out(
          "\(file): valid optimisation — arm \(s.arm) of \(s.scenarioFile) against \(o.scenario.arms[o.control].name), \(s.parameters.count) parameters, \(s.constraints.count) constraints, a budget of \(s.budget) plans of \(s.replicates) seed\(s.replicates == 1 ? "" : "s") at \(o.scenario.population.size) customers"
        )
        return .success
      } catch {
        console.err(error.message)
        return .badInput
      }
    }
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
      if !args.flags.contains("--no-quick-run") {
        warn(about: s, console: console)
      }
      return .success
    case .failure(let failure):
      console.err(failure.message)
      return .badInput
    }
  }

  /// Runs the scenario at a small population and prints what its outcomes warn of on stderr
  /// (see ``QuickRun``); the exit code stays 0.
  static func warn(about scenario: Scenario, console: Console) {
    let customers = QuickRun.scenario(scenario).population.size
    let threads = ProcessInfo.processInfo.activeProcessorCount
    for warning in QuickRun.warnings(scenario, threads: threads) {
      console.err(
        "warning: \(warning.message) (quick run: \(customers) customers)")
    }
  }
}
