import FenqiCore
import FenqiCredit
import FenqiMarketing

/// Decoding of an arm's marketing: its channel mix, campaign and promotions, points and segment
/// strategies.
extension ScenarioDecoder {
  /// The arm fields that reach customers through the scenario's channels.
  static let armMarketingKeys = [
    "channels", "campaign", "points", "segmentStrategies",
  ]

  /// An arm's marketing, from the arm object's `channels`, `campaign`, `points` and
  /// `segmentStrategies` fields; nil when the arm uses none of them.
  func decodeArmMarketing(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ parts: ScenarioParts, offer: InstalmentProduct?
  ) -> ArmMarketing? {
    guard Self.armMarketingKeys.contains(where: r.has) else { return nil }
    let channels = parts.channels
    var marketing = ArmMarketing(
      channelIntensity: [Double](repeating: 0, count: channels.count))
    if let x = fields.object(
      &r, "channels", { decodeIntensities($0, channels) })
    {
      marketing.channelIntensity = x
    }
    if var c = r.object("campaign") {
      decodeCampaign(&c, &fields, parts, offer: offer, into: &marketing)
      c.finish()
    }
    marketing.points = fields.object(&r, "points", decodePoints)
    _ = fields.array(&r, "segmentStrategies") { path, value -> Void? in
      guard var s = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      var strategy = SegmentStrategy(segments: [])
      let valid = decodeSegmentStrategy(&s, parts, into: &strategy)
      s.finish()
      // Appended even when invalid: the scenario is refused anyway.
      marketing.segmentStrategies.append(strategy)
      return valid ? () : nil
    }
    return marketing
  }

  /// A `campaign`'s window, offer, channels and promotions, into `marketing`.
  private func decodeCampaign(
    _ c: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ parts: ScenarioParts, offer: InstalmentProduct?,
    into marketing: inout ArmMarketing
  ) {
    let start = fields.integer(&c, "start", .integer(atLeast: 1))
    let end = fields.integer(&c, "end", .integer(atLeast: 1))
    if let start, let end {
      fields.require(
        check(.campaign(path: c.path, start, end, periods: parts.periods)))
      marketing.campaign = Campaign(start: start, end: end)
    }
    marketing.campaignOffer = fields.object(&c, "offer", decodeOffer)
    marketing.campaignChannelIntensity = fields.object(&c, "channels") {
      decodeIntensities($0, parts.channels)
    }
    if var f = c.object("firstPeriodFree") {
      let funder = fields.choice(
        &f, "fundedBy", InstalmentProduct.SubsidyFunder.self, default: .lender)
      f.finish()
      if var product = marketing.campaignOffer ?? offer, let funder {
        fields.require(
          check(
            .firstPeriodFree(
              path: c.childPath("firstPeriodFree"),
              campaignOffer: marketing.campaignOffer != nil)))
        product.interestFreePeriods = Swift.max(1, product.interestFreePeriods)
        product.subsidyFunder = funder
        marketing.campaignOffer = product
      } else {
        fields.require(false)
      }
    }
    if var d = c.object("discount") {
      var discount = Discount()
      fields.number(&d, "percent", .fraction, into: &discount, \.percent)
      fields.number(
        &d, "amount", .within(0, 1_000_000), into: &discount, \.amount)
      d.finish()
      marketing.discount = discount
    }
    if var l = c.object("lottery") {
      var lottery = Lottery(probability: 0, prize: 0)
      fields.number(
        &l, "probability", .fraction, into: &lottery, \.probability,
        required: true)
      fields.number(
        &l, "prize", .within(0, 10_000_000), into: &lottery, \.prize,
        required: true)
      fields.number(
        &l, "weightingGamma", .within(0.2, 1), into: &lottery, \.gamma)
      l.finish()
      marketing.lottery = lottery
    }
    if var u = c.object("urgency") {
      var urgency = Urgency(pullForward: 0, dipMonths: 1)
      fields.number(
        &u, "pullForward", .within(0, 5), into: &urgency, \.pullForward,
        required: true)
      fields.integer(
        &u, "dipMonths", .integer(in: 1, 24), into: &urgency, \.dipMonths,
        required: true)
      u.finish()
      marketing.urgency = urgency
    }
    if var t = c.object("tierPrivilege") {
      let tier = fields.integer(&t, "minimumTier", .integer(in: 0, 3))
      let product = fields.object(&t, "offer", required: true, decodeOffer)
      t.finish()
      if let tier, let product {
        marketing.tierPrivilege = TierPrivilege(
          minimumTier: tier, offer: product)
      }
    }
    if let referral = fields.object(&c, "referral", decodeReferral) {
      marketing.referral = referral
    }
  }

  /// A campaign's `referral` programme.
  private func decodeReferral(_ reader: JSONObjectReader)
    -> ReferralProgramme?
  {
    var f = reader
    var fields = DecodedFields()
    var steps: [ReferralProgramme.Step] = []
    let given: [Void]? = fields.array(
      &f, "steps", required: true, minimumCount: 1
    ) { path, value in
      guard var s = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      var step = DecodedFields()
      let from = step.integer(&s, "from", .integer(atLeast: 1))
      let reward = step.number(&s, "reward", .within(0, 100_000))
      s.finish()
      guard let from, let reward else { return nil }
      let ascending = check(
        .referralStep(path: s.childPath("from"), from, after: steps.last?.from))
      steps.append(.init(from: from, reward: reward))
      return ascending ? () : nil
    }
    fields.take(given)
    if let first = steps.first, first.from != 1 {
      collector.report(
        "\(f.path).steps[0].from",
        "expected the first step from 1, found \(first.from)")
      fields.require(false)
    }
    var programme = ReferralProgramme(
      steps: steps, inviteBase: 0.02, invitePerYuan: 0.001, warmResponse: 2,
      invitedNeed: 0.3)
    fields.number(&f, "inviteBase", .fraction, into: &programme, \.inviteBase)
    fields.number(
      &f, "invitePerYuan", .within(0, 1), into: &programme, \.invitePerYuan)
    fields.number(
      &f, "warmResponse", .within(0, 100), into: &programme, \.warmResponse)
    fields.number(&f, "invitedNeed", .fraction, into: &programme, \.invitedNeed)
    f.finish()
    return fields.ok && !steps.isEmpty ? programme : nil
  }

  /// An arm's `points` programme.
  private func decodePoints(_ reader: JSONObjectReader) -> PointsProgramme? {
    var p = reader
    var fields = DecodedFields()
    var points = PointsProgramme(perYuan: 0, redeemAt: 0, voucher: 0)
    fields.number(
      &p, "perYuan", .within(0, 1000), into: &points, \.perYuan, required: true)
    fields.number(
      &p, "redeemAt", .positive, into: &points, \.redeemAt, required: true)
    fields.number(
      &p, "voucher", .within(0, 100_000), into: &points, \.voucher,
      required: true)
    let tiers = fields.numbers(
      &p, "tierThresholds", .positive, into: &points, \.tierThresholds)
    p.finish()
    if let tiers,
      tiers.count > 3
        || zip(tiers, tiers.dropFirst()).contains(where: { $0 >= $1 })
    {
      collector.report(
        "\(p.path).tierThresholds",
        "expected up to 3 ascending thresholds (tiers 1–3), found \(tiers.count)"
      )
      fields.require(false)
    }
    return fields.ok ? points : nil
  }

  /// One of an arm's `segmentStrategies`, into `strategy`; false after reporting its problems.
  private func decodeSegmentStrategy(
    _ s: inout JSONObjectReader, _ parts: ScenarioParts,
    into strategy: inout SegmentStrategy
  ) -> Bool {
    var fields = DecodedFields()
    let segments = parts.segmentNames
    if let names = s.array("segments", required: true, minimumCount: 1) {
      for (path, value) in names {
        guard
          check(.segmentReference(path: path, value, segments: segments)),
          case .string(let name) = value,
          let i = segments.firstIndex(of: name)
        else {
          fields.require(false)
          continue
        }
        strategy.segments.append(i)
      }
    }
    strategy.channelIntensity = fields.object(&s, "channels") {
      decodeIntensities($0, parts.channels)
    }
    strategy.offer = fields.object(&s, "offer", decodeOffer)
    fields.number(
      &s, "pointsMultiplier", .within(0, 100), into: &strategy,
      \.pointsMultiplier)
    if s.has("maxPrincipal") {
      strategy.maxPrincipal = fields.number(&s, "maxPrincipal", .positive)
    }
    fields.bool(&s, "guaranteeRequired", into: &strategy, \.guaranteeRequired)
    fields.number(
      &s, "guaranteeTakeUp", .fraction, into: &strategy, \.guaranteeTakeUp)
    fields.number(
      &s, "serviceUtility", .within(-10, 10), into: &strategy,
      \.serviceUtility)
    return fields.ok
  }
}
