/// The result of comparing a treatment arm with the control on one metric.
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

  /// Creates an effect estimate.
  public init(
    control: Double, treatment: Double, difference: Double,
    differenceInterval: ClosedRange<Double>,
    relative: Double, relativeInterval: ClosedRange<Double>, statistic: Double,
    pValue: Double,
    standardError: Double, method: String
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
  }
}
