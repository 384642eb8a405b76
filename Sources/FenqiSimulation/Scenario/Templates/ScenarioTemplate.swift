/// A commented starting scenario for `fenqi init`.
public enum ScenarioTemplate: String, CaseIterable, Sendable {
  /// A two-arm promotion A/B test with an experiment.
  case promotionAB = "promotion-ab"

  /// The template's JSON text.
  public var text: String { "" }
}
