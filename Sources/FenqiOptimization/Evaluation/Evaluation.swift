/// What one evaluation of a plan gave: the objective to maximise and how far each constraint is
/// from holding.
///
/// Both are in the caller's units (an objective in yuan of profit, say). Constraints are only
/// known after the evaluation (a default rate, a budget overrun), so they are reported here
/// rather than checked beforehand. Scale the violations so that they compare across
/// constraints (a fraction of each constraint's limit, for instance): ``FeasibilityRanking``
/// adds them up.
public struct Evaluation: Sendable, Equatable {
  /// The value to maximise.
  ///
  /// A non-finite value (NaN or ±∞, a failed simulation) ranks below every other evaluation.
  public var objective: Double
  /// One entry per constraint: 0 when it holds, otherwise how far it is from holding (> 0).
  ///
  /// A negative entry counts as 0; a NaN counts as violated without bound.
  public var violations: [Double]

  /// Creates an evaluation; no violations means an unconstrained problem.
  public init(objective: Double, violations: [Double] = []) {
    self.objective = objective
    self.violations = violations
  }

  /// Whether every constraint holds (every violation ≤ 0; NaN does not hold).
  public var isFeasible: Bool { violations.allSatisfy { $0 <= 0 } }

  /// Σ max(0, vᵢ) over the violations: 0 when feasible, +∞ when any is NaN or +∞.
  public var totalViolation: Double {
    var sum = 0.0
    for v in violations {
      if v.isNaN { return .infinity }
      if v > 0 { sum += v }
    }
    return sum
  }

  /// Whether the objective is usable: finite.
  public var hasFiniteObjective: Bool { objective.isFinite }
}
