import FenqiCore

/// A 95% interval of one parameter, in its natural unit.
public struct ParameterInterval: Sendable, Equatable {
  /// The 2.5% quantile of the bootstrap estimates.
  public var low: Double
  /// The 97.5% quantile of the bootstrap estimates.
  public var high: Double

  /// Creates an interval.
  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }
}

/// What a calibration found: every trial, the fitted moments, the estimate and its intervals.
public struct CalibrationResult: Sendable {
  /// The inputs.
  public let inputs: CalibrationInputs
  /// Every trial, in trial order.
  public let records: [TrialRecord]
  /// Each trial's distance from the observed moments (+∞ where a fitted moment is missing).
  public let distances: [Double]
  /// The fitted moments: the selected observed moments the simulation gave at some global point.
  public let target: MomentTarget
  /// Selected observed moments the simulation never gave, left out of the fit.
  public let unsimulated: [String]
  /// The index in ``records`` of the optimum (the smallest distance of the global and local
  /// stages, ties to the earlier trial; with `sandwich` intervals, a Gauss–Newton step from
  /// there when it lowers the distance).
  public let optimum: Int
  /// The estimate, in the parameters' natural units.
  public let estimate: [Double]
  /// Each bootstrap draw's re-minimised estimate, natural units (empty without an uncertainty
  /// stage).
  public let draws: [[Double]]
  /// Each parameter's interval; nil without an uncertainty stage.
  public let intervals: [ParameterInterval]?
  /// The scenario document with the estimate written in.
  public let calibrated: JSONValue

  /// Creates a result.
  public init(
    inputs: CalibrationInputs, records: [TrialRecord], distances: [Double],
    target: MomentTarget, unsimulated: [String], optimum: Int,
    estimate: [Double],
    draws: [[Double]], intervals: [ParameterInterval]?, calibrated: JSONValue
  ) {
    self.inputs = inputs
    self.records = records
    self.distances = distances
    self.target = target
    self.unsimulated = unsimulated
    self.optimum = optimum
    self.estimate = estimate
    self.draws = draws
    self.intervals = intervals
    self.calibrated = calibrated
  }

  /// The 2.5% and 97.5% quantiles (inverse empirical distribution function) of each
  /// parameter over the draws; nil for no draws.
  public static func intervals(of draws: [[Double]], parameters: Int)
    -> [ParameterInterval]?
  {
    guard !draws.isEmpty else { return nil }
    return (0..<parameters).map { k in
      let sorted = draws.map { $0[k] }.sorted()
      return ParameterInterval(
        low: EmpiricalQuantile.ofSorted(sorted, 0.025),
        high: EmpiricalQuantile.ofSorted(sorted, 0.975))
    }
  }
}
