import FenqiCore
import FenqiDecision

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
    fields.choice(&r, "pdModel", into: &s, \.pdModel)
    fields.choice(&r, "propensityModel", into: &s, \.propensityModel)
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
    if let lines = fields.object(&r, "creditLines", decodeCreditLines) {
      s.creditLines = lines
    }
    if var c = r.object("calibration") {
      fields.numbers(
        &c, "confidence", .within(0.5, 0.9999), into: &s, \.confidence)
      if s.confidence.isEmpty {
        c.report("confidence", "expected at least one confidence level")
        fields.require(false)
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
    decodeLearning(&r, into: &s, fields: &fields)
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
    var fields = DecodedFields()
    let names = CreditLinePolicy.Criterion.allCases.map(\.rawValue)
    var criteria: [CreditLinePolicy.Criterion] = []
    let given: [Void]? = fields.array(
      &r, "criteria", required: true, minimumCount: 1
    ) { path, value in
      if case .string(let name) = value,
        let c = CreditLinePolicy.Criterion(rawValue: name)
      {
        criteria.append(c)
        return ()
      }
      var message =
        "expected one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), found \(value.shortDescription)"
      if case .string(let name) = value,
        let hint = Suggestion.nearest(to: name, among: names)
      {
        message += "; did you mean \"\(hint)\"?"
      }
      collector.report(path, message)
      return nil
    }
    fields.take(given)
    let matrix = fields.take(
      fields.array(&r, "pairwise", required: true) { path, value -> [Double]? in
        guard case .array(let entries) = value else {
          collector.report(
            path,
            "expected an array of numbers, found \(value.shortDescription)")
          return nil
        }
        var row: [Double] = []
        for (j, e) in entries.enumerated() {
          if case .number(let x) = e {
            row.append(x)
          } else {
            collector.report(
              "\(path)[\(j)]", "expected a number, found \(e.shortDescription)")
          }
        }
        return row.count == entries.count ? row : nil
      })
    var hierarchy: AnalyticHierarchy? = nil
    if fields.ok, let matrix,
      check(
        .pairwise(
          path: r.childPath("pairwise"), criteria: criteria.count,
          rows: matrix.map(\.count)))
    {
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
    var tiers: [CreditLinePolicy.Tier] = []
    let tiersGiven: [Void]? = fields.array(
      &r, "tiers", required: true, minimumCount: 1
    ) { path, value in
      guard var t = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      var tier = DecodedFields()
      let score = tier.number(&t, "minimumScore", .fraction)
      let line = tier.number(&t, "line", .within(1, 100_000_000))
      t.finish()
      guard let score, let line else { return nil }
      let increasing = check(
        .tier(path: path, minimumScore: score, after: tiers.last?.minimumScore))
      tiers.append(.init(minimumScore: score, line: line))
      return increasing ? () : nil
    }
    if fields.take(tiersGiven) != nil, tiers.count > 8 {
      r.report("tiers", "expected at most 8 tiers, found \(tiers.count)")
      fields.require(false)
    }
    r.finish()
    guard fields.ok, let hierarchy else { return nil }
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
    fields.choice(&r, "decision", into: &p, \.decision)
    // An array of loss rates, or null for none.
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
            fields.require(false)
          }
        }
        p.riskAppetite = out
      } else {
        r.report(
          "riskAppetite",
          "expected an array of loss rates (one per calibration confidence level) or null, found \(v.shortDescription)"
        )
        fields.require(false)
      }
    }
    fields.number(&r, "fixedThreshold", .fraction, into: &p, \.fixedThreshold)
    fields.bool(&r, "fraudScreen", into: &p, \.fraudScreen)
    fields.bool(&r, "riskBasedPricing", into: &p, \.riskBasedPricing)
    if var o = r.object("operational") {
      fields.number(
        &o, "incomeErrorShare", .fraction, into: &p,
        \.operational.incomeErrorShare)
      fields.number(
        &o, "incomeErrorFactor", .within(0.01, 1000), into: &p,
        \.operational.incomeErrorFactor)
      p.operational.misconfiguredMonths = months(
        &o, &fields, "misconfiguredMonths", periods: periods)
      fields.number(
        &o, "misconfiguredThreshold", .fraction, into: &p,
        \.operational.misconfiguredThreshold)
      p.operational.outageMonths = months(
        &o, &fields, "outageMonths", periods: periods)
      o.finish()
    }
    r.finish()
    return fields.ok ? p : nil
  }

  /// Months `key` as [first, last] within the run; nil when absent or invalid.
  private func months(
    _ o: inout JSONObjectReader, _ fields: inout DecodedFields, _ key: String,
    periods: Int?
  ) -> ClosedRange<Int>? {
    guard o.has(key),
      let m = fields.numbers(&o, key, .integer(in: 1, 600), count: 2)
    else { return nil }
    guard m[0] <= m[1] else {
      o.report(key, "expected [first, last] months with first ≤ last")
      fields.require(false)
      return nil
    }
    guard
      check(
        .operationalMonths(
          path: o.childPath(key), last: Int(m[1]), periods: periods))
    else {
      fields.require(false)
      return nil
    }
    return Int(m[0])...Int(m[1])
  }
}
