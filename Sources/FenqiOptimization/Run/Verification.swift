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

/// Two rounds on fresh seeds — none of the search's — so that neither the choice nor the answer
/// rests on the search's luckiest draws.
///
/// Selection: the search's best plans by Deb's rules and up to the settings' number of frontier
/// plans are re-run on `verification.replicates` selection seeds, and the best of them by the
/// same rules is chosen. Verification: the chosen plan and every shipped treatment arm are run on
/// as many further seeds, whose figures and intervals are reported: unbiased by the choice.
public struct Verification: Sendable {
  /// The rows: the optimised plan first, then the shipped arms (verification seeds).
  public var rows: [VerificationRow]
  /// The candidates on the selection seeds: the search's best, then the frontier's.
  public var candidates: [PlanOutcome]
  /// The frontier plans among them.
  public var frontier: [PlanOutcome]
  /// The chosen plan.
  public var chosen: [Double]
  /// The selection seeds.
  public var selectionSeeds: [UInt64]
  /// The verification seeds.
  public var seeds: [UInt64]

  /// The search's best plans re-run for the selection.
  public static let candidateCount = 5

  /// Fresh seeds far from the scenario's own (which the search uses): round 1 selects, round 2
  /// verifies.
  public static func seeds(_ inputs: OptimizationInputs, round: Int) -> [UInt64]
  {
    PlanEvaluator.seeds(
      from: inputs.scenario.seed &+ UInt64(round) &* 1_000_003,
      count: inputs.settings.verificationReplicates)
  }

  /// Selects among the search's best `trials` and the `frontier`, then verifies the choice.
  public static func run(
    _ inputs: OptimizationInputs, trials: [OptimizationTrial],
    frontier: [OptimizationTrial],
    threads: Int
  ) -> Verification {
    let settings = inputs.settings
    let order = FeasibilityRanking.order(
      trials.map { $0.outcome().evaluation(settings) })
    let best = order.prefix(candidateCount).map { trials[$0].values }
    let spreadFrontier = spread(
      frontier, count: settings.verifiedFrontierPoints
    ).map(\.values)
    var plans: [[Double]] = []
    for p in best + spreadFrontier where !plans.contains(p) { plans.append(p) }
    let selection = PlanEvaluator(
      inputs, seeds: seeds(inputs, round: 1), threads: threads)
    let candidates = selection.evaluate(batch: plans)
    let pick = FeasibilityRanking.order(
      candidates.map { $0.evaluation(settings) })[0]
    let chosen = candidates[pick].values
    let final = seeds(inputs, round: 2)
    let evaluator = PlanEvaluator(inputs, seeds: final, threads: threads)
    var rows = figures(
      "optimised", evaluator.evaluate(batch: [chosen])[0].rows, settings)
    let shipped = shippedRows(inputs, seeds: final, threads: threads)
    for (a, arm) in inputs.scenario.arms.enumerated() where a != inputs.control
    {
      rows += figures(arm.name, shipped.filter { $0.arm == arm.name }, settings)
    }
    return Verification(
      rows: rows, candidates: candidates,
      frontier: candidates.filter { c in spreadFrontier.contains(c.values) },
      chosen: chosen,
      selectionSeeds: seeds(inputs, round: 1), seeds: final)
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
