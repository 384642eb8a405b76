/// One evaluated plan of an optimisation (a row of `trials.csv`).
public struct OptimizationTrial: Sendable, Equatable {
  /// 0 for the shipped plan, then 1, 2, … in the order evaluated.
  public var index: Int
  /// The optimiser's batch (0 for the shipped plan).
  public var batch: Int
  /// The plan in the unit cube (what the optimiser asked).
  public var unit: [Double]
  /// The plan: each parameter's value.
  public var values: [Double]
  /// The objective's figure on the optimisation's seeds.
  public var objective: Double
  /// Each constraint's figure.
  public var constraints: [Double]
  /// Whether every constraint holds.
  public var feasible: Bool
  /// Why the plan could not run ("" when it ran).
  public var problem: String

  /// The trial of `outcome`.
  init(
    index: Int, batch: Int, unit: [Double], outcome: PlanOutcome,
    settings: OptimizationSettings
  ) {
    self.index = index
    self.batch = batch
    self.unit = unit
    values = outcome.values
    objective = outcome.objective
    constraints = outcome.constraints
    feasible = outcome.feasible(settings)
    problem = outcome.problem ?? ""
  }

  /// A trial read back from `trials.csv`.
  public init(
    index: Int, batch: Int, unit: [Double], values: [Double], objective: Double,
    constraints: [Double], feasible: Bool, problem: String
  ) {
    self.index = index
    self.batch = batch
    self.unit = unit
    self.values = values
    self.objective = objective
    self.constraints = constraints
    self.feasible = feasible
    self.problem = problem
  }

  /// The outcome as the optimiser ranks it.
  public func outcome() -> PlanOutcome {
    PlanOutcome(
      values: values, objective: objective, constraints: constraints, rows: [],
      problem: problem.isEmpty ? nil : problem)
  }
}
