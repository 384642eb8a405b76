import FenqiCore
import FenqiModels

extension DecisionBundle {
  /// The bundle as JSON without its hash: the canonical content the hash covers.
  var contentJSON: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("format", .string(Self.format)),
      ("formatVersion", .number(Double(Self.formatVersion))),
      ("version", .string(version)),
      ("reasonCount", .number(Double(reasonCount))),
      (
        "featureDefinitions",
        .array(
          FeatureDefinition.all.map { d in
            .object([
              ("name", .string(d.name)), ("unit", .string(d.unit)),
              ("meaning", .string(d.meaning)),
              ("range", .array([.number(d.lower), .number(d.upper)])),
              ("source", .string(d.source.rawValue)),
              ("reasonCode", .string(d.reasonCode)),
              ("reason", .string(d.reason)),
            ])
          })
      ),
      (
        "trainingDistribution",
        .object(
          zip(LenderFeature.names, features).map {
            ($0, Self.distributionJSON($1))
          })
      ),
      (
        "arms",
        .object(arms.map { ($0.name, Self.armJSON($0)) })
      ),
    ]
    if let fraud {
      var screen: [(key: String, value: JSONValue)] = [
        ("maxApplications3m", .number(fraud.rules.maxApplications3m)),
        (
          "maxExternalApplications",
          .number(fraud.rules.maxExternalApplications)
        ),
        ("maxDeviceApplicants", .number(fraud.rules.maxDeviceApplicants)),
        ("anomalyThreshold", .number(fraud.anomalyThreshold)),
        (
          "anomalyFeatures",
          .array(
            FraudScreen.anomalyFeatures.map {
              .string(LenderFeature.names[$0.rawValue])
            })
        ),
      ]
      if let forest = fraud.forest {
        screen.append(("isolationForest", forest.json))
      }
      members.append(("fraudScreen", .object(screen)))
    }
    if let p = pricing {
      members.append(
        (
          "pricing",
          .object([
            ("operatingCost", .number(p.operatingCost)),
            ("margin", .number(p.margin)),
            ("competitorRate", .number(p.competitorRate)),
            ("competitorWeight", .number(p.competitorWeight)),
            ("aprCap", .number(p.aprCap)),
            ("lossGivenDefault", .number(p.lossGivenDefault)),
            ("pdHorizonMonths", .number(Double(p.pdHorizonMonths))),
            ("declineAboveCap", .bool(p.declineAboveCap)),
          ])
        ))
    }
    if let lines = creditLines {
      let h = lines.hierarchy
      members.append(
        (
          "creditLines",
          .object([
            ("criteria", .array(lines.criteria.map { .string($0.rawValue) })),
            ("weights", .array(h.weights.map { .number($0) })),
            ("lambdaMax", .number(h.lambdaMax)),
            ("consistencyIndex", .number(h.consistencyIndex)),
            ("consistencyRatio", .number(h.consistencyRatio)),
            (
              "tiers",
              .array(
                lines.tiers.map {
                  .object([
                    ("minimumScore", .number($0.minimumScore)),
                    ("line", .number($0.line)),
                  ])
                })
            ),
          ])
        ))
    }
    return .object(members)
  }

  static func distributionJSON(_ d: FeatureDistribution) -> JSONValue {
    .object([
      ("upperBounds", .array(d.upperBounds.map { .number($0) })),
      ("shares", .array(d.shares.map { .number($0) })),
      ("missingShare", .number(d.missingShare)),
      ("count", .number(Double(d.count))),
    ])
  }

  static func armJSON(_ a: Arm) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("mode", .string(a.mode.rawValue)), ("threshold", .number(a.threshold)),
      ("fundingRate", .number(a.fundingRate)), ("aprCap", .number(a.cap)),
      ("averagePD", .number(a.averagePD)),
      ("fraudScreen", .bool(a.fraudScreen)),
      ("riskBasedPricing", .bool(a.riskBasedPricing)),
      ("scoreDistribution", distributionJSON(a.scores)),
      (
        "rule",
        .object(
          [
            ("minimumScore", .number(a.rule.minimumScore)),
            ("maxOpenLoans", .number(a.rule.maxOpenLoans)),
          ]
            + (a.rule.maxDebtToIncome.map { [("maxDebtToIncome", .number($0))] }
              ?? []))
      ),
    ]
    if let pd = a.pd { members.append(("pd", pd.bundleJSON)) }
    if let p = a.propensity { members.append(("propensity", p.bundleJSON)) }
    return .object(members)
  }
}
