import FenqiCore
import FenqiMarketing

extension ChunkState {
  /// The marketing side of a booking in an arm that uses channels: attribution, partner fees,
  /// discount, lottery, lender-funded interest-free cost, points, and referrals.
  ///
  /// Every cost the booking causes is also charged to the booking customer's ledger (the
  /// referral reward paid to the inviter too: it is what acquiring this customer cost), so
  /// per-customer net income adds up to the arm's.
  mutating func bookedThroughMarketing(
    _ i: Int, arm a: Int, period: Int, listPrice: Double, price: Double,
    variant: OfferVariant?, contact: (Double, Int)?, stream: RandomStream,
    tables t: EngineTables, counts: inout ArmPeriodCounts
  ) {
    let mt = t.marketing
    var cost = 0.0
    if let contact {
      counts.marketing.channels[contact.1].booked += 1
      counts.marketing.channels[contact.1].bookedPrincipal += price
      if contact.1 < mt.channelCount {
        let channel = mt.channels[contact.1]
        if channel.kind.isPartner {
          let fee = channel.costPerAcquisition + channel.revenueShare * price
          counts.marketing.channels[contact.1].partnerFees += fee
          cost += fee
        }
      }
    }
    if let v = variant {
      counts.marketing.discountCost += listPrice - price
      cost += listPrice - price
      if let draw = v.prizeDraw, draw.probability > 0,
        stream.uniform(at: CustomerMonthDraw.lottery) < draw.probability
      {
        counts.marketing.lotteryCost += draw.prize
        cost += draw.prize
        counts.marketing.lotteryWinners += 1
      }
      if v.lenderFunded {
        counts.marketing.interestForgone +=
          price * v.terms.interestForgonePerYuan
      }
    }
    cost +=
      marketing?.recordBooking(
        i, arm: arm, armIndex: a, period: period, price: price,
        pointsMultiplier: variant?.pointsMultiplier ?? 1,
        contactChannel: contact?.1, tables: t,
        firstIndex: customers.firstIndex, counts: &counts.marketing) ?? 0
    if customerLedger.isTracking { customerLedger.income[i] -= Float(cost) }
  }
}

/// The marketing feature's hooks into the customer's month.
extension ChunkState {
  /// Reach through channels: the best of this month's contacts (a referral counts as one).
  @inline(__always)
  mutating func reachByChannels(
    _ c: inout CustomerMonth, view v: borrowing MonthView, counts: MonthCounts
  ) {
    c.contact = MarketingState.bestContact(
      bits: v.contactedBits[c.i], invited: v.invitedBy[c.i] >= 0,
      segment: c.seg, arm: c.a, tables: v.marketing)
    c.reached = c.contact != nil
    if c.reached { counts[c.a].reached += 1 }
  }

  /// The offer variant (index into ``MarketingTables/variants``) of a channel arm's customer:
  /// the campaign's, the segment strategy's, the tier privilege's.
  @inline(__always)
  mutating func channelVariant(_ c: CustomerMonth, view v: borrowing MonthView)
    -> Int
  {
    let mt = v.marketing
    let inCampaign = v.campaignByArm[c.a]
    let tierOK = inCampaign && Int(v.tiers[c.i]) >= mt.minimumTier[c.a]
    return mt.variant(
      arm: c.a, inCampaign: inCampaign, segment: c.seg, tierQualifies: tierOK)
  }
}
