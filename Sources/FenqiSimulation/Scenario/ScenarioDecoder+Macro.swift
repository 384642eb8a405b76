import FenqiCore
import FenqiRisk

/// Decoding of the macro path, shocks and the Vasicek settings inside `macro`.
extension ScenarioDecoder {
  /// The fields of `macro` beyond `systematicFactor`.
  ///
  /// Nil when none is given; problems set `ok` to false.
  func decodeMacro(
    _ r: inout JSONObjectReader, periods: Int?, segments: [String],
    channels: [String],
    ok: inout Bool
  ) -> MacroScenario? {
    let keys = [
      "unemployment", "benchmarkRate", "confidence", "confidenceElasticity",
      "sectors", "shocks",
      "vasicek",
    ]
    guard keys.contains(where: r.has) else { return nil }
    func series(_ key: String, _ rule: NumberRule, default value: Double)
      -> [Double]
    {
      guard let v = r.value(key) else { return [value] }
      switch v {
      case .number(let x):
        if rule.accepts(x) { return [x] }
        r.report(
          key,
          "expected \(rule.expectation) or an array of them, found \(v.shortDescription)"
        )
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
        if out.count == elements.count {
          if let periods, out.count < periods {
            r.report(
              key,
              "expected a path of at least \(periods) months (the horizon), found \(out.count)"
            )
          } else {
            return out
          }
        }
      default:
        r.report(
          key,
          "expected \(rule.expectation) or an array of them, found \(v.shortDescription)"
        )
      }
      ok = false
      return [value]
    }
    var m = MacroScenario(
      unemployment: series("unemployment", .fraction, default: 0.05),
      benchmarkRate: series("benchmarkRate", .within(-0.05, 1), default: 0.035),
      confidence: series("confidence", .within(1, 1000), default: 100))
    if let e = r.number("confidenceElasticity", .within(0, 10), default: 1) {
      m.confidenceElasticity = e
    } else {
      ok = false
    }
    var sectorNames: [String] = []
    if var s = r.object("sectors") {
      var mix: [Double] = []
      let mixValue = s.value("mix")
      if case .object(let members) = mixValue ?? .null,
        var mr = JSONObjectReader(
          mixValue ?? .null, path: s.childPath("mix"), collector: collector)
      {
        for (name, _) in members {
          if let x = mr.number(name, .fraction) {
            sectorNames.append(name)
            mix.append(x)
          } else {
            ok = false
          }
        }
        mr.finish()
        if abs(mix.reduce(0, +) - 1) > 1e-9 {
          collector.report(
            mr.path,
            "expected category shares that sum to 1, found \(JSONWriter.format(mix.reduce(0, +)))"
          )
          ok = false
        }
      } else {
        s.report(
          "mix",
          "expected an object of category shares, found \(mixValue?.shortDescription ?? "nothing")"
        )
        ok = false
      }
      var stress = [[Double]](repeating: [], count: sectorNames.count)
      if var sr = s.object("stress") {
        for (k, name) in sectorNames.enumerated() where sr.has(name) {
          if let path = sr.numbers(name, .within(0, 100)) {
            if let periods, path.count < periods {
              sr.report(
                name,
                "expected a path of at least \(periods) months (the horizon), found \(path.count)"
              )
              ok = false
            }
            stress[k] = path
          } else {
            ok = false
          }
        }
        sr.finish()
      }
      s.finish()
      m.sectors = MacroScenario.Sectors(
        names: sectorNames, mix: mix, stress: stress)
    }
    if let elements = r.array("shocks") {
      for (path, value) in elements {
        guard var s = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        let kind = s.string(
          "kind",
          allowed: [
            "recession", "sectorCollapse", "aprCap", "channelBan", "rateRise",
          ])
        let start = s.integer("start", .integer(atLeast: 1))
        if let start, let periods, start > periods {
          s.report(
            "start",
            "expected a period within the run (≤ \(periods)), found \(start)")
          ok = false
        }
        switch kind {
        case "recession":
          let ramp = s.integer("rampMonths", .integer(in: 1, 120), default: 3)
          let points = s.number("points", .within(-1, 1))
          let hold = s.integer("holdMonths", .integer(in: 0, 600), default: 3)
          let recovery = s.integer(
            "recoveryMonths", .integer(in: 0, 600), default: 6)
          if let start, let ramp, let points, let hold, let recovery {
            m.shocks.append(
              .recession(
                start: start, rampMonths: ramp, points: points,
                holdMonths: hold, recoveryMonths: recovery))
          } else {
            ok = false
          }
        case "sectorCollapse":
          let name = s.string("sector")
          let share = s.number("stopShare", .fraction, default: 0.5)
          var index: Int?
          if let name {
            index = sectorNames.firstIndex(of: name)
            if index == nil {
              var message =
                "expected a category of macro.sectors.mix, found \"\(name)\""
              if let hint = Suggestion.nearest(to: name, among: sectorNames) {
                message += "; did you mean \"\(hint)\"?"
              }
              s.report("sector", message)
            }
          }
          if let start, let share, let index {
            m.shocks.append(
              .sectorCollapse(sector: index, start: start, stopShare: share))
          } else {
            ok = false
          }
        case "aprCap":
          let cap = s.number("cap", .between(0, 1))
          if let start, let cap {
            m.shocks.append(.aprCap(start: start, cap: cap))
          } else {
            ok = false
          }
        case "channelBan":
          let name = s.string("channel")
          if let name, !channels.contains(name) {
            var message =
              "expected one of the scenario's channels, found \"\(name)\""
            if let hint = Suggestion.nearest(to: name, among: channels) {
              message += "; did you mean \"\(hint)\"?"
            }
            s.report("channel", message)
            ok = false
          } else if let name, let start {
            m.shocks.append(.channelBan(channel: name, start: start))
          } else {
            ok = false
          }
        case "rateRise":
          let points = s.number("points", .within(-1, 1))
          if let start, let points {
            m.shocks.append(.rateRise(start: start, points: points))
          } else {
            ok = false
          }
        default:
          ok = false
        }
        s.finish()
      }
    }
    if var v = r.object("vasicek") {
      var settings = MacroScenario.VasicekSettings()
      let rhoRule = NumberRule("a correlation in [0, 1)") { $0 >= 0 && $0 < 1 }
      if let value = v.value("rho") {
        switch value {
        case .number(let x) where rhoRule.accepts(x): settings.defaultRho = x
        case .object:
          if var rr = JSONObjectReader(
            value, path: v.childPath("rho"), collector: collector)
          {
            if let d = rr.number(
              "default", rhoRule, default: settings.defaultRho)
            {
              settings.defaultRho = d
            } else {
              ok = false
            }
            for segment in segments where rr.has(segment) {
              if let x = rr.number(segment, rhoRule) {
                settings.rho[segment] = x
              } else {
                ok = false
              }
            }
            rr.finish()
          }
        default:
          v.report(
            "rho",
            "expected \(rhoRule.expectation) or an object of them by segment, found \(value.shortDescription)"
          )
          ok = false
        }
      }
      if let x = v.number(
        "unemploymentSensitivity", .within(-100, 100),
        default: settings.unemploymentSensitivity)
      {
        settings.unemploymentSensitivity = x
      } else {
        ok = false
      }
      if let x = v.number(
        "rateSensitivity", .within(-100, 100), default: settings.rateSensitivity
      ) {
        settings.rateSensitivity = x
      } else {
        ok = false
      }
      if let x = v.number(
        "confidenceSensitivity", .within(-100, 100),
        default: settings.confidenceSensitivity)
      {
        settings.confidenceSensitivity = x
      } else {
        ok = false
      }
      if let x = v.number(
        "persistence", .within(0, 0.999), default: settings.persistence)
      {
        settings.persistence = x
      } else {
        ok = false
      }
      v.finish()
      m.vasicek = settings
    }
    return m
  }
}
