import FenqiCore
import FenqiCredit

/// The lender feature's fraud hook into the customer's month.
extension ChunkState {
  /// A fraudster's month: no purchase of their own, just (sometimes) an application for a large
  /// amount that, if the stack lets it through, never pays (first-payment default).
  @inline(__always)
  mutating func applyAsFraudster(
    _ c: CustomerMonth, lender lp: LenderPeriod,
    view v: borrowing MonthView, counts: MonthCounts
  ) {
    let (i, a, seg) = (c.i, c.a, c.seg)
    guard
      c.stream.uniform(at: CustomerMonthDraw.fraudsterApplies) < v.fraudApply,
      let stack = lp.stacks[a]
    else { return }
    let t = v.tables
    counts[a].applications += 1
    countSegment(
      .applications, arm: a, segment: seg, segments: v.segments, by: 1)
    let list = t.price(
      segment: seg, income: customers.monthlyIncome[i],
      normal: Normal.quantile(c.stream.openUniform(at: CustomerMonthDraw.price))
    )
    let amount = list * v.fraudMultiplier
    guard
      let booked = decideWithStack(
        i, arm: a, segment: seg, period: v.period, price: amount,
        terms: v.armTerms[a], isFraud: true, stack: stack, lender: lp,
        tables: t, stream: c.stream, counts: &counts[a])
    else {
      counts[a].declines += 1
      return
    }
    if isNewBorrower(i) { counts[a].newBorrowers += 1 }
    counts[a].approvals += 1
    counts[a].bookings += 1
    counts[a].gmv += amount
    counts[a].bookedPrincipal += amount
    countSegment(.bookings, arm: a, segment: seg, segments: v.segments, by: 1)
    countSegment(
      .bookedPrincipal, arm: a, segment: seg, segments: v.segments, by: amount)
    // First-payment default: never pays, rolls to charge-off.
    bookLoan(
      i, arm: a, segment: seg, period: v.period, principal: amount,
      terms: booked, missLogit: 30, rollLogit: 30, cure: 0, prepayment: 0)
  }
}
