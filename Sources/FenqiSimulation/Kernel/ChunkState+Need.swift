import FenqiCore
import FenqiCredit

extension ChunkState {
  /// Need: does the customer want to buy this month, in which category and from which merchant?
  /// True when the need is counted and the customer goes on to choose (reached, or able to pay in
  /// full, or in a targeting arm's organic demand).
  @inline(__always)
  mutating func need(
    _ c: inout CustomerMonth, _ m: MonthView, needProbability: Double,
    counts: inout ArmPeriodCounts
  ) -> Bool {
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    let mt = t.marketing
    let stream = c.stream
    c.propensityRow =
      c.reached && m.lender != nil
      ? recordPropensityRow(
        i, arm: a, period: m.period, stream: stream, share: m.propensityShare)
      : -1
    var needThreshold =
      needMultiplier.isEmpty
      ? needProbability : needProbability * Double(needMultiplier[i])
    let demand = m.demandByArm[a]
    if demand != 1 { needThreshold *= demand }
    // Categories' seasons and shocks; a firm buys with its revenue.
    if !m.categoryNeed.isEmpty {
      needThreshold *= m.categoryNeed[seg * m.periodStride + m.period]
      if m.firmSegments[seg] {
        c.kind = 1
        needThreshold *= Double(m.revenueNow[i])
      }
    }
    if c.channelArm, c.contact?.1 == mt.channelCount {
      // A warm referral contact comes with a deal the friend wants.
      needThreshold = Swift.max(needThreshold, mt.referral[a]?.invitedNeed ?? 0)
    }
    if c.targetingArm, let tt = t.targeting {
      recordTargetingTruth(
        i, arm: a, segment: seg, period: m.period, planned: c.planned,
        need: needThreshold, pilot: m.pilot, stream: stream, tables: t,
        offers: tt, arm: (m.armConstantNow[a], m.armRateNow[a], m.armTerms[a]),
        competitionLog: m.competitionLog, counts: &counts)
    }
    if stream.uniform(at: CustomerMonthDraw.need) >= needThreshold {
      return false
    }
    if m.collapse {
      let (sector, _) = RollStress.sector(
        seed: t.seed, customer: customers.firstIndex + i,
        ordinal: Int(bookingCount[i]), cumulative: m.sectorCumulative)
      if m.sectorStop[sector] > 0 { return false }
    }
    // The need's category and, when it has merchant agents, a trading merchant.
    if m.hasBusiness, let bt = t.business {
      guard
        let place = Self.place(
          segment: seg, period: m.period, stream: stream, tables: bt,
          merchants: m.merchants)
      else {
        counts.business[c.kind].lostNeeds += 1
        return false
      }
      (c.category, c.merchant) = place
    }
    counts.needs += 1
    countSegment(.needs, arm: a, segment: seg, segments: m.segments, by: 1)
    return c.reached || t.payInFull != nil || c.targetingArm
  }

  /// Offer: the purchase's price, the offer variant the customer gets (a campaign's, a segment
  /// strategy's or the targeting plan's) and the terms on offer.
  @inline(__always)
  func offer(_ c: inout CustomerMonth, _ m: MonthView) {
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    let mt = t.marketing
    let stream = c.stream
    c.income = customers.monthlyIncome[i]
    c.listPrice =
      c.category >= 0
      ? t.business?.price(
        category: c.category,
        incomeScale: t.incomeScale(segment: seg, income: c.income),
        normal: Normal.quantile(stream.openUniform(at: CustomerMonthDraw.price))
      )
        ?? 0
      : t.price(
        segment: seg, income: c.income,
        normal: Normal.quantile(stream.openUniform(at: CustomerMonthDraw.price))
      )
    if c.planned >= 0, let tt = t.targeting { c.variant = tt.offers[c.planned] }
    if c.channelArm {
      let inCampaign = m.campaignByArm[a]
      let tierOK = inCampaign && Int(m.tiers[i]) >= mt.minimumTier[a]
      c.variant =
        mt.variants[
          mt.variant(
            arm: a, inCampaign: inCampaign, segment: seg, tierQualifies: tierOK)
        ]
    }
    // A discount lowers what is financed.
    c.price = c.variant?.offer.discount?.apply(c.listPrice) ?? c.listPrice
    c.terms = c.variant?.offer.terms ?? m.armTerms[a]
    if c.category >= 0, c.variant == nil, !m.capped, let bt = t.business {
      // The category's typical terms under the arm's offer.
      c.terms = bt.terms(
        arm: a, category: c.category,
        u: stream.uniform(at: CustomerMonthDraw.term))
    }
    c.instalment = c.price * c.terms.paymentPerYuan
  }
}
