import FenqiCore
import FenqiRisk

/// Decoding of the macro path, shocks and the Vasicek settings inside `macro`.
extension ScenarioDecoder {
  /// The `macro` fields that describe a path (beyond the constant `systematicFactor`).
  static let macroPathKeys = [
    "unemployment", "benchmarkRate", "confidence", "confidenceElasticity",
    "sectors", "shocks", "vasicek", "scenarioSet",
  ]

  /// The fields of `macro` beyond `systematicFactor`; absent when none is given.
  func decodeMacro(_ r: inout JSONObjectReader, _ parts: ScenarioParts)
    -> OptionalSection<MacroScenario>
  {
    guard Self.macroPathKeys.contains(where: r.has) else { return .absent }
    var fields = DecodedFields()
    var m = MacroScenario(
      unemployment: series(&r, &fields, "unemployment", .fraction, parts, 0.05),
      benchmarkRate: series(
        &r, &fields, "benchmarkRate", .within(-0.05, 1), parts, 0.035),
      confidence: series(
        &r, &fields, "confidence", .within(1, 1000), parts, 100)
    )
    fields.number(
      &r, "confidenceElasticity", .within(0, 10), into: &m,
      \.confidenceElasticity)
    var sectorNames: [String] = []
    if var s = r.object("sectors") {
      let sectors = decodeSectors(&s, &fields, parts)
      sectorNames = sectors.names
      m.sectors = sectors
      s.finish()
    }
    _ = fields.array(&r, "shocks") { path, value -> Void? in
      guard var s = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      let shock = decodeShock(&s, parts, sectors: sectorNames)
      s.finish()
      if let shock { m.shocks.append(shock) }
      return shock.map { _ in () }
    }
    if var v = r.object("vasicek") {
      decodeVasicek(&v, &fields, parts, into: &m.vasicek)
      v.finish()
    }
    if r.has("scenarioSet") {
      m.scenarioSet = decodeScenarioSet(&r, &fields)
    }
    return fields.ok ? .valid(m) : .invalid
  }

  /// A macro series: one number for the whole run, or a path at least as long as the run; the
  /// default (marking the macro invalid) when neither.
  private func series(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields, _ key: String,
    _ rule: NumberRule, _ parts: ScenarioParts, _ value: Double
  ) -> [Double] {
    guard let v = r.value(key) else { return [value] }
    switch v {
    case .number(let x) where rule.accepts(x):
      return [x]
    case .array(let elements):
      var out: [Double] = []
      for (i, e) in elements.enumerated() {
        if case .number(let x) = e, rule.accepts(x) {
          out.append(x)
        } else {
          collector.report(
            "\(r.childPath(key))[\(i)]",
            "expected \(rule.expectation), found \(e.shortDescription)")
        }
      }
      if out.count == elements.count,
        check(
          .macroPath(
            path: r.childPath(key), months: out.count, periods: parts.periods))
      {
        return out
      }
    default:
      r.report(
        key,
        "expected \(rule.expectation) or an array of them, found \(v.shortDescription)"
      )
    }
    fields.require(false)
    return [value]
  }

  /// `macro.sectors`: the mix of merchant categories and their stress paths.
  private func decodeSectors(
    _ s: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ parts: ScenarioParts
  ) -> MacroScenario.Sectors {
    var names: [String] = []
    var mix: [Double] = []
    let mixValue = s.value("mix")
    if case .object(let members) = mixValue ?? .null,
      var mr = JSONObjectReader(
        mixValue ?? .null, path: s.childPath("mix"), collector: collector)
    {
      var complete = true
      for (name, _) in members {
        if let x = fields.number(&mr, name, .fraction) {
          names.append(name)
          mix.append(x)
        } else {
          complete = false
        }
      }
      mr.finish()
      if complete {
        fields.require(check(.sectorMix(path: mr.path, shares: mix)))
      }
    } else {
      s.report(
        "mix",
        "expected an object of category shares, found \(mixValue?.shortDescription ?? "nothing")"
      )
      fields.require(false)
    }
    var stress = [[Double]](repeating: [], count: names.count)
    if var sr = s.object("stress") {
      for (k, name) in names.enumerated() where sr.has(name) {
        guard let path = fields.numbers(&sr, name, .within(0, 100)) else {
          continue
        }
        fields.require(
          check(
            .macroPath(
              path: sr.childPath(name), months: path.count,
              periods: parts.periods)))
        stress[k] = path
      }
      sr.finish()
    }
    return MacroScenario.Sectors(names: names, mix: mix, stress: stress)
  }

  /// One of `macro.shocks`; nil after reporting its problems.
  private func decodeShock(
    _ s: inout JSONObjectReader, _ parts: ScenarioParts, sectors: [String]
  ) -> MacroScenario.Shock? {
    var fields = DecodedFields()
    let kind = fields.string(
      &s, "kind",
      allowed: [
        "recession", "sectorCollapse", "aprCap", "channelBan", "rateRise",
      ])
    let start = fields.integer(&s, "start", .integer(atLeast: 1))
    if let start {
      fields.require(
        check(
          .shockStart(path: s.childPath("start"), start, periods: parts.periods)
        ))
    }
    var shock: MacroScenario.Shock?
    switch kind {
    case "recession":
      let ramp = fields.integer(
        &s, "rampMonths", .integer(in: 1, 120), default: 3)
      let points = fields.number(&s, "points", .within(-1, 1))
      let hold = fields.integer(
        &s, "holdMonths", .integer(in: 0, 600), default: 3)
      let recovery = fields.integer(
        &s, "recoveryMonths", .integer(in: 0, 600), default: 6)
      if let start, let ramp, let points, let hold, let recovery {
        shock = .recession(
          start: start, rampMonths: ramp, points: points, holdMonths: hold,
          recoveryMonths: recovery)
      }
    case "sectorCollapse":
      let name = fields.string(&s, "sector")
      let share = fields.number(&s, "stopShare", .fraction, default: 0.5)
      if let name,
        check(.sectorReference(path: s.childPath("sector"), name, sectors)),
        let index = sectors.firstIndex(of: name), let start, let share
      {
        shock = .sectorCollapse(sector: index, start: start, stopShare: share)
      }
    case "aprCap":
      let cap = fields.number(&s, "cap", .between(0, 1))
      if let start, let cap { shock = .aprCap(start: start, cap: cap) }
    case "channelBan":
      let name = fields.string(&s, "channel")
      if let name,
        check(
          .channelReference(
            path: s.childPath("channel"), name,
            channels: parts.channels.map(\.name))),
        let start
      {
        shock = .channelBan(channel: name, start: start)
      }
    case "rateRise":
      let points = fields.number(&s, "points", .within(-1, 1))
      if let start, let points {
        shock = .rateRise(start: start, points: points)
      }
    default:
      break
    }
    return fields.ok ? shock : nil
  }

  /// `macro.vasicek`: the asset correlation (one, or by segment) and the factor's sensitivities.
  private func decodeVasicek(
    _ v: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ parts: ScenarioParts, into settings: inout MacroScenario.VasicekSettings
  ) {
    let rhoRule = NumberRule(
      "a correlation in [0, 1)",
      bounds: NumberBounds(minimum: 0, exclusiveMaximum: 1)
    ) { $0 >= 0 && $0 < 1 }
    if let value = v.value("rho") {
      switch value {
      case .number(let x) where rhoRule.accepts(x): settings.defaultRho = x
      case .object:
        if var rr = JSONObjectReader(
          value, path: v.childPath("rho"), collector: collector)
        {
          fields.number(&rr, "default", rhoRule, into: &settings, \.defaultRho)
          for segment in parts.segmentNames where rr.has(segment) {
            if let x = fields.number(&rr, segment, rhoRule) {
              settings.rho[segment] = x
            }
          }
          rr.finish()
        }
      default:
        v.report(
          "rho",
          "expected \(rhoRule.expectation) or an object of them by segment, found \(value.shortDescription)"
        )
        fields.require(false)
      }
    }
    fields.number(
      &v, "unemploymentSensitivity", .within(-100, 100), into: &settings,
      \.unemploymentSensitivity)
    fields.number(
      &v, "rateSensitivity", .within(-100, 100), into: &settings,
      \.rateSensitivity)
    fields.number(
      &v, "confidenceSensitivity", .within(-100, 100), into: &settings,
      \.confidenceSensitivity)
    fields.number(
      &v, "persistence", .within(0, 0.999), into: &settings, \.persistence)
    let generators = MacroScenario.VasicekSettings.FactorGenerator.allCases
    if let name = v.string(
      "generator", default: settings.generator.rawValue,
      allowed: generators.map(\.rawValue)),
      let g = MacroScenario.VasicekSettings.FactorGenerator(rawValue: name)
    {
      settings.generator = g
    } else {
      fields.require(false)
    }
  }

  /// `macro.scenarioSet`: named members with a weight and a severity; the weights sum to 1.
  private func decodeScenarioSet(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields
  ) -> WeightedScenarioSet? {
    let members =
      fields.array(&r, "scenarioSet") {
        path, value -> WeightedScenarioSet.Member? in
        guard var o = JSONObjectReader(value, path: path, collector: collector)
        else { return nil }
        let name = o.string("name")
        let weight = o.number("weight", .fraction)
        let severity = o.number("severity", .within(0, 10))
        o.finish()
        guard let name, let weight, let severity else { return nil }
        return WeightedScenarioSet.Member(
          name: name, weight: weight, severity: severity)
      } ?? []
    let total = members.reduce(0) { $0 + $1.weight }
    guard !members.isEmpty, abs(total - 1) < 1e-9 else {
      r.report(
        "scenarioSet",
        "expected members whose weights sum to 1, found \(members.count) summing to \(total)"
      )
      fields.require(false)
      return nil
    }
    return WeightedScenarioSet(members: members)
  }
}
