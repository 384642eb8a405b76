/// How a metric is compared between arms.
public enum MetricKind: String, Sendable, CaseIterable {
  /// A share of units (conversion, approval, DPD30+): the two-proportion z-test.
  case proportion
  /// A per-unit mean (GMV, net income per customer): Welch's t-test, or CUPED with a covariate.
  case mean
  /// Σy ÷ Σx over units (bad-debt amount ÷ originated amount, GMV ÷ orders): the delta method.
  case ratio
}

/// One arm's summary statistics for one metric, as exported from a warehouse or accumulated by
/// the simulator.
public struct ArmStatistics: Sendable, Equatable {
  /// The metric's name.
  public var metric: String
  /// How it is compared.
  public var kind: MetricKind
  /// The arm's name.
  public var arm: String
  /// The outcome's moments over units (for proportions: n, successes, successes).
  public var outcome: SampleMoments
  /// For ratio metrics the denominator, for CUPED the pre-period covariate, with Σxy.
  public var second: (moments: SampleMoments, sumCross: Double)?

  /// Creates an arm's statistics.
  public init(
    metric: String, kind: MetricKind, arm: String, outcome: SampleMoments,
    second: (moments: SampleMoments, sumCross: Double)? = nil
  ) {
    self.metric = metric
    self.kind = kind
    self.arm = arm
    self.outcome = outcome
    self.second = second
  }

  /// Field-by-field equality.
  public static func == (a: ArmStatistics, b: ArmStatistics) -> Bool {
    a.metric == b.metric && a.kind == b.kind && a.arm == b.arm
      && a.outcome == b.outcome
      && a.second?.moments == b.second?.moments
      && a.second?.sumCross == b.second?.sumCross
  }

  /// The joint moments of the outcome and the second variable, when there is one.
  public var joint: JointMoments? {
    second.map {
      JointMoments(y: outcome, x: $0.moments, sumCross: $0.sumCross)
    }
  }
}
