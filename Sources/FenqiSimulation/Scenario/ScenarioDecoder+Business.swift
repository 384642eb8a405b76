import FenqiCore
import FenqiCredit
import FenqiPopulation

/// Decoding of `business`: categories, merchants, sector shocks, firms, bureau and customer value.
extension ScenarioDecoder {
  /// The most merchant categories, and the most firm sectors.
  static let maxCategories = 32

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
    // Names as written, so that one bad category does not make every shock naming it wrong too.
    var categoryNames: [String] = []
    if let elements = r.array("categories", required: true, minimumCount: 1) {
      categoryNames = elements.compactMap { Self.name(of: $0.value) }
      var names = Set<String>()
      for (path, value) in elements {
        guard var c = JSONObjectReader(value, path: path, collector: collector)
        else {
          fields.require(false)
          continue
        }
        if let category = fields.take(decodeCategory(&c, segments: segments)) {
          fields.require(
            check(
              .name(
                path: c.childPath("name"), noun: "category", category.name,
                taken: names)))
          names.insert(category.name)
          categories.append(category)
        }
        c.finish()
      }
      if elements.count > Self.maxCategories {
        r.report(
          "categories",
          "expected at most \(Self.maxCategories) categories, found \(elements.count)"
        )
        fields.require(false)
      }
      let path = r.childPath("categories")
      fields.require(
        check(
          .merchants(
            path: path,
            count: categories.reduce(0) { $0 + ($1.merchants?.count ?? 0) })))
      if fields.ok {
        fields.require(
          check(
            .categoryNeeds(path: path, categories, segments: segments)))
      }
    }
    var s = BusinessSettings(categories: categories)
    fields.number(&r, "disputeRate", .fraction, into: &s, \.disputeRate)
    // The sectors' names as written, for the shocks naming them (nil: no firms).
    var sectorNames: [String]? = nil
    if r.has("firms") {
      if case .array(let sectors) = r.value("firms")?["sectors"] ?? .null {
        sectorNames = sectors.compactMap { Self.name(of: $0) }
      } else {
        sectorNames = []
      }
    }
    let firms = r.object("firms")
    if let f = firms { s.firms = fields.take(decodeFirms(f)) }
    fields.require(
      check(
        .firms(
          path: r.childPath("firms"), given: firms != nil,
          firmSegments: segments.contains { $0.borrower == .firm })))
    _ = fields.array(&r, "sectorShocks") { path, value -> Void? in
      guard var k = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      let shock = decodeShock(
        &k, categories: categoryNames, sectors: sectorNames, periods: periods)
      k.finish()
      guard let shock else { return nil }
      s.sectorShocks.append(shock)
      return ()
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
    var category = MerchantCategory(
      name: "", kind: .goods, priceMedian: 1, priceSigma: 0,
      instalmentPropensity: 0.5, termMonths: [], termWeights: [],
      merchantSubsidy: 0, seasonality: Array(repeating: 1, count: 12),
      needShare: [Double](repeating: 0, count: segments.count))
    fields.name(&c, into: &category, \.name)
    fields.choice(&c, "kind", into: &category, \.kind)
    fields.number(
      &c, "priceMedian", .within(1, 100_000_000), into: &category,
      \.priceMedian, required: true)
    fields.number(
      &c, "priceSigma", .within(0, 3), into: &category, \.priceSigma,
      required: true)
    fields.number(
      &c, "instalmentPropensity", .within(0.001, 0.999), into: &category,
      \.instalmentPropensity)
    fields.number(
      &c, "merchantSubsidy", .fraction, into: &category, \.merchantSubsidy)
    fields.numbers(
      &c, "seasonality", .within(0, 20), count: 12, into: &category,
      \.seasonality)
    _ = fields.array(&c, "terms", required: true, minimumCount: 1) {
      path, value -> Void? in
      guard var t = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      var term = DecodedFields()
      let m = term.integer(
        &t, "months", .integer(oneOf: InstalmentProduct.allowedTerms))
      let w = term.number(&t, "weight", .positive, default: 1)
      t.finish()
      guard let m,
        check(
          .term(
            path: t.childPath("months"), months: m, taken: category.termMonths)),
        let w
      else { return nil }
      category.termMonths.append(m)
      category.termWeights.append(w)
      return ()
    }
    if var n = c.object("needShare", required: true) {
      for (g, segment) in segments.enumerated() {
        fields.number(
          &n, segment.name, .within(0, 1_000), into: &category, \.needShare[g])
      }
      n.finish()
    } else {
      fields.require(false)
    }
    if var m = c.object("merchants") {
      var pool = MerchantPool(count: 1, monthlyFailureHazard: 0)
      fields.integer(
        &m, "count", .integer(in: 1, 60_000), into: &pool, \.count,
        required: true)
      fields.number(
        &m, "monthlyFailureHazard", .within(0, 0.5), into: &pool,
        \.monthlyFailureHazard, required: true)
      fields.number(&m, "sizeSkew", .within(0, 3), into: &pool, \.sizeSkew)
      m.finish()
      category.merchants = pool
    }
    return fields.ok ? category : nil
  }

  private func decodeShock(
    _ k: inout JSONObjectReader, categories: [String], sectors: [String]?,
    periods: Int?
  ) -> SectorShock? {
    var fields = DecodedFields()
    var target: SectorShock.Target?
    if check(
      .shockTarget(
        path: k.path, category: k.has("category"), sector: k.has("sector"),
        firmsGiven: sectors != nil))
    {
      if k.has("category") {
        target = fields.string(
          &k, "category", allowed: categories, allowedAreNames: true
        ).flatMap {
          categories.firstIndex(of: $0).map { .category($0) }
        }
      } else if let sectors {
        target = fields.string(
          &k, "sector", allowed: sectors, allowedAreNames: true
        ).flatMap {
          sectors.firstIndex(of: $0).map { .firmSector($0) }
        }
      }
    }
    let last = periods ?? 600
    let from = fields.integer(&k, "fromMonth", .integer(in: 1, last))
    let to = fields.integer(&k, "toMonth", .integer(in: 1, last))
    let failure = fields.number(
      &k, "failureMultiplier", .within(0, 1_000), default: 1)
    let revenue = fields.number(&k, "revenueFactor", .within(0, 5), default: 1)
    if let from, let to,
      !check(.shockMonths(path: k.childPath("toMonth"), from: from, to: to))
    {
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
          fields.require(false)
          continue
        }
        var sector = FirmProfile.Sector(
          name: "", share: 0, peakMonth: 1, seasonalAmplitude: 0)
        var entry = DecodedFields()
        let name = entry.name(&s, into: &sector, \.name)
        entry.number(
          &s, "share", .fraction, into: &sector, \.share, required: true)
        entry.integer(
          &s, "peakMonth", .integer(in: 1, 12), into: &sector, \.peakMonth,
          required: true)
        entry.number(
          &s, "seasonalAmplitude", .within(0, 0.9), into: &sector,
          \.seasonalAmplitude, required: true)
        s.finish()
        if let name {
          fields.require(
            check(
              .name(
                path: s.childPath("name"), noun: "sector", name, taken: names)
            ))
          names.insert(name)
        }
        fields.take(entry.ok ? sector : nil) { sectors.append($0) }
      }
      if elements.count > Self.maxCategories {
        r.report(
          "sectors",
          "expected at most \(Self.maxCategories) sectors, found \(elements.count)"
        )
        fields.require(false)
      }
      if fields.ok {
        fields.require(
          check(
            .shares(
              path: r.childPath("sectors"), noun: "sector shares",
              values: sectors.map(\.share))))
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
      let lo = fields.number(
        &d, "min", .within(0, 365), into: &f, \.profile.receivableDaysMin)
      let hi = fields.number(
        &d, "max", .within(0, 365), into: &f, \.profile.receivableDaysMax)
      if let lo, let hi {
        fields.require(
          check(.interval(path: d.childPath("max"), lo, hi, allowsEqual: true)))
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
}
