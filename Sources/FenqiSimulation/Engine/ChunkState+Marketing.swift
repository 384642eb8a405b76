import FenqiCore
import FenqiMarketing

extension ChunkState {
  /// The marketing side of a booking in an arm that uses channels: attribution, partner fees,
  /// discount, lottery, lender-funded interest-free cost, points, and referrals.
  mutating func bookedThroughMarketing(
    _ i: Int, arm a: Int, period: Int, listPrice: Double, price: Double,
    variant: SharedOfferVariant?, contact: (Double, Int)?, stream: RandomStream,
    tables t: EngineTables, counts: inout ArmPeriodCounts
  ) {
    let mt = t.marketing
    if let contact {
      counts.marketing.channels[contact.1].booked += 1
      counts.marketing.channels[contact.1].bookedPrincipal += price
      if contact.1 < mt.channelCount {
        let channel = mt.channels[contact.1]
        if channel.kind.isPartner {
          counts.marketing.channels[contact.1].partnerFees +=
            channel.costPerAcquisition + channel.revenueShare * price
        }
      }
    }
    if let v = variant?.offer {
      counts.marketing.discountCost += listPrice - price
      if v.lotteryProbability > 0, stream.uniform(at: 60) < v.lotteryProbability
      {
        counts.marketing.lotteryCost += v.lotteryPrize
        counts.marketing.lotteryWinners += 1
      }
      if v.lenderFunded {
        counts.marketing.interestForgone +=
          price * v.terms.interestForgonePerYuan
      }
    }
    marketing?.recordBooking(
      i, arm: arm, armIndex: a, period: period, price: price,
      pointsMultiplier: variant?.offer.pointsMultiplier ?? 1,
      contactChannel: contact?.1, tables: t,
      firstIndex: customers.firstIndex, counts: &counts.marketing)
  }
}
