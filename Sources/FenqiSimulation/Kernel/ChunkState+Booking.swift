import FenqiCore
import FenqiCredit

/// The last stages of a customer's month: the application's decision, the booking and a
/// purchase paid in full.
extension ChunkState {
  /// Approve: the decision stack (or the arm's approval rule), then the offer's own conditions
  /// and the credit line.
  ///
  /// Counts the application; the caller counts a decline.
  @inline(__always)
  mutating func approve(
    _ c: CustomerMonth, _ p: inout Purchase, view v: borrowing MonthView,
    counts: MonthCounts
  ) -> Bool {
    let t = v.tables
    let a = c.a
    counts[a].applications += 1
    if v.tracking { outcomes.applications[c.i] += 1 }
    countSegment(
      .applications, arm: a, segment: c.seg, segments: v.segments, by: 1)
    if let contact = c.contact {
      counts[a].marketing.channels[contact.1].applied += 1
    }
    if c.propensityRow >= 0 {
      lender?.propensityRows[a].labels[c.propensityRow] = 1
    }
    var approved: Bool
    if let lp = v.lender, let stack = lp.stacks[a] {
      let booked = decideWithStack(
        c.i, arm: a, segment: c.seg, period: v.period, price: p.principal,
        terms: p.terms, isFraud: false, stack: stack, lender: lp, tables: t,
        stream: c.stream, counts: &counts[a])
      approved = booked != nil
      if let booked { p.terms = booked }
    } else {
      let score =
        v.bureauNow.isEmpty ? customers.creditScore[c.i] : v.bureauNow[c.i]
      approved =
        Double(score) >= t.minimumScore[a]
        && Int(openLoans[c.i]) < t.maxOpenLoans[a]
        && Double(customers.debtToIncome[c.i]) + p.instalment
          / customers.monthlyIncome[c.i] <= t.maxDebtToIncome[a]
    }
    if approved, let offer = v.offer(of: c, p),
      !offer.admits(price: p.principal, stream: c.stream)
    {
      // The offer's own conditions: a principal cap, a guarantor.
      approved = false
      counts[a].marketing.strategyDeclines += 1
    }
    if approved, !v.lineArms.isEmpty, v.lineArms[a],
      v.frozenNow[c.i] != 0
        || Double(business?.used[c.i] ?? 0) + p.principal
          > Double(v.lineNow[c.i])
    {
      // A frozen line books nothing; a purchase must fit the line.
      approved = false
      counts[a].business[c.kind].lineDeclines += 1
    }
    return approved
  }

  /// Book: count the booking, let the features that priced or brought it account for it, and
  /// put the loan on the book with its hazards.
  @inline(__always)
  mutating func book(
    _ c: CustomerMonth, _ p: Purchase, view v: borrowing MonthView,
    counts: MonthCounts
  ) {
    let t = v.tables
    let (i, a, seg) = (c.i, c.a, c.seg)
    counts[a].approvals += 1
    countSegment(.bookings, arm: a, segment: seg, segments: v.segments, by: 1)
    countSegment(
      .bookedPrincipal, arm: a, segment: seg, segments: v.segments,
      by: p.principal)
    counts[a].bookings += 1
    counts[a].gmv += p.listPrice
    counts[a].bookedPrincipal += p.principal
    switch c.route {
    case .targeting:
      targetingBooked(
        i, planned: c.planned, discount: p.listPrice - p.price,
        counts: &counts[a])
    case .channels:
      bookedThroughMarketing(
        i, arm: a, period: v.period, listPrice: p.listPrice, price: p.price,
        variant: v.offer(of: c, p), contact: c.contact, stream: c.stream,
        tables: t,
        counts: &counts[a])
    case .generic:
      break
    }
    let subsidy = p.price * p.terms.merchantSubsidyPerYuan
    counts[a].merchantSubsidy += subsidy
    if v.tracking {
      outcomes.bookings[i] += 1
      outcomes.gmv[i] += Float(p.listPrice)
      outcomes.bookedPrincipal[i] += Float(p.principal)
    }
    if v.ledgerOn { customerLedger.income[i] += Float(subsidy) }
    if p.upfrontFee > 0 {
      // Income at booking, paid now or financed with the loan (a default then loses it).
      counts[a].upfrontFees += p.upfrontFee
      if v.ledgerOn { customerLedger.income[i] += Float(p.upfrontFee) }
    }
    if isNewBorrower(i) { counts[a].newBorrowers += 1 }
    var firmLogit = 0.0
    if let bt = v.business {
      firmLogit = recordPurchase(
        i, arm: a, segment: seg, kind: c.kind, period: v.period,
        listPrice: p.listPrice, financed: p.principal, merchant: p.merchant,
        tables: bt, counts: &counts[a])
    }
    let z = Double(customers.latentRisk[i])
    let burden = p.instalment / customers.monthlyIncome[i]
    bookLoan(
      i, arm: a, segment: seg, period: v.period, principal: p.principal,
      terms: p.terms,
      missLogit: t.hazard.missLogit(
        latentRisk: z, burden: burden, offset: t.missOffset[seg])
        + (v.offer(of: c, p)?.missLogitShift ?? 0) + firmLogit,
      rollLogit: t.hazard.rollLogit(latentRisk: z, offset: t.rollOffset[seg]),
      cure: t.cure[seg],
      prepayment: t.prepaymentRate(segment: seg, terms: p.terms),
      merchant: UInt16(p.merchant))
  }

  /// A purchase paid in full: no loan, but the sale counts.
  @inline(__always)
  mutating func payInFull(
    _ c: CustomerMonth, _ p: Purchase, view v: borrowing MonthView,
    counts: MonthCounts
  ) {
    counts[c.a].paidInFull += 1
    counts[c.a].gmv += p.listPrice
    if v.tracking { outcomes.gmv[c.i] += Float(p.listPrice) }
    if let bt = v.business {
      _ = recordPurchase(
        c.i, arm: c.a, segment: c.seg, kind: c.kind, period: v.period,
        listPrice: p.listPrice, financed: 0, merchant: p.merchant, tables: bt,
        counts: &counts[c.a])
    }
  }
}
