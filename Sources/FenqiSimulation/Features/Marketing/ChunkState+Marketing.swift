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
    variant: SharedOfferVariant?, contact: (Double, Int)?, stream: RandomStream,
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
    if let v = variant?.offer {
      counts.marketing.discountCost += listPrice - price
      cost += listPrice - price
      if v.lotteryProbability > 0,
        stream.uniform(at: CustomerMonthDraw.lottery) < v.lotteryProbability
      {
        counts.marketing.lotteryCost += v.lotteryPrize
        cost += v.lotteryPrize
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
        pointsMultiplier: variant?.offer.pointsMultiplier ?? 1,
        contactChannel: contact?.1, tables: t,
        firstIndex: customers.firstIndex, counts: &counts.marketing) ?? 0
    if customerLedger.isTracking { customerLedger.income[i] -= Float(cost) }
  }
}
