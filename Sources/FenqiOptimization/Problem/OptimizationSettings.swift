import FenqiExperiment

/// What `fenqi optimize` is asked: a treatment arm's plan to improve against the control, the
/// figure to improve, the limits the plan must respect, the fields it may change and the
/// evaluation budget.
public struct OptimizationSettings: Sendable, Equatable {
  /// The scenario file, relative to the optimisation file.
  public var scenarioFile: String
  /// The treatment arm whose plan is optimised.
  public var arm: String
  /// Customers per simulation (nil: the scenario's own).
  public var customers: Int?
  /// The figure maximised (or minimised).
  public var objective: OptimizationTarget
  /// Whether the objective is minimised.
  public var minimise = false
  /// The limits; the first is the main constraint of the frontier.
  public var constraints: [OptimizationConstraint]
  /// The scenario fields the plan may change.
  public var parameters: [DecisionVariable]
  /// The search method.
  public var algorithm: OptimizerAlgorithm
  /// Evaluations (plans simulated).
  public var budget: Int
  /// Seeds per plan, the same for every plan (common random numbers).
  public var replicates: Int
  /// Fresh seeds for the verification of the best plan, the shipped arms and the frontier.
  public var verificationReplicates: Int
  /// The most frontier plans re-run on the fresh seeds.
  public var verifiedFrontierPoints: Int
  /// The seed of the optimiser's own draws; the simulations' seeds are the scenario's.
  public var seed: UInt64
}

/// A figure of the incremental economics (`economics.csv`).
public struct OptimizationTarget: Sendable, Equatable {
  /// Which value of the row.
  public enum Value: String, Sendable, CaseIterable {
    /// Treatment − control, scaled to the population.
    case increment
    /// The increment per customer.
    case perCustomer
    /// The treatment arm's own value.
    case treatment
  }

  /// The item.
  public var item: EconomicsItem
  /// Window or lifetime.
  public var horizon: EconomicsHorizon
  /// Which value.
  public var value: Value

  /// The value in `row`.
  public func read(_ row: EconomicsRow) -> Double {
    switch value {
    case .increment: row.increment
    case .perCustomer: row.perCustomer
    case .treatment: row.treatment
    }
  }

  /// A label such as `npv (lifetime increment)`.
  public var label: String {
    "\(item.rawValue) (\(horizon.rawValue) \(value.rawValue))"
  }
}

/// A limit on a figure: at most ``maximum`` or at least ``minimum``.
public struct OptimizationConstraint: Sendable, Equatable {
  /// The figure.
  public var target: OptimizationTarget
  /// The largest value allowed (nil: no upper limit).
  public var maximum: Double?
  /// The smallest value allowed (nil: no lower limit).
  public var minimum: Double?

  /// How far `x` is outside the limit (0 inside; +∞ when `x` is not finite).
  public func violation(_ x: Double) -> Double {
    guard x.isFinite else { return .infinity }
    return max(0, x - (maximum ?? .infinity), (minimum ?? -.infinity) - x)
  }

  /// A label such as `cohort_loss_rate (lifetime treatment) ≤ 0.03`.
  public var label: String {
    target.label + (maximum.map { " ≤ \($0)" } ?? "")
      + (minimum.map { " ≥ \($0)" } ?? "")
  }
}

/// A scenario field the plan may change, with its range.
public struct DecisionVariable: Sendable, Equatable {
  /// The dotted path in the scenario (`arms.gold12.campaign.start`).
  public var path: String
  /// The smallest value.
  public var minimum: Double
  /// The largest value.
  public var maximum: Double
  /// Whether only whole numbers are allowed.
  public var isInteger: Bool
  /// Linear or logarithmic search.
  public var scale: SearchSpace.Dimension.Scale
}
