import FenqiCore
import FenqiCredit
import FenqiMarketing

/// Decoding of `channels`, the `marketing` block and channel intensities.
extension ScenarioDecoder {
  /// The `channels` array: one entry per channel, affinities by segment name.
  ///
  /// Returns every channel with a name, even one with other problems, so that arms naming it are
  /// not reported again.
  func decodeChannels(
    _ elements: [(path: String, value: JSONValue)], path: String,
    segments: [String]
  ) -> [Channel] {
    var channels: [Channel] = []
    var names: Set<String> = []
    for (path, value) in elements {
      guard var r = JSONObjectReader(value, path: path, collector: collector)
      else { continue }
      if let channel = decodeChannel(&r, segments: segments, names: &names) {
        channels.append(channel)
      }
    }
    // Each channel has its own counters on the customer-month stream, sized for this many.
    if channels.count > StreamRegistry.maxChannels {
      collector.report(
        path,
        "expected at most \(StreamRegistry.maxChannels) channels, found \(channels.count)"
      )
    }
    return channels
  }

  /// One channel, its name added to `names`; nil when it has no valid name.
  private func decodeChannel(
    _ r: inout JSONObjectReader, segments: [String], names: inout Set<String>
  ) -> Channel? {
    var fields = DecodedFields()
    var c = Channel(
      name: "", kind: .appPush,
      segmentAffinity: [Double](repeating: 1, count: segments.count))
    let name = fields.name(&r, into: &c, \.name)
    if let name {
      check(
        .name(path: r.childPath("name"), noun: "channel", name, taken: names))
      names.insert(name)
    }
    if name == "referral" {
      r.report("name", "\"referral\" is reserved for referral contacts")
    }
    let kind = fields.choice(&r, "kind", into: &c, \.kind, required: true)
    if let v = r.value("capacityPerPeriod"), v != .null {
      if case .number(let x) = v, x >= 0, x == x.rounded(), x < 1e12 {
        c.capacityPerPeriod = Int(x)
      } else {
        r.report(
          "capacityPerPeriod",
          "expected an integer ≥ 0 or null, found \(v.shortDescription)")
      }
    }
    fields.number(
      &r, "costPerContact", .within(0, 10_000), into: &c, \.costPerContact)
    let cpa = fields.number(
      &r, "costPerAcquisition", .within(0, 100_000), into: &c,
      \.costPerAcquisition)
    let share = fields.number(
      &r, "revenueShare", .fraction, into: &c, \.revenueShare)
    fields.number(
      &r, "responseMultiplier", .within(0, 100), into: &c,
      \.responseMultiplier)
    fields.number(
      &r, "fraudExposure", .within(0, 100), into: &c, \.fraudExposure)
    if var a = r.object("affinity") {
      for (i, segment) in segments.enumerated() {
        fields.number(
          &a, segment, .within(0, 100), into: &c, \.segmentAffinity[i])
      }
      a.finish()
    }
    if var f = r.object("frequencyCap") {
      var cap = FrequencyCap(contacts: 1, months: 1)
      fields.integer(
        &f, "contacts", .integer(in: 1, 16), into: &cap, \.contacts,
        required: true)
      fields.integer(
        &f, "months", .integer(in: 1, 16), into: &cap, \.months, required: true)
      f.finish()
      c.frequencyCap = cap
    }
    c.ranksByPropensity = kind == .socialFeed
    fields.bool(&r, "ranksByPropensity", into: &c, \.ranksByPropensity)
    r.finish()
    if let kind {
      check(
        .channel(
          path: r.path, kind, costPerAcquisition: cpa, revenueShare: share))
    }
    return name == nil ? nil : c
  }

  /// The `marketing` block: fatigue, the festival calendar and the social graph.
  func decodeMarketingSettings(_ reader: JSONObjectReader) -> MarketingSettings?
  {
    var r = reader
    var fields = DecodedFields()
    var s = MarketingSettings()
    if var f = r.object("fatigue") {
      fields.number(
        &f, "halfLifeMonths", .between(0, 120), into: &s,
        \.fatigue.halfLifeMonths)
      fields.number(&f, "lambda", .within(0, 10), into: &s, \.fatigue.lambda)
      fields.number(
        &f, "optOutBase", .fraction, into: &s, \.fatigue.optOutBase)
      fields.number(
        &f, "optOutPerFatigue", .fraction, into: &s, \.fatigue.optOutPerFatigue)
      fields.number(
        &f, "complaintShare", .fraction, into: &s, \.fatigue.complaintShare)
      f.finish()
    }
    if let v = r.value("calendar") {
      fields.take(decodeCalendar(v, path: r.childPath("calendar"))) {
        s.calendar = $0
      }
    }
    if var g = r.object("socialGraph") {
      fields.number(
        &g, "meanDegree", .within(0.5, 200), into: &s, \.socialGraph.meanDegree)
      fields.number(
        &g, "tailExponent", .within(2.05, 10), into: &s,
        \.socialGraph.tailExponent)
      fields.number(
        &g, "communityMedian", .within(2, 2000), into: &s,
        \.socialGraph.communityMedian)
      fields.number(
        &g, "bridgeShare", .fraction, into: &s, \.socialGraph.bridgeShare)
      g.finish()
    }
    r.finish()
    return fields.ok ? s : nil
  }

  /// `marketing.calendar`: "chinaRetail" or an array of events.
  private func decodeCalendar(_ value: JSONValue, path: String)
    -> FestivalCalendar?
  {
    var fields = DecodedFields()
    var calendar = FestivalCalendar()
    switch value {
    case .string("chinaRetail"): calendar = .chinaRetail
    case .array(let elements):
      for (i, e) in elements.enumerated() {
        guard
          var event = JSONObjectReader(
            e, path: "\(path)[\(i)]", collector: collector)
        else {
          fields.require(false)
          continue
        }
        var x = FestivalCalendar.Event(
          name: "", month: 1, demand: 1, competition: 1)
        fields.name(&event, into: &x, \.name)
        fields.integer(
          &event, "month", .integer(in: 1, 12), into: &x, \.month,
          required: true)
        fields.number(&event, "demand", .within(0, 10), into: &x, \.demand)
        fields.number(
          &event, "competition", .within(0.1, 10), into: &x, \.competition)
        event.finish()
        calendar.events.append(x)
      }
    default:
      collector.report(
        path,
        "expected \"chinaRetail\" or an array of events, found \(value.shortDescription)"
      )
      fields.require(false)
    }
    return fields.ok ? calendar : nil
  }

  /// Channel intensities by channel name: a fraction per named channel, 0 for the others.
  func decodeIntensities(_ reader: JSONObjectReader, _ channels: [Channel])
    -> [Double]?
  {
    var r = reader
    var fields = DecodedFields()
    var out = [Double](repeating: 0, count: channels.count)
    for (i, c) in channels.enumerated() {
      fields.number(&r, c.name, .fraction, into: &out, \.[i])
    }
    r.finish()
    return fields.ok ? out : nil
  }
}
