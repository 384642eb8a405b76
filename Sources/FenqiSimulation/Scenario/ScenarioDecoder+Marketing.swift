import FenqiCore
import FenqiCredit
import FenqiMarketing

/// Decoding of channels, the marketing block and each arm's marketing.
extension ScenarioDecoder {
  /// The `channels` array: one entry per channel, affinities by segment name.
  ///
  /// Returns every channel with a name, even one with other problems (then `ok` is false), so
  /// that arms naming it are not reported again.
  func decodeChannels(
    _ elements: [(path: String, value: JSONValue)], segments: [String],
    ok: inout Bool
  ) -> [Channel] {
    var channels: [Channel] = []
    var names: Set<String> = []
    for (path, value) in elements {
      guard var r = JSONObjectReader(value, path: path, collector: collector)
      else {
        ok = false
        continue
      }
      let name = r.name()
      if let name, !names.insert(name).inserted {
        r.report("name", "duplicate channel name \"\(name)\"")
        ok = false
      }
      if name == "referral" {
        r.report("name", "\"referral\" is reserved for referral contacts")
        ok = false
      }
      let kind = r.string(
        "kind", allowed: Channel.Kind.allCases.map(\.rawValue))
      let capacity = r.value("capacityPerPeriod").flatMap { v -> Int? in
        if case .null = v { return nil }
        guard case .number(let x) = v, x >= 0, x == x.rounded(), x < 1e12 else {
          r.report(
            "capacityPerPeriod",
            "expected an integer ≥ 0 or null, found \(v.shortDescription)")
          ok = false
          return nil
        }
        return Int(x)
      }
      let cost = r.number("costPerContact", .within(0, 10_000), default: 0)
      let cpa = r.number("costPerAcquisition", .within(0, 100_000), default: 0)
      let share = r.number("revenueShare", .fraction, default: 0)
      let response = r.number("responseMultiplier", .within(0, 100), default: 1)
      let fraud = r.number("fraudExposure", .within(0, 100), default: 1)
      var affinity = [Double](repeating: 1, count: segments.count)
      if var a = r.object("affinity") {
        for (i, segment) in segments.enumerated() {
          if let x = a.number(segment, .within(0, 100), default: 1) {
            affinity[i] = x
          } else {
            ok = false
          }
        }
        a.finish()
      }
      var cap: FrequencyCap?
      if var c = r.object("frequencyCap") {
        let contacts = c.integer("contacts", .integer(in: 1, 16))
        let months = c.integer("months", .integer(in: 1, 16))
        c.finish()
        if let contacts, let months {
          cap = FrequencyCap(contacts: contacts, months: months)
        } else {
          ok = false
        }
      }
      let ranks = r.bool("ranksByPropensity", default: kind == "socialFeed")
      r.finish()
      if let kind, let k = Channel.Kind(rawValue: kind), !k.isPartner,
        (cpa ?? 0) > 0 || (share ?? 0) > 0
      {
        r.report(
          "costPerAcquisition",
          "only partnerBank and ecommercePartner channels pay per acquisition or revenue share"
        )
        ok = false
      }
      guard let name, let kind, let k = Channel.Kind(rawValue: kind), let cost,
        let cpa, let share,
        let response, let fraud, let ranks
      else {
        ok = false
        if let name { channels.append(Channel(name: name, kind: .appPush)) }
        continue
      }
      channels.append(
        Channel(
          name: name, kind: k, capacityPerPeriod: capacity,
          costPerContact: cost,
          costPerAcquisition: cpa, revenueShare: share,
          responseMultiplier: response,
          fraudExposure: fraud, segmentAffinity: affinity, frequencyCap: cap,
          ranksByPropensity: ranks))
    }
    // Each channel has its own counters on the customer-month stream, sized for this many.
    if channels.count > StreamRegistry.maxChannels {
      collector.report(
        elements.first.map { String($0.path.dropLast(3)) } ?? "$.channels",
        "expected at most \(StreamRegistry.maxChannels) channels, found \(channels.count)"
      )
      ok = false
    }
    return channels
  }

  /// The `marketing` block: fatigue, the festival calendar and the social graph.
  func decodeMarketingSettings(_ reader: JSONObjectReader)
    -> (FatigueModel, FestivalCalendar, SocialGraph.Settings)?
  {
    var r = reader
    var ok = true
    var fatigue = FatigueModel()
    if var f = r.object("fatigue") {
      let half = f.number(
        "halfLifeMonths", .between(0, 120), default: fatigue.halfLifeMonths)
      let lambda = f.number("lambda", .within(0, 10), default: fatigue.lambda)
      let base = f.number("optOutBase", .fraction, default: fatigue.optOutBase)
      let per = f.number(
        "optOutPerFatigue", .fraction, default: fatigue.optOutPerFatigue)
      let complaints = f.number(
        "complaintShare", .fraction, default: fatigue.complaintShare)
      f.finish()
      if let half, let lambda, let base, let per, let complaints {
        fatigue = FatigueModel(
          halfLifeMonths: half, lambda: lambda, optOutBase: base,
          optOutPerFatigue: per,
          complaintShare: complaints)
      } else {
        ok = false
      }
    }
    var calendar = FestivalCalendar()
    if let v = r.value("calendar") {
      let path = r.childPath("calendar")
      switch v {
      case .string("chinaRetail"): calendar = .chinaRetail
      case .array(let elements):
        for (i, e) in elements.enumerated() {
          guard
            var event = JSONObjectReader(
              e, path: "\(path)[\(i)]", collector: collector)
          else {
            ok = false
            continue
          }
          let name = event.name()
          let month = event.integer("month", .integer(in: 1, 12))
          let demand = event.number("demand", .within(0, 10), default: 1)
          let competition = event.number(
            "competition", .within(0.1, 10), default: 1)
          event.finish()
          if let name, let month, let demand, let competition {
            calendar.events.append(
              .init(
                name: name, month: month, demand: demand,
                competition: competition))
          } else {
            ok = false
          }
        }
      default:
        collector.report(
          path,
          "expected \"chinaRetail\" or an array of events, found \(v.shortDescription)"
        )
        ok = false
      }
    }
    var graph = SocialGraph.Settings()
    if var g = r.object("socialGraph") {
      let degree = g.number(
        "meanDegree", .within(0.5, 200), default: graph.meanDegree)
      let tail = g.number(
        "tailExponent", .within(2.05, 10), default: graph.tailExponent)
      let median = g.number(
        "communityMedian", .within(2, 2000), default: graph.communityMedian)
      let bridge = g.number(
        "bridgeShare", .fraction, default: graph.bridgeShare)
      g.finish()
      if let degree, let tail, let median, let bridge {
        graph.meanDegree = degree
        graph.tailExponent = tail
        graph.communityMedian = median
        graph.bridgeShare = bridge
      } else {
        ok = false
      }
    }
    r.finish()
    return ok ? (fatigue, calendar, graph) : nil
  }

  /// Channel intensities by channel name: a fraction per named channel, 0 for the others.
  func decodeIntensities(_ reader: JSONObjectReader, channels: [Channel])
    -> [Double]?
  {
    var r = reader
    var out = [Double](repeating: 0, count: channels.count)
    var ok = true
    for (i, c) in channels.enumerated() {
      if let x = r.number(c.name, .fraction, default: 0) {
        out[i] = x
      } else {
        ok = false
      }
    }
    r.finish()
    return ok ? out : nil
  }

  /// An arm's marketing, from the arm object's `channels`, `campaign`, `points` and
  /// `segmentStrategies` fields.
  ///
  /// Nil when the arm uses none of them; problems set `ok` to false.
  func decodeArmMarketing(
    _ r: inout JSONObjectReader, channels: [Channel], segments: [String],
    offer: InstalmentProduct?,
    periods: Int?, ok: inout Bool
  ) -> ArmMarketing? {
    guard
      r.has("channels") || r.has("campaign") || r.has("points")
        || r.has("segmentStrategies")
    else { return nil }
    var intensity = [Double](repeating: 0, count: channels.count)
    if let c = r.object("channels") {
      if let x = decodeIntensities(c, channels: channels) {
        intensity = x
      } else {
        ok = false
      }
    }
    var marketing = ArmMarketing(channelIntensity: intensity)
    if var c = r.object("campaign") {
      let start = c.integer("start", .integer(atLeast: 1))
      let end = c.integer("end", .integer(atLeast: 1))
      if let start, let end {
        if end < start {
          c.report("end", "expected a period ≥ start (\(start)), found \(end)")
          ok = false
        } else if let periods, end > periods {
          c.report(
            "end",
            "expected a period within the run (≤ \(periods)), found \(end)")
          ok = false
        }
        marketing.campaign = Campaign(start: start, end: end)
      } else {
        ok = false
      }
      if let o = c.object("offer") {
        if let product = decodeOffer(o) {
          marketing.campaignOffer = product
        } else {
          ok = false
        }
      }
      if let i = c.object("channels") {
        if let x = decodeIntensities(i, channels: channels) {
          marketing.campaignChannelIntensity = x
        } else {
          ok = false
        }
      }
      if var f = c.object("firstPeriodFree") {
        let funder = f.string(
          "fundedBy", default: "lender",
          allowed: InstalmentProduct.SubsidyFunder.allCases.map(\.rawValue))
        f.finish()
        if var product = marketing.campaignOffer ?? offer, let funder,
          let by = InstalmentProduct.SubsidyFunder(rawValue: funder)
        {
          if marketing.campaignOffer != nil {
            c.report(
              "firstPeriodFree",
              "give either an offer or firstPeriodFree, not both")
            ok = false
          }
          product.interestFreePeriods = Swift.max(
            1, product.interestFreePeriods)
          product.subsidyFunder = by
          marketing.campaignOffer = product
        } else {
          ok = false
        }
      }
      if var d = c.object("discount") {
        let percent = d.number("percent", .fraction, default: 0)
        let amount = d.number("amount", .within(0, 1_000_000), default: 0)
        d.finish()
        if let percent, let amount {
          marketing.discount = Discount(percent: percent, amount: amount)
        } else {
          ok = false
        }
      }
      if var l = c.object("lottery") {
        let p = l.number("probability", .fraction)
        let prize = l.number("prize", .within(0, 10_000_000))
        let gamma = l.number(
          "weightingGamma", .within(0.2, 1),
          default: ProbabilityWeighting.gainsGamma)
        l.finish()
        if let p, let prize, let gamma {
          marketing.lottery = Lottery(
            probability: p, prize: prize, gamma: gamma)
        } else {
          ok = false
        }
      }
      if var u = c.object("urgency") {
        let pull = u.number("pullForward", .within(0, 5))
        let dip = u.integer("dipMonths", .integer(in: 1, 24))
        u.finish()
        if let pull, let dip {
          marketing.urgency = Urgency(pullForward: pull, dipMonths: dip)
        } else {
          ok = false
        }
      }
      if var t = c.object("tierPrivilege") {
        let tier = t.integer("minimumTier", .integer(in: 0, 3))
        let product = t.object("offer", required: true).flatMap {
          decodeOffer($0)
        }
        t.finish()
        if let tier, let product {
          marketing.tierPrivilege = TierPrivilege(
            minimumTier: tier, offer: product)
        } else {
          ok = false
        }
      }
      if var f = c.object("referral") {
        var steps: [ReferralProgramme.Step] = []
        if let elements = f.array("steps", required: true, minimumCount: 1) {
          for (path, value) in elements {
            guard
              var s = JSONObjectReader(value, path: path, collector: collector)
            else {
              ok = false
              continue
            }
            let from = s.integer("from", .integer(atLeast: 1))
            let reward = s.number("reward", .within(0, 100_000))
            s.finish()
            if let from, let reward {
              if let last = steps.last, from <= last.from {
                s.report(
                  "from",
                  "expected steps in ascending order of \"from\", found \(from) after \(last.from)"
                )
                ok = false
              }
              steps.append(.init(from: from, reward: reward))
            } else {
              ok = false
            }
          }
          if let first = steps.first, first.from != 1 {
            collector.report(
              "\(f.path).steps[0].from",
              "expected the first step from 1, found \(first.from)")
            ok = false
          }
        } else {
          ok = false
        }
        let base = f.number("inviteBase", .fraction, default: 0.02)
        let per = f.number("invitePerYuan", .within(0, 1), default: 0.001)
        let warm = f.number("warmResponse", .within(0, 100), default: 2)
        let need = f.number("invitedNeed", .fraction, default: 0.3)
        f.finish()
        if let base, let per, let warm, let need, !steps.isEmpty {
          marketing.referral = ReferralProgramme(
            steps: steps, inviteBase: base, invitePerYuan: per,
            warmResponse: warm,
            invitedNeed: need)
        } else {
          ok = false
        }
      }
      c.finish()
    }
    if var p = r.object("points") {
      let per = p.number("perYuan", .within(0, 1000))
      let redeem = p.number("redeemAt", .positive)
      let voucher = p.number("voucher", .within(0, 100_000))
      let tiers = p.numbers("tierThresholds", .positive, default: [])
      p.finish()
      if let tiers,
        tiers.count > 3
          || zip(tiers, tiers.dropFirst()).contains(where: { $0 >= $1 })
      {
        collector.report(
          "\(p.path).tierThresholds",
          "expected up to 3 ascending thresholds (tiers 1–3), found \(tiers.count)"
        )
        ok = false
      }
      if let per, let redeem, let voucher, let tiers {
        marketing.points = PointsProgramme(
          perYuan: per, redeemAt: redeem, voucher: voucher,
          tierThresholds: tiers)
      } else {
        ok = false
      }
    }
    if let elements = r.array("segmentStrategies") {
      for (path, value) in elements {
        guard var s = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        var indices: [Int] = []
        if let names = s.array("segments", required: true, minimumCount: 1) {
          for (p, v) in names {
            if case .string(let name) = v, let i = segments.firstIndex(of: name)
            {
              indices.append(i)
            } else {
              var message =
                "expected a segment name, found \(v.shortDescription)"
              if case .string(let name) = v,
                let hint = Suggestion.nearest(to: name, among: segments)
              {
                message += "; did you mean \"\(hint)\"?"
              }
              collector.report(p, message)
              ok = false
            }
          }
        }
        var strategy = SegmentStrategy(segments: indices)
        if let c = s.object("channels") {
          if let x = decodeIntensities(c, channels: channels) {
            strategy.channelIntensity = x
          } else {
            ok = false
          }
        }
        if let o = s.object("offer") {
          if let product = decodeOffer(o) {
            strategy.offer = product
          } else {
            ok = false
          }
        }
        if let m = s.number("pointsMultiplier", .within(0, 100), default: 1) {
          strategy.pointsMultiplier = m
        } else {
          ok = false
        }
        if s.has("maxPrincipal") {
          if let m = s.number("maxPrincipal", .positive) {
            strategy.maxPrincipal = m
          } else {
            ok = false
          }
        }
        if let g = s.bool("guaranteeRequired", default: false) {
          strategy.guaranteeRequired = g
        } else {
          ok = false
        }
        if let t = s.number("guaranteeTakeUp", .fraction, default: 0.6) {
          strategy.guaranteeTakeUp = t
        } else {
          ok = false
        }
        if let u = s.number("serviceUtility", .within(-10, 10), default: 0) {
          strategy.serviceUtility = u
        } else {
          ok = false
        }
        s.finish()
        marketing.segmentStrategies.append(strategy)
      }
    }
    return marketing
  }
}
