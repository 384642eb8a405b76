/// A decoded calibration file (`CALIBRATION.json`): what to fit, to what, and how hard to look.
///
/// ```json
/// {"scenario": "baseline.json", "moments": "moments.json",
///  "parameters": [{"path": "repayment.roll.intercept", "min": -1, "max": 1.5},
///                 {"path": "repayment.miss.burden", "min": 0.5, "max": 8, "scale": "log"}],
///  "budget": 120, "replicates": 2, "seed": 7,
///  "momentNames": ["ever30.", "roll."], "exclude": ["ever30.mob01"],
///  "uncertainty": {"method": "bootstrap", "draws": 50}}
/// ```
///
/// `overrides` sets scenario fields for the simulations only (see ``overrides``).
///
/// Decode it with ``CalibrationInputs``, which also reads and checks the scenario and the
/// moments file it names.
public struct CalibrationSettings: Sendable, Equatable {
  /// The scenario file as written, relative to the calibration file's folder (or absolute).
  public var scenarioFile: String
  /// The observed moments file (`moments.json`) as written, relative to the calibration file.
  public var momentsFile: String
  /// The free parameters, in file order; their order is the order of every point's coordinates.
  public var parameters: [FreeParameter]
  /// Evaluations (points) of the global and local stages together; see ``globalPoints`` and
  /// ``localEvaluations``.
  public var budget: Int
  /// Simulations per point (seeds ``seed`` … ``seed`` + replicates − 1, the same at every point:
  /// common random numbers); the simulated moments are their means.
  public var replicates: Int
  /// The base seed of the replicates, the design's scrambling and the bootstrap's draws.
  public var seed: UInt64
  /// Prefixes of the observed moments to fit (`"ever30."`); empty: every moment.
  public var momentNames: [String]
  /// Prefixes (or whole names) of observed moments left out of the fit.
  public var exclude: [String]
  /// How parameter intervals are computed.
  public var uncertainty: UncertaintySettings
  /// Scenario fields set for measuring only, by dotted path, in file order.
  ///
  /// `"overrides": {"periods": 24}`: a longer horizon so lifetime moments are observed, a
  /// smaller population for speed. `calibrated.json` is the scenario as given with the
  /// estimates, without them.
  public var overrides: [ScenarioOverride] = []

  /// Creates settings.
  public init(
    scenarioFile: String, momentsFile: String, parameters: [FreeParameter],
    budget: Int, replicates: Int, seed: UInt64, momentNames: [String] = [],
    exclude: [String] = [], uncertainty: UncertaintySettings
  ) {
    self.scenarioFile = scenarioFile
    self.momentsFile = momentsFile
    self.parameters = parameters
    self.budget = budget
    self.replicates = replicates
    self.seed = seed
    self.momentNames = momentNames
    self.exclude = exclude
    self.uncertainty = uncertainty
  }

  /// The most free parameters a calibration takes (the Halton design's bases are the first 20
  /// primes; beyond a handful, a budget of hundreds of evaluations identifies little).
  public static let maxParameters = 20
  /// Points per free parameter the global stage needs at least.
  public static let globalPointsPerParameter = 5

  /// The points of the global (space-filling) stage: 60% of the budget, rounded down.
  public var globalPoints: Int { Self.globalPoints(budget: budget) }

  /// The evaluations left for the local (Nelder–Mead) stage: the rest of the budget.
  public var localEvaluations: Int { budget - globalPoints }

  /// The global stage's share of a budget: ⌊3·budget / 5⌋.
  public static func globalPoints(budget: Int) -> Int { budget * 3 / 5 }

  /// The smallest budget for `d` parameters: the global stage needs
  /// ``globalPointsPerParameter``·d points and the local stage 2·(d + 1) evaluations (a simplex
  /// and as many steps).
  public static func minimumBudget(parameters d: Int) -> Int {
    var b = 1
    while globalPoints(budget: b) < globalPointsPerParameter * d
      || b - globalPoints(budget: b) < 2 * (d + 1)
    {
      b += 1
    }
    return b
  }
}

/// How the calibration states the uncertainty of its estimates.
public struct UncertaintySettings: Sendable, Equatable {
  /// The method (ABC rejection is a possible third).
  public enum Method: String, Sendable, CaseIterable {
    /// Parametric bootstrap over the observed moments: each draw perturbs them
    /// (``MomentTarget/perturbed(draw:seed:replicates:)``) and re-minimises from the optimum
    /// with Nelder–Mead (``evaluationsPerDraw`` simulations each); intervals are the draws'
    /// 2.5% and 97.5% quantiles.
    case bootstrap
    /// The same draws re-minimised in the Gauss–Newton approximation at the optimum, whose
    /// Jacobian comes from central differences (2 simulations per parameter, ``step``): the
    /// sandwich covariance of the method of simulated moments read out as draws. Costs 2·d
    /// simulations however many draws; intervals are the draws' 2.5% and 97.5% quantiles,
    /// within the box.
    case sandwich
  }

  /// The method.
  public var method: Method
  /// Bootstrap draws; 0 skips the uncertainty stage (no intervals).
  public var draws: Int
  /// Nelder–Mead evaluations per draw (points already evaluated cost nothing); `bootstrap` only.
  public var evaluationsPerDraw: Int
  /// The central differences' half-step, unit-cube units (a fraction of each box's width, or
  /// of its log-width on a log scale); `sandwich` only.
  public var step: Double

  /// Creates settings.
  public init(
    method: Method = .bootstrap, draws: Int, evaluationsPerDraw: Int,
    step: Double = UncertaintySettings.defaultStep
  ) {
    self.method = method
    self.draws = draws
    self.evaluationsPerDraw = evaluationsPerDraw
    self.step = step
  }

  /// The central differences' half-step when the file gives none: 5% of the box.
  ///
  /// Large enough that a simulated book's moments change by more than their graininess (whole
  /// loans change state), small enough for a linear approximation.
  public static let defaultStep = 0.05
  /// The largest half-step a file may name.
  public static let maxStep = 0.5

  /// Draws when the file gives none.
  public static let defaultDraws = 50
  /// The most draws a file may ask for.
  public static let maxDraws = 10_000

  /// Evaluations per draw when the file gives none: 8·(d + 1) for d parameters.
  public static func defaultEvaluations(parameters d: Int) -> Int {
    8 * (d + 1)
  }
}
