import FenqiExperiment

/// What one plan gave over the evaluator's seeds: the objective, each constraint's figure and
/// the economics rows behind them (nil figures when the plan's scenario does not validate).
public struct PlanOutcome: Sendable, Equatable {
  /// The plan: each parameter's value.
  public var values: [Double]
  /// The objective's figure (NaN for a plan that could not run).
  public var objective: Double
  /// Each constraint's figure.
  public var constraints: [Double]
  /// The treatment's economics rows (with intervals over the seeds when there are several).
  public var rows: [EconomicsRow]
  /// Why the plan could not run (nil when it ran).
  public var problem: String?

  /// The optimiser's view: the objective to maximise and each constraint's violation relative
  /// to its limit (absolute when the limit is 0), so that Deb's rules weigh a loss rate's and a
  /// budget's alike.
  public func evaluation(_ settings: OptimizationSettings) -> Evaluation {
    guard problem == nil else {
      return Evaluation(
        objective: -.infinity,
        violations: [Double](
          repeating: .infinity, count: max(1, settings.constraints.count)))
    }
    let violations = zip(settings.constraints, constraints).map { c, x in
      c.violation(x) / Self.scale(c.maximum ?? c.minimum ?? 1)
    }
    return Evaluation(
      objective: settings.minimise ? -objective : objective,
      violations: violations)
  }

  /// The magnitude a violation is divided by: |limit|, or 1 for a limit of 0.
  static func scale(_ limit: Double) -> Double { limit == 0 ? 1 : abs(limit) }

  /// Whether every constraint holds.
  public func feasible(_ settings: OptimizationSettings) -> Bool {
    problem == nil
      && zip(settings.constraints, constraints).allSatisfy {
        $0.violation($1) == 0
      }
  }

  /// The row behind `target`.
  public static func row(_ rows: [EconomicsRow], _ target: OptimizationTarget)
    -> EconomicsRow?
  {
    rows.first {
      $0.item == target.item && $0.horizon == target.horizon
        && $0.channel.isEmpty
    }
  }
}
