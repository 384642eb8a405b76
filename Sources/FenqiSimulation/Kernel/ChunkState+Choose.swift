import FenqiCore
import FenqiCredit
import Foundation

extension ChunkState {
  /// Choose: split, pay in full or neither, by a multinomial logit over the offer's utility
  /// (price and instalment against income, digital affinity, rate, the contact's response less
  /// fatigue, rivals, the category's propensity, organic demand).
  @inline(__always)
  func choose(_ c: CustomerMonth, _ m: MonthView) -> Choice {
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    let split = t.split
    // A lottery ticket feels like money off.
    let felt = Swift.max(0, c.price - (c.variant?.offer.lotteryValue ?? 0))
    let priceToIncome = felt / c.income
    var eSplit = 0.0
    if c.reached || c.targetingArm {
      var utility =
        (c.variant?.offer.splitConstant ?? m.armConstantNow[a])
        + t.splitOffset[seg] + split
        .priceToIncome * priceToIncome
        + split.instalmentToIncome * c.instalment / c.income
        + split.digitalAffinity
        * Double(customers.digitalAffinity[i])
        + split.priceSensitivityRate
        * Double(customers.priceSensitivity[i])
        * (c.variant?.offer.rate ?? m.armRateNow[a])
      if let contact = c.contact {
        // Channel response, fatigue exp(−λF) on the odds, service, rivals.
        utility +=
          contact.0
          - Double(t.marketing.lambda * m.fatigueNow[i])
          + (c.variant?.offer.serviceUtility ?? 0)
      }
      if m.competitionLog != 0 { utility -= m.competitionLog }
      if c.category >= 0, let bt = t.business {
        utility += bt.propensityLogit[c.category]
      }
      // Uncontacted customers of a targeting arm may still split (organic demand).
      if !c.reached {
        utility +=
          m.organicOffset + m.organicDigital
          * Double(customers.digitalAffinity[i])
      } else if c.planned >= 0, let tt = t.targeting {
        // The offer's channel: response multiplier and segment affinity.
        utility += tt.responseLog[c.planned * tt.segments + seg]
      }
      eSplit = exp(utility)
    }
    var eFull = 0.0
    if let full = t.payInFull {
      eFull = exp(full.intercept + full.priceToIncome * priceToIncome)
    }
    let scaled =
      c.stream.uniform(at: CustomerMonthDraw.choice) * (1 + eSplit + eFull)
    return scaled < eSplit
      ? .split : scaled < eSplit + eFull ? .payInFull : .neither
  }
}
