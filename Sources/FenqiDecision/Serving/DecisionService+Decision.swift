import FenqiCore

extension DecisionService {
  /// A made decision: the reply's text, the audit line and the monitor's view.
  struct Made {
    /// The decision's compact JSON, as the reply sends it.
    var response: String
    /// `{"features": {…}, "inputs": {…}, "response": <the reply's text>}`: keys sorted, the
    /// response spliced in as sent (it is formatted once).
    var audit: String
    var observation: DecisionObservation
  }

  /// Names with their quoted JSON keys, sorted by name, and their positions: the audit line's
  /// objects are written in key order without sorting per request.
  static let featureKeys = sortedKeys(LenderFeature.names)
  static let inputKeys = sortedKeys(RequestField.names)

  static func sortedKeys(_ names: [String]) -> [(key: String, index: Int)] {
    names.enumerated().sorted { $0.element < $1.element }.map {
      (JSONWriter.quoted($0.element) + ":", $0.offset)
    }
  }

  /// A compact JSON object of numbers in key order.
  static func numbers(_ keys: [(key: String, index: Int)], _ values: [Double])
    -> String
  {
    var out = "{"
    for (k, entry) in keys.enumerated() {
      if k > 0 { out += "," }
      out += entry.key
      out += JSONWriter.format(values[entry.index])
    }
    return out + "}"
  }

  /// The stage's reason code and wording when the stack declines.
  static func declineReason(_ d: DecisionStack.Decision) -> (
    stage: String, code: String, reason: String
  )? {
    switch d.outcome {
    case .approved: return nil
    case .fraudDecline:
      switch d.fraudVerdict {
      case .velocity:
        return (
          "fraud", "F01",
          "too many applications with us in the last three months"
        )
      case .multiLending:
        return (
          "fraud", "F02",
          "too many applications to other lenders in the last three months"
        )
      case .sharedDevice:
        return ("fraud", "F03", "device shared by too many applicants")
      case .anomaly, .pass:
        return (
          "fraud", "F04",
          "application unlike our usual applicants (anomaly screen)"
        )
      }
    case .riskDecline:
      return ("pd", "D01", "estimated risk of default above our limit")
    case .lineDecline:
      return ("line", "D02", "amount requested above the credit line available")
    case .capDecline:
      return ("cap", "D03", "the risk-based price would exceed the rate cap")
    case .ruleDecline:
      return ("rule", "D04", "does not meet our minimum credit criteria")
    }
  }

  static let verdictNames = [
    "pass", "velocity", "multiLending", "sharedDevice", "anomaly",
  ]

  /// Decides one validated application with its arm's stack.
  func decision(_ request: ApplicationRequest) -> Made {
    let a = request.arm
    let arm = bundle.arms[a]
    let stack = stacks[a]
    var row = [Double](repeating: 0, count: LenderFeature.count)
    var scratch = ScoringModel.Scratch()
    let (d, reasons, hits) = row.withUnsafeMutableBufferPointer { buffer in
      let p = buffer.start
      request.fill(p)
      let d = stack.decide(
        p, balance: request.balance, mode: arm.mode, threshold: arm.threshold,
        fundingRate: arm.fundingRate, cap: arm.cap, scratch: &scratch)
      let reasons =
        d.scored ? (stack.pd?.reasons(p, count: bundle.reasonCount) ?? []) : []
      return (d, reasons, ruleHits(p, screened: stack.fraud))
    }
    var m: [(key: String, value: JSONValue)] = [
      ("arm", .string(arm.name)), ("bundleVersion", .string(version)),
      ("decision", .string(d.outcome == .approved ? "approved" : "declined")),
      ("outcome", .string(d.outcome.name)),
      (
        "fraud",
        .object([
          ("screened", .bool(stack.fraud != nil)),
          ("score", .number(d.anomaly)),
          ("verdict", .string(Self.verdictNames[Int(d.fraudVerdict.rawValue)])),
          ("ruleHits", .array(hits.map { .string($0) })),
        ])
      ),
      ("pd", .number(d.pd)), ("scored", .bool(d.scored)),
      ("threshold", .number(arm.threshold)),
      ("apr", d.apr.map { .number($0) } ?? .null),
      ("pricing", .string(d.apr == nil ? "offer rate" : "risk-based")),
      (
        "creditLine",
        d.tier >= 0
          ? .object([
            ("tier", .number(Double(d.tier))), ("amount", .number(d.line)),
          ]) : .null
      ),
      (
        "reasons",
        .array(
          reasons.map { r in
            let def = LenderFeature.names.firstIndex(of: r.name).map {
              FeatureDefinition.all[$0]
            }
            return .object([
              ("code", .string(def?.reasonCode ?? "R00")),
              ("reason", .string(def?.reason ?? r.name)),
              ("feature", .string(r.name)),
              ("contribution", .number(r.contribution)),
            ])
          })
      ),
    ]
    if let decline = Self.declineReason(d) {
      m.append(("declineStage", .string(decline.stage)))
      m.append(
        (
          "declineReason",
          .object([
            ("code", .string(decline.code)),
            ("reason", .string(decline.reason)),
          ])
        ))
    } else {
      m.append(("declineStage", .null))
      m.append(("declineReason", .null))
    }
    if let id = request.applicationId {
      m.append(("applicationId", .string(id)))
    }
    let response = JSONWriter.compact(.object(m))
    let audit =
      "{\"features\":" + Self.numbers(Self.featureKeys, row) + ",\"inputs\":"
      + Self.numbers(Self.inputKeys, request.values) + ",\"response\":"
      + response + "}"
    return Made(
      response: response, audit: audit,
      observation: DecisionObservation(
        arm: a, features: row, pd: d.scored ? d.pd : nil))
  }

  /// Every fraud rule the row breaks (the screen stops at the first; a reviewer wants all).
  func ruleHits(_ row: UnsafePointer<Double>, screened: FraudScreen?)
    -> [String]
  {
    guard let rules = screened?.rules else { return [] }
    typealias F = LenderFeature
    var hits: [String] = []
    if row[F.applications3m.rawValue] > rules.maxApplications3m {
      hits.append("velocity")
    }
    if row[F.externalApplications3m.rawValue] > rules.maxExternalApplications {
      hits.append("multiLending")
    }
    if row[F.deviceApplicants.rawValue] > rules.maxDeviceApplicants {
      hits.append("sharedDevice")
    }
    return hits
  }
}
