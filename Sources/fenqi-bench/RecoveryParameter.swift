import FenqiCalibration
import FenqiCore
import FenqiExperiment

/// One scenario field the parameter-recovery benchmark estimates: its dotted path and its search
/// box, stated relative to the value the scenario file holds (the truth) and deliberately not
/// centred on it, so the search has to find the truth rather than start there.
struct RecoveryParameter: Sendable {
  /// The dotted path (`repayment.roll.intercept`; array elements by index or by `name`).
  var path: String
  /// How far the box reaches below the truth: a difference on a linear scale, a factor
  /// (truth ÷ below) on a log scale.
  var below: Double
  /// How far the box reaches above the truth: a difference on a linear scale, a factor
  /// (truth × above) on a log scale.
  var above: Double
  /// The search scale.
  var scale: ParameterScale

  /// The six parameters of the benchmark on the baseline world.
  ///
  /// Two segment risk means, the roll-rate intercept and its 90+ offset, the 1–30 cure offset
  /// and the mainstream monthly prepayment rate. Boxes are about 1.5 units wide (a factor 8 for
  /// the prepayment rate), with the truth 40–60% of the way across.
  static let baseline: [RecoveryParameter] = [
    .init(
      path: "population.segments.mainstream.attributes.latentRisk.mean",
      below: 0.7, above: 0.55, scale: .linear),
    .init(
      path: "population.segments.risky.attributes.latentRisk.mean",
      below: 0.65, above: 0.85, scale: .linear),
    .init(
      path: "repayment.roll.intercept", below: 0.8, above: 0.6, scale: .linear),
    .init(
      path: "repayment.roll.byBucket.3", below: 0.85, above: 1.1,
      scale: .linear),
    .init(
      path: "repayment.cure.byBucket.0", below: 0.7, above: 0.85,
      scale: .linear),
    .init(
      path: "population.segments.mainstream.behaviour.prepaymentRate",
      below: 2.5, above: 3.2, scale: .log),
  ]

  /// The search box around `truth`.
  func box(truth: Double) -> FreeParameter {
    switch scale {
    case .linear:
      FreeParameter(
        path: path, minimum: truth - below, maximum: truth + above,
        scale: .linear)
    case .log:
      FreeParameter(
        path: path, minimum: truth / below, maximum: truth * above, scale: .log)
    }
  }

  /// The number at `path` in a scenario document (see ``SweepGrid/value(at:in:)``); nil when
  /// the path leads nowhere or not to a number.
  static func value(at path: String, in document: JSONValue) -> Double? {
    if case .number(let x)? = SweepGrid.value(at: path, in: document) {
      return x
    }
    return nil
  }
}
