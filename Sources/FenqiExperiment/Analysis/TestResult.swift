/// One row of `tests.csv`: a treatment arm against the control on one metric.
public struct TestResult: Sendable, Equatable {
  /// The metric.
  public var metric: String
  /// The treatment arm.
  public var arm: String
  /// The control arm.
  public var controlArm: String
  /// The frequentist estimate.
  public var effect: EffectEstimate
  /// The Bayesian chance that the treatment is better (beta-binomial or normal).
  public var probabilityBetter: Double
  /// Holm-adjusted p-value across every computable metric and arm of the analysis (NaN when
  /// this one is not computable).
  public var holmPValue: Double
  /// Benjamini–Hochberg-adjusted p-value.
  public var bhPValue: Double
  /// The decision at the analysis's alpha on the Holm-adjusted p-value, or "not computable".
  public var decision: String

  /// Creates a result.
  public init(
    metric: String, arm: String, controlArm: String, effect: EffectEstimate,
    probabilityBetter: Double,
    holmPValue: Double, bhPValue: Double, decision: String
  ) {
    self.metric = metric
    self.arm = arm
    self.controlArm = controlArm
    self.effect = effect
    self.probabilityBetter = probabilityBetter
    self.holmPValue = holmPValue
    self.bhPValue = bhPValue
    self.decision = decision
  }

  /// The decision words for a test that was not computed.
  public static let notComputableDecision = "not computable"

  /// The decision words: "treatment higher", "treatment lower", "no significant difference", or
  /// ``notComputableDecision`` when the effect has no test.
  static func decide(
    _ effect: EffectEstimate, adjustedPValue: Double, alpha: Double
  ) -> String {
    guard effect.isComputable else { return notComputableDecision }
    guard adjustedPValue < alpha else { return "no significant difference" }
    return effect.difference > 0 ? "treatment higher" : "treatment lower"
  }
}
