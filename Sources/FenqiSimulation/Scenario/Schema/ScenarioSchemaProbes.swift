/// Documents that make the scenario decoder read every section and every variant the templates
/// leave out, so the generated schema covers them (they need not be valid scenarios: the
/// recorder notes what the decoder asks for, valid or not).
enum ScenarioSchemaProbes {
  /// The probes' JSON texts.
  static let documents: [String] = []
}
