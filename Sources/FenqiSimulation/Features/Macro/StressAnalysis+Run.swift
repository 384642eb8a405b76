import FenqiCore
import FenqiRisk

extension StressAnalysis {
  /// Runs the scenario set's severities not already run and the shocks one at a time, then
  /// reads provisions, capital and attribution.
  ///
  /// - Parameters:
  ///   - scenario: the stress scenario (with a macro path).
  ///   - stress: the stress run (its baseline and shocked mean paths are reused).
  ///   - set: the weighted scenario set.
  ///   - threads: worker threads; the result does not depend on them.
  public init(
    scenario: Scenario, stress: StressRunner.Result, set: WeightedScenarioSet,
    threads: Int
  ) {
    guard let macro = scenario.macro else {
      preconditionFailure("StressAnalysis needs a scenario with a macro path")
    }
    func run(_ m: MacroScenario) -> RunResult {
      var s = scenario
      s.macro = m
      return SimulationEngine(scenario: s, threads: threads).run()
    }
    scenarioSet = set.members.map { member in
      let result =
        member.severity == 0
        ? stress.baseline
        : member.severity == 1
          ? stress.shocked : run(macro.scaled(severity: member.severity))
      return ScenarioRun(member: member, run: result)
    }
    let alone = macro.shocks.indices.map { run(macro.only(shock: $0)) }
    let lgd = scenario.repayment.lossGivenDefault
    func loss(_ r: RunResult, _ a: Int) -> Double {
      r.arms[a].totals.book.chargeOffPrincipal * lgd
    }
    let arms = scenario.arms.indices
    attribution = arms.map { a in
      LossAttribution(
        base: loss(stress.baseline, a),
        alone: macro.shocks.indices.map {
          (macro.shocks[$0].kind, loss(alone[$0], a))
        },
        joint: loss(stress.shocked, a))
    }
    // The downturn: the set's most severe member (shard-independent, unlike the path tail).
    let worst =
      scenarioSet.max { $0.member.severity < $1.member.severity }?.run
      ?? stress.shocked
    let downturn = arms.map { a in Self.downturnLGD(worst.arms[a], lgd: lgd) }
    downturnLGD = downturn
    let paths = set.members.map {
      MacroPath(
        scenario.macro(severity: $0.severity), periods: scenario.periods)
    }
    provisions = arms.map { a in
      Self.provisions(
        scenario: scenario, arm: a, actual: stress.shocked, set: set,
        paths: paths,
        lgd: downturn[a])
    }
    capital = arms.map { a in
      Self.capital(
        scenario: scenario, arm: a, actual: stress.shocked,
        losses: stress.paths.map { $0[a].loss }, lgd: downturn[a])
    }
  }

  /// 1 − recoveries (received or due) ÷ charged-off principal of an arm's run (the scenario's
  /// LGD when nothing was charged off).
  static func downturnLGD(_ arm: ArmSummary, lgd: Double) -> Double {
    let principal = arm.totals.book.chargeOffPrincipal
    return principal > 0
      ? 1 - (arm.recoveries + arm.pendingRecoveries) / principal : lgd
  }
}

extension Scenario {
  /// The scenario's macro path with its shocks at `severity`.
  func macro(severity: Double) -> MacroScenario {
    macro?.scaled(severity: severity)
      ?? MacroScenario(
        unemployment: [0.05], benchmarkRate: [0.035], confidence: [100])
  }
}
