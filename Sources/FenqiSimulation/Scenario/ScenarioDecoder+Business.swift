import FenqiCore
import FenqiCredit
import FenqiPopulation

/// Decoding of `business` (categories, merchants, shocks, firms, bureau, customer value) and each
/// arm's `lines` and `recourse`.
extension ScenarioDecoder {
  /// The scenario's `business`.
  ///
  /// - Parameters:
  ///   - reader: the `business` object.
  ///   - segments: the population's segments (names and borrower kinds).
  ///   - periods: the horizon, when valid.
  /// - Returns: the settings, or nil after reporting every problem.
  func decodeBusiness(
    _ reader: JSONObjectReader, segments: [SegmentProfile], periods: Int?
  ) -> BusinessSettings? {
    var r = reader
    var fields = DecodedFields()
    var categories: [MerchantCategory] = []
    var merchantTotal = 0
    // Names as written, so that one bad category does not make every shock naming it wrong too.
    var categoryNames: [String] = []
    if let elements = r.array("categories", required: true, minimumCount: 1) {
      categoryNames = elements.compactMap { Self.name(of: $0.value) }
      var names = Set<String>()
      for (path, value) in elements {
        guard var c = JSONObjectReader(value, path: path, collector: collector)
        else {
          fields.ok = false
          continue
        }
        if let category = decodeCategory(&c, segments: segments) {
          if !names.insert(category.name).inserted {
            collector.report(
              path + ".name", "duplicate category name \"\(category.name)\"")
            fields.ok = false
          }
          merchantTotal += category.merchants?.count ?? 0
          categories.append(category)
        } else {
          fields.ok = false
        }
        c.finish()
      }
      if elements.count > 32 {
        r.report(
          "categories",
          "expected at most 32 categories, found \(elements.count)")
        fields.ok = false
      }
      if merchantTotal > 60_000 {
        r.report(
          "categories",
          "expected at most 60,000 merchants over all categories, found \(merchantTotal)"
        )
        fields.ok = false
      }
      if fields.ok {
        for (g, segment) in segments.enumerated()
        where !categories.contains(where: { $0.needShare[g] > 0 }) {
          r.report(
            "categories",
            "segment \"\(segment.name)\" has no needs in any category (give it a needShare above 0)"
          )
          fields.ok = false
        }
      }
    }
    var s = BusinessSettings(categories: categories)
    fields.number(&r, "disputeRate", .fraction, into: &s, \.disputeRate)
    let hasFirmSegments = segments.contains { $0.borrower == .firm }
    var sectorNames: [String]? = nil
    if r.has("firms") {
      if case .array(let sectors) = r.value("firms")?["sectors"] ?? .null {
        sectorNames = sectors.compactMap { Self.name(of: $0) }
      } else {
        sectorNames = []
      }
    }
    if let f = r.object("firms") {
      s.firms = decodeFirms(f)
      if s.firms == nil { fields.ok = false }
      if !hasFirmSegments {
        r.report(
          "firms",
          "no population segment has \"borrower\": \"firm\" (mark the firms' segments)"
        )
        fields.ok = false
      }
    } else if hasFirmSegments {
      r.report(
        "firms",
        "missing: the population has firm segments, so describe their sectors here"
      )
      fields.ok = false
    }
    if let elements = r.array("sectorShocks") {
      for (path, value) in elements {
        guard var k = JSONObjectReader(value, path: path, collector: collector)
        else {
          fields.ok = false
          continue
        }
        if let shock = decodeShock(
          &k, categories: categoryNames, sectors: sectorNames,
          periods: periods)
        {
          s.sectorShocks.append(shock)
        } else {
          fields.ok = false
        }
        k.finish()
      }
    }
    if var b = r.object("bureau") {
      fields.number(
        &b, "eventLogit", .within(-20, 5), into: &s, \.bureau.eventLogit)
      fields.number(
        &b, "latentRiskWeight", .within(-5, 5), into: &s,
        \.bureau.latentRiskWeight)
      fields.number(
        &b, "dropPoints", .within(0, 500), into: &s, \.bureau.dropPoints)
      fields.number(
        &b, "recoveryRate", .fraction, into: &s, \.bureau.recoveryRate)
      b.finish()
    }
    if var v = r.object("customerValue") {
      fields.number(
        &v, "annualDiscountRate", .within(0, 1), into: &s,
        \.customerValue.annualDiscountRate)
      fields.integer(
        &v, "churnAfterMonths", .integer(in: 1, 60), into: &s,
        \.customerValue.churnAfterMonths)
      v.finish()
    }
    r.finish()
    return fields.ok ? s : nil
  }

  /// The `name` string of a JSON object, if it has one.
  static func name(of value: JSONValue) -> String? {
    guard case .object(let members) = value,
      let v = members.first(where: { $0.key == "name" })?.value,
      case .string(let name) = v
    else { return nil }
    return name
  }

  private func decodeCategory(
    _ c: inout JSONObjectReader, segments: [SegmentProfile]
  ) -> MerchantCategory? {
    var fields = DecodedFields()
    let name = c.name()
    let kind = c.string(
      "kind", default: MerchantCategory.Kind.goods.rawValue,
      allowed: MerchantCategory.Kind.allCases.map(\.rawValue)
    ).flatMap(MerchantCategory.Kind.init(rawValue:))
    let median = c.number("priceMedian", .within(1, 100_000_000))
    let sigma = c.number("priceSigma", .within(0, 3))
    let propensity = c.number(
      "instalmentPropensity", .within(0.001, 0.999), default: 0.5)
    let subsidy = c.number("merchantSubsidy", .fraction, default: 0)
    let seasonality = c.numbers(
      "seasonality", .within(0, 20), count: 12,
      default: Array(repeating: 1, count: 12))
    var months: [Int] = []
    var weights: [Double] = []
    if let elements = c.array("terms", required: true, minimumCount: 1) {
      for (path, value) in elements {
        guard var t = JSONObjectReader(value, path: path, collector: collector)
        else {
          fields.ok = false
          continue
        }
        let m = t.integer(
          "months", .integer(oneOf: InstalmentProduct.allowedTerms))
        let w = t.number("weight", .positive, default: 1)
        t.finish()
        if let m, months.contains(m) {
          t.report("months", "duplicate term of \(m) months")
          fields.ok = false
        } else if let m, let w {
          months.append(m)
          weights.append(w)
        } else {
          fields.ok = false
        }
      }
    }
    var share = [Double](repeating: 0, count: segments.count)
    if var n = c.object("needShare", required: true) {
      for (g, segment) in segments.enumerated() {
        fields.take(n.number(segment.name, .within(0, 1_000), default: 0)) {
          share[g] = $0
        }
      }
      n.finish()
    } else {
      fields.ok = false
    }
    var pool: MerchantPool?
    if var m = c.object("merchants") {
      let count = m.integer("count", .integer(in: 1, 60_000))
      let hazard = m.number("monthlyFailureHazard", .within(0, 0.5))
      let skew = m.number("sizeSkew", .within(0, 3), default: 1)
      m.finish()
      if let count, let hazard, let skew {
        pool = MerchantPool(
          count: count, monthlyFailureHazard: hazard, sizeSkew: skew)
      } else {
        fields.ok = false
      }
    }
    guard fields.ok, let name, let kind, let median, let sigma, let propensity,
      let subsidy, let seasonality
    else { return nil }
    return MerchantCategory(
      name: name, kind: kind, priceMedian: median, priceSigma: sigma,
      instalmentPropensity: propensity, termMonths: months,
      termWeights: weights, merchantSubsidy: subsidy,
      seasonality: seasonality, needShare: share, merchants: pool)
  }

  private func decodeShock(
    _ k: inout JSONObjectReader, categories: [String], sectors: [String]?,
    periods: Int?
  ) -> SectorShock? {
    var target: SectorShock.Target?
    if k.has("category") == k.has("sector") {
      k.report(
        "category",
        "expected exactly one of \"category\" (a merchant category) or \"sector\" (a firm sector)"
      )
    } else if k.has("category") {
      if let name = k.string("category", allowed: categories) {
        target = categories.firstIndex(of: name).map { .category($0) }
      }
    } else if let sectors {
      if let name = k.string("sector", allowed: sectors) {
        target = sectors.firstIndex(of: name).map { .firmSector($0) }
      }
    } else {
      k.report(
        "sector",
        "a firm-sector shock needs \"business.firms\" with its sectors")
    }
    let last = periods ?? 600
    let from = k.integer("fromMonth", .integer(in: 1, last))
    let to = k.integer("toMonth", .integer(in: 1, last))
    let failure = k.number("failureMultiplier", .within(0, 1_000), default: 1)
    let revenue = k.number("revenueFactor", .within(0, 5), default: 1)
    if let from, let to, to < from {
      k.report(
        "toMonth", "expected a month ≥ fromMonth (\(from)), found \(to)")
      return nil
    }
    guard let target, let from, let to, let failure, let revenue else {
      return nil
    }
    return SectorShock(
      target: target, fromMonth: from, toMonth: to,
      failureMultiplier: failure, revenueFactor: revenue)
  }

  private func decodeFirms(_ reader: JSONObjectReader) -> FirmSettings? {
    var r = reader
    var fields = DecodedFields()
    var sectors: [FirmProfile.Sector] = []
    if let elements = r.array("sectors", required: true, minimumCount: 1) {
      var names = Set<String>()
      for (path, value) in elements {
        guard var s = JSONObjectReader(value, path: path, collector: collector)
        else {
          fields.ok = false
          continue
        }
        let name = s.name()
        let share = s.number("share", .fraction)
        let peak = s.integer("peakMonth", .integer(in: 1, 12))
        let amplitude = s.number("seasonalAmplitude", .within(0, 0.9))
        s.finish()
        if let name, !names.insert(name).inserted {
          s.report("name", "duplicate sector name \"\(name)\"")
          fields.ok = false
        }
        if let name, let share, let peak, let amplitude {
          sectors.append(
            FirmProfile.Sector(
              name: name, share: share, peakMonth: peak,
              seasonalAmplitude: amplitude))
        } else {
          fields.ok = false
        }
      }
      if elements.count > 32 {
        r.report(
          "sectors", "expected at most 32 sectors, found \(elements.count)")
        fields.ok = false
      }
      let total = sectors.reduce(0) { $0 + $1.share }
      if fields.ok, abs(total - 1) > 1e-9 {
        r.report(
          "sectors",
          "expected sector shares that sum to 1, found \(JSONWriter.format((total * 1e9).rounded() / 1e9))"
        )
        fields.ok = false
      }
    }
    var f = FirmSettings(profile: FirmProfile(sectors: sectors))
    if var e = r.object("employees") {
      fields.number(
        &e, "median", .within(1, 10_000), into: &f, \.profile.employeesMedian)
      fields.number(
        &e, "sigma", .within(0, 3), into: &f, \.profile.employeesSigma)
      e.finish()
    }
    if var d = r.object("receivableDays") {
      fields.number(
        &d, "min", .within(0, 365), into: &f, \.profile.receivableDaysMin)
      fields.number(
        &d, "max", .within(0, 365), into: &f, \.profile.receivableDaysMax)
      if f.profile.receivableDaysMax < f.profile.receivableDaysMin {
        d.report(
          "max",
          "expected a number ≥ min (\(JSONWriter.format(f.profile.receivableDaysMin))), found \(JSONWriter.format(f.profile.receivableDaysMax))"
        )
        fields.ok = false
      }
      d.finish()
    }
    if var y = r.object("yearsTrading") {
      fields.number(
        &y, "median", .within(0.1, 100), into: &f, \.profile.yearsTradingMedian)
      fields.number(
        &y, "sigma", .within(0, 3), into: &f, \.profile.yearsTradingSigma)
      y.finish()
    }
    fields.number(
      &r, "amplitudeJitter", .fraction, into: &f, \.profile.amplitudeJitter)
    fields.number(
      &r, "cashFlowSensitivity", .within(0, 20), into: &f,
      \.cashFlowSensitivity)
    fields.number(
      &r, "yearsTradingEffect", .within(-5, 5), into: &f, \.yearsTradingEffect)
    fields.number(&r, "sizeEffect", .within(-5, 5), into: &f, \.sizeEffect)
    r.finish()
    return fields.ok ? f : nil
  }

  /// An arm's `lines` policy.
  func decodeLines(_ reader: JSONObjectReader) -> LineManagement? {
    var r = reader
    var fields = DecodedFields()
    var p = LineManagement()
    fields.number(
      &r, "initialIncomeMultiple", .within(0.01, 100), into: &p,
      \.initialIncomeMultiple)
    fields.number(&r, "maxLine", .within(1, 1e9), into: &p, \.maxLine)
    fields.integer(
      &r, "reviewEveryMonths", .integer(in: 1, 24), into: &p,
      \.reviewEveryMonths)
    if var raise = r.object("raise") {
      fields.number(
        &raise, "factor", .within(1, 10), into: &p, \.raiseFactor)
      fields.integer(
        &raise, "minCleanMonths", .integer(in: 0, 60), into: &p,
        \.raiseMinCleanMonths)
      fields.number(
        &raise, "minUtilisation", .fraction, into: &p, \.raiseMinUtilisation)
      fields.number(
        &raise, "maxIncomeMultiple", .within(0.01, 1_000), into: &p,
        \.maxIncomeMultiple)
      raise.finish()
    }
    if var cut = r.object("cut") {
      fields.number(
        &cut, "factor", NumberRule.within(0.01, 0.99), into: &p, \.cutFactor)
      fields.integer(
        &cut, "monthsPastDue", .integer(in: 1, 12), into: &p,
        \.cutMonthsPastDue)
      cut.finish()
    }
    if var freeze = r.object("freeze") {
      fields.integer(
        &freeze, "monthsPastDue", .integer(in: 1, 12), into: &p,
        \.freezeMonthsPastDue)
      fields.number(
        &freeze, "bureauDrop", .within(0, 1_000), into: &p,
        \.freezeBureauDrop)
      fields.integer(
        &freeze, "unfreezeCleanMonths", .integer(in: 1, 60), into: &p,
        \.unfreezeCleanMonths)
      if fields.ok, p.freezeMonthsPastDue < p.cutMonthsPastDue {
        freeze.report(
          "monthsPastDue",
          "expected at least cut.monthsPastDue (\(p.cutMonthsPastDue)), found \(p.freezeMonthsPastDue)"
        )
        fields.ok = false
      }
      freeze.finish()
    }
    if fields.ok, p.maxIncomeMultiple < p.initialIncomeMultiple {
      r.report(
        "raise",
        "expected raise.maxIncomeMultiple ≥ initialIncomeMultiple (\(JSONWriter.format(p.initialIncomeMultiple))), found \(JSONWriter.format(p.maxIncomeMultiple))"
      )
      fields.ok = false
    }
    r.finish()
    return fields.ok ? p : nil
  }

  /// An arm's `recourse` terms.
  func decodeRecourse(_ reader: JSONObjectReader) -> RecourseTerms? {
    var r = reader
    var fields = DecodedFields()
    var t = RecourseTerms()
    fields.number(&r, "clawbackShare", .fraction, into: &t, \.clawbackShare)
    if r.has("reserveRate") {
      fields.take(r.number("reserveRate", .within(0, 1))) { t.reserveRate = $0 }
    }
    r.finish()
    return fields.ok ? t : nil
  }
}
