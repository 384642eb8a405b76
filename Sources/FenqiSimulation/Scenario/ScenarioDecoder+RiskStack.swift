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
    var fields = DecodedFields()
    if var b = r.object("burnIn") {
      fields.integer(
        &b, "customers", .integer(in: 2_000, 10_000_000), into: &s,
        \.burnInCustomers)
      fields.integer(
        &b, "months", .integer(in: 3, 60), into: &s, \.burnInMonths)
      fields.integer(
        &b, "outcomeMonths", .integer(in: 1, 24), into: &s, \.outcomeMonths)
      b.finish()
    }
    if var f = r.object("fraud") {
      var fraud = s.fraud
      fields.number(&f, "share", .within(0, 0.2), into: &fraud, \.share)
      fields.number(&f, "ringShare", .fraction, into: &fraud, \.ringShare)
      fields.number(&f, "ringSize", .within(2, 255), into: &fraud, \.ringSize)
      fields.number(&f, "applyRate", .fraction, into: &fraud, \.applyRate)
      fields.number(
        &f, "amountMultiplier", .within(1, 100), into: &fraud,
        \.amountMultiplier)
      fields.number(
        &f, "maxApplications3m", .within(0, 100), into: &fraud,
        \.rules.maxApplications3m)
      fields.number(
        &f, "maxExternalApplications", .within(0, 100), into: &fraud,
        \.rules.maxExternalApplications)
      fields.number(
        &f, "maxDeviceApplicants", .within(1, 255), into: &fraud,
        \.rules.maxDeviceApplicants)
      fields.number(
        &f, "anomalyThreshold", .within(0.5, 1), into: &fraud,
        \.anomalyThreshold)
      fields.integer(
        &f, "forestTrees", .integer(in: 1, 1000), into: &fraud, \.forestTrees)
      f.finish()
      s.fraud = fraud
    }
    let kinds = ScoringModel.Kind.allCases.map(\.rawValue)
    fields.take(
      r.string("pdModel", default: s.pdModel.rawValue, allowed: kinds).flatMap(
        ScoringModel.Kind.init(rawValue:))
    ) { s.pdModel = $0 }
    fields.take(
      r.string(
        "propensityModel", default: s.propensityModel.rawValue, allowed: kinds
      )
      .flatMap(ScoringModel.Kind.init(rawValue:))
    ) { s.propensityModel = $0 }
    if var m = r.object("model") {
      var p = s.modelParameters
      fields.integer(&m, "trees", .integer(in: 1, 1000), into: &p, \.trees)
      fields.integer(&m, "leaves", .integer(in: 2, 255), into: &p, \.maxLeaves)
      fields.integer(&m, "maxDepth", .integer(in: 0, 20), into: &p, \.maxDepth)
      fields.number(
        &m, "learningRate", .within(0.001, 1), into: &p, \.learningRate)
      fields.integer(
        &m, "minDataInLeaf", .integer(in: 1, 100_000), into: &p, \.minDataInLeaf
      )
      m.finish()
      s.modelParameters = p
    }
    s.pricing.lossGivenDefault = lossGivenDefault ?? s.pricing.lossGivenDefault
    s.pricing.pdHorizonMonths = s.outcomeMonths
    if var p = r.object("pricing") {
      var pricing = s.pricing
      fields.number(
        &p, "operatingCost", .within(0, 1), into: &pricing, \.operatingCost)
      fields.number(&p, "margin", .within(-1, 1), into: &pricing, \.margin)
      fields.number(
        &p, "competitorRate", .within(0, 2), into: &pricing, \.competitorRate)
      fields.number(
        &p, "competitorWeight", .fraction, into: &pricing, \.competitorWeight)
      fields.number(&p, "aprCap", .within(0.001, 2), into: &pricing, \.aprCap)
      fields.bool(&p, "declineAboveCap", into: &pricing, \.declineAboveCap)
      fields.number(
        &p, "acceptanceIntercept", .within(-20, 20), into: &s,
        \.acceptanceIntercept)
      fields.number(
        &p, "acceptanceSlope", .within(0, 200), into: &s, \.acceptanceSlope)
      p.finish()
      s.pricing = pricing
    }
    if let c = r.object("creditLines") {
      if let lines = decodeCreditLines(c) {
        s.creditLines = lines
      } else {
        fields.ok = false
      }
    }
    if var c = r.object("calibration") {
      fields.take(
        c.numbers("confidence", .within(0.5, 0.9999), default: s.confidence)
      ) { s.confidence = $0 }
      if s.confidence.isEmpty {
        c.report("confidence", "expected at least one confidence level")
        fields.ok = false
      }
      fields.integer(
        &c, "draws", .integer(in: 100, 100_000), into: &s, \.calibrationDraws)
      fields.number(
        &c, "assetCorrelation", .within(0, 0.99), into: &s, \.assetCorrelation)
      c.finish()
    }
    if var t = r.object("retraining") {
      fields.integer(
        &t, "everyMonths", .integer(in: 0, 600), into: &s, \.retrainEveryMonths)
      fields.integer(
        &t, "trees", .integer(in: 1, 1000), into: &s, \.retrainTrees)
      t.finish()
    }
    if var e = r.object("explanations") {
      fields.number(
        &e, "declineShare", .fraction, into: &s, \.explainDeclineShare)
      fields.number(
        &e, "approvalShare", .fraction, into: &s, \.explainApprovalShare)
      fields.integer(
        &e, "reasons", .integer(in: 1, 10), into: &s, \.reasonCount)
      e.finish()
    }
    r.finish()
    return fields.ok ? s : nil
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
    var fields = DecodedFields()
    fields.take(
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
            fields.ok = false
          }
        }
        p.riskAppetite = out
      } else {
        r.report(
          "riskAppetite",
          "expected an array of loss rates (one per calibration confidence level) or null, found \(v.shortDescription)"
        )
        fields.ok = false
      }
    }
    fields.number(&r, "fixedThreshold", .fraction, into: &p, \.fixedThreshold)
    fields.bool(&r, "fraudScreen", into: &p, \.fraudScreen)
    fields.bool(&r, "riskBasedPricing", into: &p, \.riskBasedPricing)
    if var o = r.object("operational") {
      var op = p.operational
      fields.number(
        &o, "incomeErrorShare", .fraction, into: &op, \.incomeErrorShare)
      fields.number(
        &o, "incomeErrorFactor", .within(0.01, 1000), into: &op,
        \.incomeErrorFactor)
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
      fields.take(months("misconfiguredMonths")) { op.misconfiguredMonths = $0 }
      fields.number(
        &o, "misconfiguredThreshold", .fraction, into: &op,
        \.misconfiguredThreshold)
      fields.take(months("outageMonths")) { op.outageMonths = $0 }
      o.finish()
      p.operational = op
    }
    r.finish()
    return fields.ok ? p : nil
  }
}
