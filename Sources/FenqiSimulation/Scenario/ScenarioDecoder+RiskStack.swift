import FenqiCore
import FenqiDecision
import FenqiRisk

/// Decoding of `riskStack` (the lender's decision stack) and each arm's `risk` policy.
extension ScenarioDecoder {
  /// The scenario's `riskStack`; nil with problems reported when it is invalid.
  func decodeRiskStack(_ reader: JSONObjectReader, lossGivenDefault: Double?)
    -> RiskStackSettings?
  {
    var r = reader
    var s = RiskStackSettings()
    var ok = true
    func take<T>(_ value: T?, _ assign: (T) -> Void) {
      if let value { assign(value) } else { ok = false }
    }
    if var b = r.object("burnIn") {
      take(
        b.integer(
          "customers", .integer(in: 2_000, 10_000_000),
          default: s.burnInCustomers)
      ) { s.burnInCustomers = $0 }
      take(b.integer("months", .integer(in: 3, 60), default: s.burnInMonths)) {
        s.burnInMonths = $0
      }
      take(
        b.integer(
          "outcomeMonths", .integer(in: 1, 24), default: s.outcomeMonths)
      ) { s.outcomeMonths = $0 }
      b.finish()
    }
    if var f = r.object("fraud") {
      var fraud = s.fraud
      take(f.number("share", .within(0, 0.2), default: fraud.share)) {
        fraud.share = $0
      }
      take(f.number("ringShare", .fraction, default: fraud.ringShare)) {
        fraud.ringShare = $0
      }
      take(f.number("ringSize", .within(2, 255), default: fraud.ringSize)) {
        fraud.ringSize = $0
      }
      take(f.number("applyRate", .fraction, default: fraud.applyRate)) {
        fraud.applyRate = $0
      }
      take(
        f.number(
          "amountMultiplier", .within(1, 100), default: fraud.amountMultiplier)
      ) { fraud.amountMultiplier = $0 }
      take(
        f.number(
          "maxApplications3m", .within(0, 100),
          default: fraud.rules.maxApplications3m)
      ) { fraud.rules.maxApplications3m = $0 }
      take(
        f.number(
          "maxExternalApplications", .within(0, 100),
          default: fraud.rules.maxExternalApplications)
      ) { fraud.rules.maxExternalApplications = $0 }
      take(
        f.number(
          "maxDeviceApplicants", .within(1, 255),
          default: fraud.rules.maxDeviceApplicants)
      ) { fraud.rules.maxDeviceApplicants = $0 }
      take(
        f.number(
          "anomalyThreshold", .within(0.5, 1), default: fraud.anomalyThreshold)
      ) { fraud.anomalyThreshold = $0 }
      take(
        f.integer(
          "forestTrees", .integer(in: 1, 1000), default: fraud.forestTrees)
      ) { fraud.forestTrees = $0 }
      f.finish()
      s.fraud = fraud
    }
    let kinds = ScoringModel.Kind.allCases.map(\.rawValue)
    take(
      r.string("pdModel", default: s.pdModel.rawValue, allowed: kinds).flatMap(
        ScoringModel.Kind.init(rawValue:))
    ) { s.pdModel = $0 }
    take(
      r.string(
        "propensityModel", default: s.propensityModel.rawValue, allowed: kinds
      )
      .flatMap(ScoringModel.Kind.init(rawValue:))
    ) { s.propensityModel = $0 }
    if var m = r.object("model") {
      var p = s.modelParameters
      take(m.integer("trees", .integer(in: 1, 1000), default: p.trees)) {
        p.trees = $0
      }
      take(m.integer("leaves", .integer(in: 2, 255), default: p.maxLeaves)) {
        p.maxLeaves = $0
      }
      take(m.integer("maxDepth", .integer(in: 0, 20), default: p.maxDepth)) {
        p.maxDepth = $0
      }
      take(m.number("learningRate", .within(0.001, 1), default: p.learningRate))
      {
        p.learningRate = $0
      }
      take(
        m.integer(
          "minDataInLeaf", .integer(in: 1, 100_000), default: p.minDataInLeaf)
      ) { p.minDataInLeaf = $0 }
      m.finish()
      s.modelParameters = p
    }
    s.pricing.lossGivenDefault = lossGivenDefault ?? s.pricing.lossGivenDefault
    s.pricing.pdHorizonMonths = s.outcomeMonths
    if var p = r.object("pricing") {
      var pricing = s.pricing
      take(
        p.number("operatingCost", .within(0, 1), default: pricing.operatingCost)
      ) {
        pricing.operatingCost = $0
      }
      take(p.number("margin", .within(-1, 1), default: pricing.margin)) {
        pricing.margin = $0
      }
      take(
        p.number(
          "competitorRate", .within(0, 2), default: pricing.competitorRate)
      ) { pricing.competitorRate = $0 }
      take(
        p.number(
          "competitorWeight", .fraction, default: pricing.competitorWeight)
      ) { pricing.competitorWeight = $0 }
      take(p.number("aprCap", .within(0.001, 2), default: pricing.aprCap)) {
        pricing.aprCap = $0
      }
      take(p.bool("declineAboveCap", default: pricing.declineAboveCap)) {
        pricing.declineAboveCap = $0
      }
      take(
        p.number(
          "acceptanceIntercept", .within(-20, 20),
          default: s.acceptanceIntercept)
      ) { s.acceptanceIntercept = $0 }
      take(
        p.number("acceptanceSlope", .within(0, 200), default: s.acceptanceSlope)
      ) { s.acceptanceSlope = $0 }
      p.finish()
      s.pricing = pricing
    }
    if let c = r.object("creditLines") {
      if let lines = decodeCreditLines(c) {
        s.creditLines = lines
      } else {
        ok = false
      }
    }
    if var c = r.object("calibration") {
      take(
        c.numbers("confidence", .within(0.5, 0.9999), default: s.confidence)
      ) { s.confidence = $0 }
      if s.confidence.isEmpty {
        c.report("confidence", "expected at least one confidence level")
        ok = false
      }
      take(
        c.integer(
          "draws", .integer(in: 100, 100_000), default: s.calibrationDraws)
      ) { s.calibrationDraws = $0 }
      take(
        c.number(
          "assetCorrelation", .within(0, 0.99), default: s.assetCorrelation)
      ) { s.assetCorrelation = $0 }
      c.finish()
    }
    if var t = r.object("retraining") {
      take(
        t.integer(
          "everyMonths", .integer(in: 0, 600), default: s.retrainEveryMonths)
      ) { s.retrainEveryMonths = $0 }
      take(t.integer("trees", .integer(in: 1, 1000), default: s.retrainTrees)) {
        s.retrainTrees = $0
      }
      t.finish()
    }
    if var e = r.object("explanations") {
      take(
        e.number("declineShare", .fraction, default: s.explainDeclineShare)
      ) { s.explainDeclineShare = $0 }
      take(
        e.number("approvalShare", .fraction, default: s.explainApprovalShare)
      ) { s.explainApprovalShare = $0 }
      take(e.integer("reasons", .integer(in: 1, 10), default: s.reasonCount)) {
        s.reasonCount = $0
      }
      e.finish()
    }
    r.finish()
    return ok ? s : nil
  }

  /// `riskStack.creditLines`: criteria, their pairwise-comparison matrix and line tiers.
  private func decodeCreditLines(_ reader: JSONObjectReader)
    -> CreditLinePolicy?
  {
    var r = reader
    let names = CreditLinePolicy.Criterion.allCases.map(\.rawValue)
    var criteria: [CreditLinePolicy.Criterion] = []
    var ok = true
    if let elements = r.array("criteria", required: true, minimumCount: 1) {
      for (path, value) in elements {
        if case .string(let name) = value,
          let c = CreditLinePolicy.Criterion(rawValue: name)
        {
          criteria.append(c)
        } else {
          var message =
            "expected one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), found \(value.shortDescription)"
          if case .string(let name) = value,
            let hint = Suggestion.nearest(to: name, among: names)
          {
            message += "; did you mean \"\(hint)\"?"
          }
          collector.report(path, message)
          ok = false
        }
      }
    } else {
      ok = false
    }
    var matrix: [[Double]] = []
    if let rows = r.array("pairwise", required: true) {
      for (path, value) in rows {
        guard case .array(let entries) = value else {
          collector.report(
            path,
            "expected an array of numbers, found \(value.shortDescription)")
          ok = false
          continue
        }
        var row: [Double] = []
        for (j, e) in entries.enumerated() {
          if case .number(let x) = e {
            row.append(x)
          } else {
            collector.report(
              "\(path)[\(j)]", "expected a number, found \(e.shortDescription)")
            ok = false
          }
        }
        matrix.append(row)
      }
    } else {
      ok = false
    }
    var hierarchy: AnalyticHierarchy? = nil
    if ok {
      if matrix.count != criteria.count {
        r.report(
          "pairwise",
          "expected a \(criteria.count) × \(criteria.count) matrix (one row per criterion), found \(matrix.count) rows"
        )
      } else {
        do {
          let h = try AnalyticHierarchy(matrix: matrix)
          if h.isConsistent {
            hierarchy = h
          } else {
            r.report(
              "pairwise",
              "the pairwise-comparison matrix is inconsistent: consistency ratio \(String(format: "%.3f", h.consistencyRatio)) (must be below 0.1; revise the judgements)"
            )
          }
        } catch {
          r.report("pairwise", error.description)
        }
      }
    }
    var tiers: [CreditLinePolicy.Tier] = []
    if let elements = r.array("tiers", required: true, minimumCount: 1) {
      for (path, value) in elements {
        guard var t = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        let score = t.number("minimumScore", .fraction)
        let line = t.number("line", .within(1, 100_000_000))
        t.finish()
        if let score, let line {
          if let last = tiers.last, score <= last.minimumScore {
            collector.report(
              path, "expected tiers in increasing order of minimumScore")
            ok = false
          }
          tiers.append(.init(minimumScore: score, line: line))
        } else {
          ok = false
        }
      }
      if tiers.count > 8 {
        r.report("tiers", "expected at most 8 tiers, found \(tiers.count)")
        ok = false
      }
    } else {
      ok = false
    }
    r.finish()
    guard ok, let hierarchy else { return nil }
    return CreditLinePolicy(
      criteria: criteria, hierarchy: hierarchy, tiers: tiers)
  }

  /// An arm's `risk` policy.
  func decodeArmRisk(_ reader: JSONObjectReader, periods: Int?)
    -> ArmRiskPolicy?
  {
    var r = reader
    var p = ArmRiskPolicy()
    var ok = true
    func take<T>(_ value: T?, _ assign: (T) -> Void) {
      if let value { assign(value) } else { ok = false }
    }
    take(
      r.string(
        "decision", default: p.decision.rawValue,
        allowed: ArmRiskPolicy.Decision.allCases.map(\.rawValue)
      ).flatMap(ArmRiskPolicy.Decision.init(rawValue:))
    ) { p.decision = $0 }
    if let v = r.value("riskAppetite") {
      if v == .null {
        p.riskAppetite = nil
      } else if case .array(let elements) = v {
        var out: [Double] = []
        for (k, e) in elements.enumerated() {
          if case .number(let x) = e, x > 0, x <= 1 {
            out.append(x)
          } else {
            collector.report(
              "\(r.childPath("riskAppetite"))[\(k)]",
              "expected a loss rate in (0, 1], found \(e.shortDescription)")
            ok = false
          }
        }
        p.riskAppetite = out
      } else {
        r.report(
          "riskAppetite",
          "expected an array of loss rates (one per calibration confidence level) or null, found \(v.shortDescription)"
        )
        ok = false
      }
    }
    take(r.number("fixedThreshold", .fraction, default: p.fixedThreshold)) {
      p.fixedThreshold = $0
    }
    take(r.bool("fraudScreen", default: p.fraudScreen)) { p.fraudScreen = $0 }
    take(r.bool("riskBasedPricing", default: p.riskBasedPricing)) {
      p.riskBasedPricing = $0
    }
    if var o = r.object("operational") {
      var op = p.operational
      take(
        o.number("incomeErrorShare", .fraction, default: op.incomeErrorShare)
      ) {
        op.incomeErrorShare = $0
      }
      take(
        o.number(
          "incomeErrorFactor", .within(0.01, 1000),
          default: op.incomeErrorFactor)
      ) { op.incomeErrorFactor = $0 }
      func months(_ key: String) -> ClosedRange<Int>?? {
        guard o.has(key) else { return .some(nil) }
        guard let m = o.numbers(key, .integer(in: 1, 600), count: 2) else {
          return .none
        }
        guard m[0] <= m[1] else {
          o.report(key, "expected [first, last] months with first ≤ last")
          return .none
        }
        if let periods, Int(m[1]) > periods {
          o.report(key, "expected months within the horizon of \(periods)")
          return .none
        }
        return .some(Int(m[0])...Int(m[1]))
      }
      take(months("misconfiguredMonths")) { op.misconfiguredMonths = $0 }
      take(
        o.number(
          "misconfiguredThreshold", .fraction,
          default: op.misconfiguredThreshold)
      ) { op.misconfiguredThreshold = $0 }
      take(months("outageMonths")) { op.outageMonths = $0 }
      o.finish()
      p.operational = op
    }
    r.finish()
    return ok ? p : nil
  }
}
