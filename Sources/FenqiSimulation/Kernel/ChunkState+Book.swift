import FenqiCore
import FenqiCredit

extension ChunkState {
  /// Decide: the application is counted, then approved or declined.
  ///
  /// By the arm's decision stack or its rule, then a segment strategy's principal cap or
  /// guarantor, then a managed line. True when approved.
  @inline(__always)
  mutating func decide(
    _ c: inout CustomerMonth, _ m: MonthView, counts: inout ArmPeriodCounts
  ) -> Bool {
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    counts.applications += 1
    if m.tracking { outcomes.applications[i] += 1 }
    countSegment(
      .applications, arm: a, segment: seg, segments: m.segments, by: 1)
    if let contact = c.contact {
      counts.marketing.channels[contact.1].applied += 1
    }
    if c.propensityRow >= 0 {
      lender?.propensityRows[a].labels[c.propensityRow] = 1
    }
    var approved: Bool
    if let lp = m.lender, let stack = lp.stacks[a] {
      if let booked = decideWithStack(
        i, arm: a, segment: seg, period: m.period, price: c.price,
        terms: c.terms, isFraud: false, stack: stack, lender: lp, tables: t,
        stream: c.stream, counts: &counts)
      {
        approved = true
        c.terms = booked
      } else {
        approved = false
      }
    } else {
      let score =
        m.bureauNow.isEmpty ? customers.creditScore[i] : m.bureauNow[i]
      approved =
        Double(score) >= t.minimumScore[a]
        && Int(openLoans[i]) < t.maxOpenLoans[a]
        && Double(customers.debtToIncome[i]) + c.instalment / c.income
          <= t.maxDebtToIncome[a]
    }
    if approved, let v = c.variant?.offer,
      c.price > v.maxPrincipal
        || (v.guaranteeTakeUp < 1
          && c.stream.uniform(at: CustomerMonthDraw.guarantor)
            >= v.guaranteeTakeUp)
    {
      // Segment strategy: a principal cap or no guarantor.
      approved = false
      counts.marketing.strategyDeclines += 1
    }
    if approved, !m.lineArms.isEmpty, m.lineArms[a],
      m.frozenNow[i] != 0
        || Double(business?.used[i] ?? 0) + c.price > Double(m.lineNow[i])
    {
      // A frozen line books nothing; a purchase must fit the line.
      approved = false
      counts.business[c.kind].lineDeclines += 1
    }
    if !approved { counts.declines += 1 }
    return approved
  }

  /// Book: the approved loan goes on the book with its marketing, subsidy, purchase and hazard
  /// (the miss logit carries the burden, a guarantee and a firm's cash squeeze).
  @inline(__always)
  mutating func book(
    _ c: CustomerMonth, _ m: MonthView, counts: inout ArmPeriodCounts
  ) {
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    let price = c.price
    counts.approvals += 1
    countSegment(.bookings, arm: a, segment: seg, segments: m.segments, by: 1)
    countSegment(
      .bookedPrincipal, arm: a, segment: seg, segments: m.segments, by: price)
    counts.bookings += 1
    counts.gmv += c.listPrice
    counts.bookedPrincipal += price
    if c.targetingArm {
      targetingBooked(
        i, planned: c.planned, discount: c.listPrice - price, counts: &counts)
    }
    if c.channelArm {
      bookedThroughMarketing(
        i, arm: a, period: m.period, listPrice: c.listPrice, price: price,
        variant: c.variant, contact: c.contact, stream: c.stream, tables: t,
        counts: &counts)
    }
    counts.merchantSubsidy += price * c.terms.merchantSubsidyPerYuan
    if m.tracking {
      outcomes.bookings[i] += 1
      outcomes.gmv[i] += Float(c.listPrice)
      outcomes.bookedPrincipal[i] += Float(price)
    }
    if m.ledgerOn {
      customerLedger.income[i] += Float(price * c.terms.merchantSubsidyPerYuan)
    }
    var firmLogit = 0.0
    if let bt = t.business {
      firmLogit = recordPurchase(
        i, arm: a, segment: seg, kind: c.kind, period: m.period,
        listPrice: c.listPrice, financed: price, merchant: c.merchant,
        tables: bt, counts: &counts)
    }
    let z = Double(customers.latentRisk[i])
    bookLoan(
      i, arm: a, segment: seg, period: m.period, principal: price,
      terms: c.terms,
      missLogit: t.hazard.missLogit(
        latentRisk: z, burden: c.instalment / c.income,
        offset: t.missOffset[seg])
        - (c.variant?.offer.guaranteed == true ? 0.5 : 0) + firmLogit,
      rollLogit: t.hazard.rollLogit(latentRisk: z, offset: t.rollOffset[seg]),
      cure: t.cure[seg], prepayment: t.prepayment[seg],
      merchant: UInt16(c.merchant))
  }

  /// Pay in full: a cash purchase, counted in GMV and (with a business layer) the purchases.
  @inline(__always)
  mutating func payInFull(
    _ c: CustomerMonth, _ m: MonthView, counts: inout ArmPeriodCounts
  ) {
    counts.paidInFull += 1
    counts.gmv += c.listPrice
    if m.tracking { outcomes.gmv[c.i] += Float(c.listPrice) }
    if let bt = m.t.business {
      _ = recordPurchase(
        c.i, arm: c.a, segment: c.seg, kind: c.kind, period: m.period,
        listPrice: c.listPrice, financed: 0, merchant: c.merchant, tables: bt,
        counts: &counts)
    }
  }
}
