import FenqiDecision

extension LenderRuntime {
  /// Each arm's stack as it decided the window's last month — models, threshold, funding rate and
  /// cap of that month — with the burn-in's feature distributions and each PD model's scores on
  /// them; nil for the burn-in itself or a run with no month in its window.
  func decisionBundle() -> DecisionBundle? {
    guard let (period, month) = lastMonth, !risk.recording else { return nil }
    let s = risk.settings
    var arms: [DecisionBundle.Arm] = []
    for a in scenario.arms.indices {
      guard let stack = month.stacks[a] else { continue }
      arms.append(
        DecisionBundle.Arm(
          name: scenario.arms[a].name, mode: month.modes[a],
          threshold: month.thresholds[a], fundingRate: risk.fundingRate[period],
          cap: risk.cap[period], rule: stack.rule, averagePD: stack.averagePD,
          pd: stack.pd, propensity: month.propensity[a],
          fraudScreen: stack.fraud != nil,
          riskBasedPricing: stack.pricing != nil,
          scores: DecisionBundle.scoreDistribution(stack.pd, rows: applications)
        ))
    }
    let slug = String(
      scenario.name.lowercased().unicodeScalars.map {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
          ? Character($0) : "-"
      }
    ).prefix(60)
    return DecisionBundle(
      version: "\(slug)-seed\(scenario.seed)-m\(period)",
      fraud: FraudScreen(
        rules: s.fraud.rules, forest: forest,
        anomalyThreshold: s.fraud.anomalyThreshold),
      pricing: s.pricing, creditLines: s.creditLines,
      features: DecisionBundle.distributions(of: applications), arms: arms,
      reasonCount: s.reasonCount)
  }
}
