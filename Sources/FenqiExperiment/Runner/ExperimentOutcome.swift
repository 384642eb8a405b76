import FenqiSimulation

/// One metric × treatment arm of an experiment run: the estimate, the always-valid p-value when
/// the test was watched every period, and the true effect the simulator knows.
public struct ExperimentOutcome: Sendable, Equatable {
  /// The test of the final period's data.
  public var test: TestResult
  /// The always-valid (mSPRT) p-value after watching every period; nil without sequential testing.
  public var sequentialPValue: Double?
  /// The true effect for this population (from the counterfactual runs); nil when not computed.
  public var trueEffect: Double?
  /// Why the sequential test could not run (its p-value is then NaN), or nil.
  public var sequentialNotComputable: NotComputable?

  /// Creates an outcome.
  public init(
    test: TestResult, sequentialPValue: Double?, trueEffect: Double?,
    sequentialNotComputable: NotComputable? = nil
  ) {
    self.test = test
    self.sequentialPValue = sequentialPValue
    self.trueEffect = trueEffect
    self.sequentialNotComputable = sequentialNotComputable
  }

  /// Whether the test's interval contains the true effect; nil without a truth or when the test
  /// is not computable (its interval (−∞, ∞) would cover anything).
  public var covers: Bool? {
    guard test.effect.isComputable, let truth = trueEffect, !truth.isNaN else {
      return nil
    }
    return test.effect.differenceInterval.contains(truth)
  }

  /// Every reason something in this outcome was not computable, "; "-joined; empty when
  /// everything was computed.
  public var notComputableReasons: String {
    var reasons: [String] = []
    if let r = test.effect.notComputable { reasons.append(r.reason) }
    if let r = sequentialNotComputable {
      reasons.append("sequential test: " + r.reason)
    }
    return reasons.joined(separator: "; ")
  }
}

/// The launch recommendation for one treatment arm.
public struct Verdict: Sendable, Equatable {
  /// The treatment arm.
  public var arm: String
  /// "ship", "don't ship" or "inconclusive".
  public var recommendation: String
  /// Why, in one sentence.
  public var reason: String

  /// Creates a verdict.
  public init(arm: String, recommendation: String, reason: String) {
    self.arm = arm
    self.recommendation = recommendation
    self.reason = reason
  }
}

extension OutcomeMetric {
  /// Whether a higher value is good news (false for delinquency and bad debt).
  public var higherIsBetter: Bool {
    switch self {
    case .dpd30PlusRate, .badDebtRate: false
    default: true
    }
  }

  /// The statistics engine's kind for this metric.
  var kind: MetricKind {
    switch shape {
    case .proportion: .proportion
    case .mean: .mean
    case .ratio: .ratio
    }
  }
}
