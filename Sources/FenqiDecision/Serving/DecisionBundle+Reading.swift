import FenqiCore
import FenqiModels

extension DecisionBundle {
  /// Reads and checks a bundle's JSON: every problem is collected with its JSON path, then the
  /// content hash is checked.
  init(json: JSONValue, file: String) throws(DecisionBundleError) {
    let collector = ProblemCollector()
    guard var r = JSONObjectReader(json, path: "$", collector: collector) else {
      throw .invalid(file: file, problems: collector.problems)
    }
    _ = r.string("format", allowed: [Self.format])
    _ = r.integer("formatVersion", .integer(oneOf: [Self.formatVersion]))
    let version = r.name("version")
    let reasonCount = r.integer("reasonCount", .integer(in: 0, 27))
    _ = r.value("featureDefinitions")
    let recorded = r.string("contentHash")
    var features: [FeatureDistribution] = []
    if var t = r.object("trainingDistribution", required: true) {
      for name in LenderFeature.names {
        if let d = t.object(name, required: true),
          let x = Self.readDistribution(d)
        {
          features.append(x)
        }
      }
      t.finish()
    }
    var arms: [Arm] = []
    if let v = r.value("arms"), case .object(let members) = v, !members.isEmpty
    {
      if var a = JSONObjectReader(
        v, path: r.childPath("arms"), collector: collector)
      {
        for m in members {
          if var arm = a.object(m.key), let x = Self.readArm(&arm, name: m.key)
          {
            arms.append(x)
          }
        }
        a.finish()
      }
    } else {
      r.report("arms", "expected an object of one or more arms keyed by name")
    }
    let fraud = r.object("fraudScreen").flatMap { Self.readFraud($0) }
    let pricing = r.object("pricing").flatMap { Self.readPricing($0) }
    let lines = r.object("creditLines").flatMap { Self.readLines($0) }
    r.finish()
    guard collector.problems.isEmpty, let version, let reasonCount,
      features.count == LenderFeature.count
    else {
      throw .invalid(file: file, problems: collector.problems)
    }
    self.init(
      version: version, fraud: fraud, pricing: pricing, creditLines: lines,
      features: features, arms: arms, reasonCount: reasonCount)
    if arms.contains(where: \.fraudScreen), fraud == nil {
      throw .invalid(
        file: file,
        problems: [
          .init(
            path: "$.fraudScreen",
            message: "missing: an arm runs the fraud screen")
        ])
    }
    let computed = contentHash
    if let recorded, recorded != computed {
      throw .hashMismatch(file: file, recorded: recorded, computed: computed)
    }
  }

  static func readDistribution(_ r: JSONObjectReader) -> FeatureDistribution? {
    var r = r
    let bounds = r.numbers("upperBounds", .any)
    let shares = r.numbers("shares", .fraction)
    let missing = r.number("missingShare", .fraction)
    let count = r.integer("count", .integer(atLeast: 0))
    r.finish()
    guard let bounds, let shares, let missing, let count else { return nil }
    guard shares.count == bounds.count + 1,
      zip(bounds, bounds.dropFirst()).allSatisfy(<)
    else {
      r.report(
        "shares", "expected one share more than upper bounds, bounds ascending")
      return nil
    }
    return FeatureDistribution(
      upperBounds: bounds, shares: shares, missingShare: missing, count: count)
  }

  static func readArm(_ r: inout JSONObjectReader, name: String) -> Arm? {
    let mode = r.string(
      "mode", allowed: ArmRiskPolicy.Decision.allCases.map(\.rawValue))
    let threshold = r.number("threshold", .fraction)
    let funding = r.number("fundingRate", .within(-1, 10))
    let cap = r.number("aprCap", .within(0, 10))
    let average = r.number("averagePD", .fraction)
    let screen = r.bool("fraudScreen")
    let pricing = r.bool("riskBasedPricing")
    let scores = r.object("scoreDistribution", required: true).flatMap(
      readDistribution)
    var rule: DecisionStack.RuleFallback?
    if var o = r.object("rule", required: true) {
      let minimum = o.number("minimumScore", .any)
      let open = o.number("maxOpenLoans", .any)
      let dti = o.number("maxDebtToIncome", .any, default: .nan)
      o.finish()
      if let minimum, let open, let dti {
        rule = .init(
          minimumScore: minimum, maxOpenLoans: open,
          maxDebtToIncome: dti.isNaN ? nil : dti)
      }
    }
    var pd: ScoringModel?
    if var o = r.object("pd") {
      pd = ScoringModel.read(&o)
      o.finish()
    }
    var propensity: ScoringModel?
    if var o = r.object("propensity") {
      propensity = ScoringModel.read(&o)
      o.finish()
    }
    r.finish()
    guard let mode = mode.flatMap(ArmRiskPolicy.Decision.init(rawValue:)),
      let threshold,
      let funding, let cap, let average, let screen, let pricing, let scores,
      let rule
    else { return nil }
    return Arm(
      name: name, mode: mode, threshold: threshold, fundingRate: funding,
      cap: cap,
      rule: rule, averagePD: average, pd: pd, propensity: propensity,
      fraudScreen: screen, riskBasedPricing: pricing, scores: scores)
  }

  static func readFraud(_ r: JSONObjectReader) -> FraudScreen? {
    var r = r
    let velocity = r.number("maxApplications3m", .nonNegative)
    let external = r.number("maxExternalApplications", .nonNegative)
    let device = r.number("maxDeviceApplicants", .nonNegative)
    let threshold = r.number("anomalyThreshold", .fraction)
    _ = r.value("anomalyFeatures")
    var forest: IsolationForest?
    if let v = r.value("isolationForest") {
      do {
        forest = try IsolationForest(
          json: v, path: r.childPath("isolationForest"))
        if forest?.width != FraudScreen.anomalyFeatures.count {
          r.report(
            "isolationForest",
            "expected a forest over the \(FraudScreen.anomalyFeatures.count) anomaly features"
          )
        }
      } catch {
        r.collector.report(r.childPath("isolationForest"), error.description)
      }
    }
    r.finish()
    guard let velocity, let external, let device, let threshold else {
      return nil
    }
    return FraudScreen(
      rules: .init(
        maxApplications3m: velocity, maxExternalApplications: external,
        maxDeviceApplicants: device),
      forest: forest, anomalyThreshold: threshold)
  }

  static func readPricing(_ r: JSONObjectReader) -> RiskBasedPricing? {
    var r = r
    let operating = r.number("operatingCost", .any)
    let margin = r.number("margin", .any)
    let competitor = r.number("competitorRate", .nonNegative)
    let weight = r.number("competitorWeight", .fraction)
    let cap = r.number("aprCap", .nonNegative)
    let lgd = r.number("lossGivenDefault", .fraction)
    let horizon = r.integer("pdHorizonMonths", .integer(atLeast: 1))
    let decline = r.bool("declineAboveCap")
    r.finish()
    guard let operating, let margin, let competitor, let weight, let cap,
      let lgd,
      let horizon, let decline
    else { return nil }
    return RiskBasedPricing(
      operatingCost: operating, margin: margin, competitorRate: competitor,
      competitorWeight: weight, aprCap: cap, lossGivenDefault: lgd,
      pdHorizonMonths: horizon, declineAboveCap: decline)
  }

  static func readLines(_ r: JSONObjectReader) -> CreditLinePolicy? {
    var r = r
    var criteria: [CreditLinePolicy.Criterion] = []
    for e in r.array("criteria", required: true) ?? [] {
      if case .string(let s) = e.value,
        let c = CreditLinePolicy.Criterion(rawValue: s)
      {
        criteria.append(c)
      } else {
        r.collector.report(
          e.path,
          "expected one of "
            + CreditLinePolicy.Criterion.allCases.map { "\"\($0.rawValue)\"" }
            .joined(separator: ", ") + ", found \(e.value.shortDescription)")
      }
    }
    let weights = r.numbers("weights", .fraction, count: criteria.count)
    let lambda = r.number("lambdaMax", .any)
    let ci = r.number("consistencyIndex", .any)
    let cr = r.number("consistencyRatio", .any)
    var tiers: [CreditLinePolicy.Tier] = []
    for e in r.array("tiers", required: true) ?? [] {
      guard
        var t = JSONObjectReader(e.value, path: e.path, collector: r.collector)
      else {
        continue
      }
      let minimum = t.number("minimumScore", .fraction)
      let line = t.number("line", .nonNegative)
      t.finish()
      if let minimum, let line {
        tiers.append(.init(minimumScore: minimum, line: line))
      }
    }
    r.finish()
    guard let weights, let lambda, let ci, let cr else { return nil }
    return CreditLinePolicy(
      criteria: criteria,
      hierarchy: AnalyticHierarchy(
        weights: weights, lambdaMax: lambda, consistencyIndex: ci,
        consistencyRatio: cr),
      tiers: tiers)
  }
}

extension AnalyticHierarchy {
  /// Weights and consistency as saved (a bundle carries the solved hierarchy, not its matrix).
  init(
    weights: [Double], lambdaMax: Double, consistencyIndex: Double,
    consistencyRatio: Double
  ) {
    self.weights = weights
    self.lambdaMax = lambdaMax
    self.consistencyIndex = consistencyIndex
    self.consistencyRatio = consistencyRatio
  }
}
