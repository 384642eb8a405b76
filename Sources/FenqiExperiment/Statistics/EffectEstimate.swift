/// The result of comparing a treatment arm with the control on one metric.
///
/// A comparison either is computed or is ``notComputable`` (an empty arm, zero variance in both
/// arms, a zero denominator, non-finite input): then ``pValue``, ``statistic`` and
/// ``standardError`` are NaN, both intervals are (−∞, ∞) — nothing known — and the two values and
/// their difference are kept when finite, for the reader.
public struct EffectEstimate: Sendable, Equatable {
  /// The control arm's value of the metric.
  public var control: Double
  /// The treatment arm's value.
  public var treatment: Double
  /// The absolute lift, treatment − control.
  public var difference: Double
  /// The confidence interval of the absolute lift at the requested level.
  public var differenceInterval: ClosedRange<Double>
  /// The relative lift, treatment ÷ control − 1.
  public var relative: Double
  /// The confidence interval of the relative lift.
  public var relativeInterval: ClosedRange<Double>
  /// The test statistic (z or t).
  public var statistic: Double
  /// The two-sided p-value of "no difference".
  public var pValue: Double
  /// The standard error of the absolute lift.
  public var standardError: Double
  /// The method's name for reports, such as "two-proportion z-test".
  public var method: String
  /// Why there is no test, or nil when the test was computed.
  public var notComputable: NotComputable?

  /// Whether the test was computed (``notComputable`` is nil).
  public var isComputable: Bool { notComputable == nil }

  /// Creates an effect estimate.
  public init(
    control: Double, treatment: Double, difference: Double,
    differenceInterval: ClosedRange<Double>,
    relative: Double, relativeInterval: ClosedRange<Double>, statistic: Double,
    pValue: Double,
    standardError: Double, method: String, notComputable: NotComputable? = nil
  ) {
    self.control = control
    self.treatment = treatment
    self.difference = difference
    self.differenceInterval = differenceInterval
    self.relative = relative
    self.relativeInterval = relativeInterval
    self.statistic = statistic
    self.pValue = pValue
    self.standardError = standardError
    self.method = method
    self.notComputable = notComputable
  }

  /// A comparison that could not be computed: NaN statistic, p-value and standard error,
  /// intervals (−∞, ∞), the relative lift NaN unless the control value is finite and non-zero.
  ///
  /// - Parameters:
  ///   - reason: why.
  ///   - control: the control arm's value (NaN when unknown).
  ///   - treatment: the treatment arm's value (NaN when unknown).
  ///   - method: the method that was asked for.
  /// - Returns: the estimate marked ``notComputable`` with `reason`.
  public static func notComputable(
    _ reason: NotComputable, control: Double, treatment: Double, method: String
  ) -> EffectEstimate {
    let relative = treatment / control - 1
    return EffectEstimate(
      control: control, treatment: treatment, difference: treatment - control,
      differenceInterval: -Double.infinity...Double.infinity,
      relative: relative.isFinite ? relative : .nan,
      relativeInterval: -Double.infinity...Double.infinity, statistic: .nan,
      pValue: .nan, standardError: .nan, method: method, notComputable: reason)
  }
}
