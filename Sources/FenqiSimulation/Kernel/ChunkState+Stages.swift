import FenqiCore
import FenqiCredit
import Foundation

/// The stages of one customer's month, in order: reach → (fraud) → need → place → price →
/// choose → approve → book. Each is a small inlined function over the chunk, the customer's
/// scratch value and the month's view; features hook in where the README's diagram shows.
///
/// Every stage is `mutating`, even one that only reads: calling a non-mutating method of the
/// chunk from inside the loop loads the whole chunk as a value (a retain and release of each of
/// its columns) for every customer, which made the month five times slower.
extension ChunkState {
  /// Counts per arm for this month, written through a pointer so stages can add to them while
  /// they mutate the chunk.
  typealias MonthCounts = UnsafeMutableBufferPointer<ArmPeriodCounts>

  /// One customer's month.
  @inline(__always)
  mutating func stepCustomer(
    _ i: Int, arm a: Int, segment seg: Int, view v: borrowing MonthView,
    counts: MonthCounts
  ) {
    var c = CustomerMonth(
      i: i, arm: a, segment: seg,
      stream: v.family.stream(for: v.first + UInt64(i)), route: v.route[a])
    reach(&c, view: v, counts: counts)
    if v.hasLender, let fraud = lender?.fraud, fraud[i] != 0 {
      applyAsFraudster(
        c, lender: v.lender.unsafelyUnwrapped, view: v, counts: counts)
      return
    }
    guard feelNeed(&c, view: v, counts: counts) else { return }
    var p = Purchase(terms: v.armTerms[a])
    guard placeNeed(c, &p, view: v, counts: counts) else { return }
    priceOffer(c, &p, view: v)
    switch choose(c, p, view: v, counts: counts) {
    case .split:
      if approve(c, &p, view: v, counts: counts) {
        book(c, p, view: v, counts: counts)
      } else {
        counts[a].declines += 1
      }
    case .payInFull:
      payInFull(c, p, view: v, counts: counts)
    case .walkAway:
      break
    }
  }

  /// Reach: whether the arm contacted the customer this month, by its route.
  @inline(__always)
  mutating func reach(
    _ c: inout CustomerMonth, view v: borrowing MonthView, counts: MonthCounts
  ) {
    switch c.route {
    case .channels:
      reachByChannels(&c, view: v, counts: counts)
    case .targeting:
      reachByPlan(&c, view: v, counts: counts)
    case .generic:
      let t = v.tables
      let reachRate = t.reach[c.a]
      c.reached =
        reachRate >= 1
        || (reachRate > 0
          && c.stream.uniform(at: CustomerMonthDraw.reach) < reachRate)
      guard c.reached else { return }
      counts[c.a].reached += 1
      if v.hasLender {
        lender?.ledger.recordContact(c.i, period: v.period)
      }
      if v.ledgerOn {
        customerLedger.income[c.i] -= Float(t.costPerContact[c.a])
      }
    }
  }

  /// Need: whether the customer wants to buy something this month.
  ///
  /// The need rate is the segment's, times the customer's own multiplier, the campaign's
  /// demand, the category's season and (for a firm) its revenue; a referral brings a need with
  /// it. A targeting arm records its truth for every customer here, needy or not.
  @inline(__always)
  mutating func feelNeed(
    _ c: inout CustomerMonth, view v: borrowing MonthView, counts: MonthCounts
  ) -> Bool {
    if c.reached && v.hasLender {
      c.propensityRow = recordPropensityRow(
        c.i, arm: c.a, period: v.period, stream: c.stream,
        share: v.propensityShare)
    }
    var need =
      needMultiplier.isEmpty
      ? v.needProbability[c.seg]
      : v.needProbability[c.seg] * Double(needMultiplier[c.i])
    let demand = v.demandByArm[c.a]
    if demand != 1 { need *= demand }
    // Categories' seasons and shocks; a firm buys with its revenue.
    if !v.categoryNeed.isEmpty {
      need *= v.categoryNeed[c.seg * v.periodStride + v.period]
      if v.firmSegments[c.seg] {
        c.kind = 1
        need *= Double(v.revenueNow[c.i])
      }
    }
    if let contact = c.contact, contact.1 == v.referralChannel {
      // A warm referral contact comes with a deal the friend wants.
      need = Swift.max(need, v.marketing.referral[c.a]?.invitedNeed ?? 0)
    }
    if c.route == .targeting, let tt = v.targetingTables {
      recordTargetingTruth(
        c.i, arm: c.a, segment: c.seg, period: v.period, planned: c.planned,
        need: need, pilot: v.pilot, stream: c.stream, tables: v.tables,
        offers: tt,
        arm: (v.armConstant[c.a], v.armRate[c.a], v.armTerms[c.a]),
        competitionLog: v.competitionLog, counts: &counts[c.a])
    }
    return c.stream.uniform(at: CustomerMonthDraw.need) < need
  }

  /// Place: where the need is bought, and whether it can reach us.
  ///
  /// Collapsed sectors sell nothing; with `business`, the need gets a category and a trading
  /// merchant (or is lost when none trades). A need the arm never reached ends here unless it
  /// can split organically (targeting) or pay in full.
  @inline(__always)
  mutating func placeNeed(
    _ c: CustomerMonth, _ p: inout Purchase, view v: borrowing MonthView,
    counts: MonthCounts
  ) -> Bool {
    if v.collapse {
      let (sector, _) = RollStress.sector(
        seed: v.tables.seed, customer: customers.firstIndex + c.i,
        ordinal: Int(bookingCount[c.i]), cumulative: v.sectorCumulative)
      if v.sectorStop[sector] > 0 { return false }
    }
    if v.hasBusiness, let bt = v.business {
      guard
        let place = Self.place(
          segment: c.seg, period: v.period, stream: c.stream, tables: bt,
          merchants: v.merchants)
      else {
        counts[c.a].business[c.kind].lostNeeds += 1
        return false
      }
      (p.category, p.merchant) = place
    }
    counts[c.a].needs += 1
    countSegment(.needs, arm: c.a, segment: c.seg, segments: v.segments, by: 1)
    return c.reached || v.tables.payInFull != nil || c.route == .targeting
  }

  /// Price: the list price, the offer variant with its promotions, the terms and the
  /// instalment.
  @inline(__always)
  mutating func priceOffer(
    _ c: CustomerMonth, _ p: inout Purchase, view v: borrowing MonthView
  ) {
    let t = v.tables
    let income = customers.monthlyIncome[c.i]
    let normal = Normal.quantile(
      c.stream.openUniform(at: CustomerMonthDraw.price))
    if p.category >= 0, let bt = v.business {
      p.listPrice = bt.price(
        category: p.category,
        incomeScale: t.incomeScale(segment: c.seg, income: income),
        normal: normal)
    } else {
      p.listPrice = t.price(segment: c.seg, income: income, normal: normal)
    }
    switch c.route {
    case .targeting where c.planned >= 0:
      p.offer = c.planned
    case .channels:
      p.offer = channelVariant(c, view: v)
    default:
      break
    }
    let offer = v.offer(of: c, p)
    p.price = offer?.financedPrice(p.listPrice) ?? p.listPrice
    if let offer {
      p.terms = offer.terms
    } else if p.category >= 0, !v.capped, let bt = v.business {
      // The category's typical terms under the arm's offer.
      p.terms = bt.terms(
        arm: c.a, category: p.category,
        u: c.stream.uniform(at: CustomerMonthDraw.term))
    }
    // An upfront fee is financed (a larger loan) or paid now (felt as part of the price).
    var felt = offer?.feltPrice(p.price) ?? p.price
    p.principal = p.price
    let fees = p.terms.fees
    if fees.chargesUpfront {
      p.upfrontFee = fees.upfrontFee(principal: p.price)
      if fees.upfrontAmount > 0, v.tables.aprCap.isFinite {
        // A flat fee weighs more on a small loan: below its minimum amount the offer's true
        // APR would break the cap.
        let ratio = EffectiveRate.largestFlatFeeRatio(
          of: p.terms, cap: v.tables.aprCap)
        p.overCap = ratio <= 0 || fees.upfrontAmount > ratio * p.price
      }
      if fees.upfrontFinanced {
        p.principal += p.upfrontFee
      } else {
        felt += p.upfrontFee
      }
    }
    p.priceToIncome = felt / income
    p.instalment = p.principal * p.terms.paymentPerYuan
  }

  /// Choose: split, pay in full or walk away, by a multinomial logit over the three.
  @inline(__always)
  mutating func choose(
    _ c: CustomerMonth, _ p: Purchase, view v: borrowing MonthView,
    counts: MonthCounts
  ) -> PurchaseChoice {
    let t = v.tables
    var eSplit = 0.0
    if p.overCap {
      counts[c.a].capRefusals += 1
    } else if c.reached || c.route == .targeting {
      eSplit = exp(splitUtility(c, p, view: v))
    }
    var eFull = 0.0
    if let full = t.payInFull {
      eFull = exp(full.intercept + full.priceToIncome * p.priceToIncome)
    }
    let scaled =
      c.stream.uniform(at: CustomerMonthDraw.choice) * (1 + eSplit + eFull)
    if scaled < eSplit { return .split }
    return scaled < eSplit + eFull ? .payInFull : .walkAway
  }

  /// The split option's utility: the offer, the price's and instalment's weight in income, the
  /// customer's traits, and the contact that brought them.
  @inline(__always)
  mutating func splitUtility(
    _ c: CustomerMonth, _ p: Purchase, view v: borrowing MonthView
  ) -> Double {
    let t = v.tables
    let split = t.split
    let income = customers.monthlyIncome[c.i]
    let offer = v.offer(of: c, p)
    var utility =
      (offer?.splitConstant ?? v.armConstant[c.a])
      + t.splitOffset[c.seg] + split.priceToIncome * p.priceToIncome
      + split.instalmentToIncome * p.instalment / income
      + split.digitalAffinity * Double(customers.digitalAffinity[c.i])
      + split.priceSensitivityRate * Double(customers.priceSensitivity[c.i])
      * (offer?.rate ?? v.armRate[c.a])
    if let contact = c.contact {
      // Channel response, fatigue exp(−λF) on the odds, the offer's own pull.
      utility +=
        contact.0 - Double(v.marketing.lambda * v.fatigueNow[c.i])
        + (offer?.utilityBonus ?? 0)
    }
    if v.competitionLog != 0 { utility -= v.competitionLog }
    if p.category >= 0, let bt = v.business {
      utility += bt.propensityLogit[p.category]
    }
    if !c.reached {
      // Uncontacted customers of a targeting arm may still split (organic demand).
      utility +=
        v.organicOffset + v.organicDigital
        * Double(customers.digitalAffinity[c.i])
    } else if c.planned >= 0, let tt = v.targetingTables {
      // The offer's channel: response multiplier and segment affinity.
      utility += tt.responseLog[c.planned * tt.segments + c.seg]
    }
    return utility
  }
}
