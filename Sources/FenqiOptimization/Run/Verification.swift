import FenqiExperiment
import FenqiSimulation

/// One figure of one plan on the verification's fresh seeds (a row of `verification.csv`).
public struct VerificationRow: Sendable, Equatable {
  /// The plan: `optimised`, or a shipped treatment arm's name.
  public var plan: String
  /// "objective" or "constraint".
  public var role: String
  /// The figure's label.
  public var figure: String
  /// Its value (the mean over the seeds).
  public var value: Double
  /// The 95% interval over the seeds.
  public var low: Double
  /// Its upper end.
  public var high: Double
  /// The constraint's limit as text ("" for the objective).
  public var limit: String
  /// Whether the figure keeps within the limit (true for the objective).
  public var holds: Bool
  /// Whether the whole interval does.
  public var holdsAcrossInterval: Bool
}

/// The best plan, every shipped treatment arm and the frontier re-run on fresh seeds — none of
/// the optimisation's — so the winner's figures are not its luckiest draws.
public struct Verification: Sendable {
  /// The rows: the optimised plan first, then the shipped arms.
  public var rows: [VerificationRow]
  /// The frontier's plans on the fresh seeds.
  public var frontier: [PlanOutcome]
  /// The fresh seeds.
  public var seeds: [UInt64]

  /// The fresh seeds of an optimisation: far from the scenario's own seeds, which it uses.
  public static func seeds(_ inputs: OptimizationInputs) -> [UInt64] {
    PlanEvaluator.seeds(
      from: inputs.scenario.seed &+ 1_000_003,
      count: inputs.settings.verificationReplicates)
  }

  /// Runs the verification of `best` and up to the settings' number of `frontier` plans.
  public static func run(
    _ inputs: OptimizationInputs, best: OptimizationTrial,
    frontier: [OptimizationTrial],
    threads: Int
  ) -> Verification {
    let seeds = seeds(inputs)
    let evaluator = PlanEvaluator(inputs, seeds: seeds, threads: threads)
    let settings = inputs.settings
    var rows = figures(
      "optimised", evaluator.evaluate(best.values).rows, settings)
    let shipped = shippedRows(inputs, seeds: seeds, threads: threads)
    for (a, arm) in inputs.scenario.arms.enumerated() where a != inputs.control
    {
      rows += figures(
        arm.name, shipped.filter { $0.arm == arm.name }, settings)
    }
    let picked = spread(frontier, count: settings.verifiedFrontierPoints)
    return Verification(
      rows: rows, frontier: picked.map { evaluator.evaluate($0.values) },
      seeds: seeds)
  }

  /// Every shipped arm's economics against the control on `seeds`.
  static func shippedRows(
    _ inputs: OptimizationInputs, seeds: [UInt64], threads: Int
  )
    -> [EconomicsRow]
  {
    var s = inputs.scenario
    s.experiment = nil
    let samples = seeds.map { seed -> EconomicsSample in
      s.seed = seed
      let runs = ExperimentRunner.counterfactualRuns(s, threads: threads)
      return EconomicsSample(
        ExperimentRunner.combine(runs), control: inputs.control)
    }
    return IncrementalEconomics(samples, scenario: s, control: inputs.control)
      .rows()
  }

  /// The objective's and each constraint's row of one plan.
  static func figures(
    _ plan: String, _ rows: [EconomicsRow], _ s: OptimizationSettings
  )
    -> [VerificationRow]
  {
    func make(
      _ role: String, _ t: OptimizationTarget, _ c: OptimizationConstraint?
    )
      -> VerificationRow
    {
      let row = PlanOutcome.row(rows, t)
      let value = row.map(t.read) ?? .nan
      // An interval on the increment shifts to the value read (per customer or own value).
      let shift = row.map { value - $0.increment } ?? .nan
      let scale =
        t.value == .perCustomer ? 1 / Double(max(1, rowCustomers(row))) : 1
      let low =
        t.value == .perCustomer
        ? (row?.lower ?? .nan) * scale : (row?.lower ?? .nan) + shift
      let high =
        t.value == .perCustomer
        ? (row?.upper ?? .nan) * scale : (row?.upper ?? .nan) + shift
      let holds = c.map { $0.violation(value) == 0 } ?? true
      let across =
        c.map { $0.violation(low) == 0 && $0.violation(high) == 0 } ?? true
      return VerificationRow(
        plan: plan, role: role, figure: t.label, value: value, low: low,
        high: high,
        limit: c.map { $0.label } ?? "", holds: holds,
        holdsAcrossInterval: across)
    }
    return [make("objective", s.objective, nil)]
      + s.constraints.map { make("constraint", $0.target, $0) }
  }

  /// The customers a row is scaled to: increment ÷ increment per customer.
  static func rowCustomers(_ row: EconomicsRow?) -> Double {
    guard let row, row.perCustomer != 0, row.perCustomer.isFinite else {
      return 1
    }
    return row.increment / row.perCustomer
  }

  /// Up to `count` plans spread evenly along the frontier (its ends included).
  static func spread(_ frontier: [OptimizationTrial], count: Int)
    -> [OptimizationTrial]
  {
    guard frontier.count > count, count > 1 else {
      return Array(frontier.prefix(count))
    }
    return (0..<count).map { frontier[$0 * (frontier.count - 1) / (count - 1)] }
  }
}
