import FenqiCore
import FenqiCredit

extension ChunkState {
  /// Reach: did a channel, the targeting plan or the generic contact reach the customer? Each
  /// contact is charged to the arm and the customer's ledger.
  @inline(__always)
  mutating func reach(
    _ c: inout CustomerMonth, _ m: MonthView, counts: inout ArmPeriodCounts
  ) {
    let (i, a) = (c.i, c.a)
    let t = m.t
    if c.channelArm {
      c.contact = MarketingState.bestContact(
        bits: m.contactedBits[i], invited: m.invitedBy[i] >= 0,
        segment: c.seg, arm: a, tables: t.marketing)
      c.reached = c.contact != nil
      if c.reached { counts.reached += 1 }
    } else if c.targetingArm {
      // The policy's plan: contact with offer `planned`, or not at all.
      c.planned = Int(targeting?.plan[i] ?? -1)
      c.reached = c.planned >= 0
      if c.reached, let tt = t.targeting {
        counts.reached += 1
        lender?.ledger.recordContact(i, period: m.period)
        let cost = tt.contactCost[c.planned] ?? t.costPerContact[a]
        counts.targeting.contactCost += cost
        if m.ledgerOn { customerLedger.income[i] -= Float(cost) }
      }
    } else {
      let reachRate = t.reach[a]
      c.reached =
        reachRate >= 1
        || (reachRate > 0
          && c.stream.uniform(at: CustomerMonthDraw.reach) < reachRate)
      if c.reached {
        counts.reached += 1
        if m.lender != nil {
          lender?.ledger.recordContact(i, period: m.period)
        }
        if m.ledgerOn {
          customerLedger.income[i] -= Float(t.costPerContact[a])
        }
      }
    }
  }

  /// A fraudster makes no purchase of their own, only applications for large amounts; true when
  /// the customer is one (and their month is done).
  @inline(__always)
  mutating func actedAsFraudster(
    _ c: CustomerMonth, _ m: MonthView, counts: inout ArmPeriodCounts
  ) -> Bool {
    guard let lp = m.lender, let fraud = lender?.fraud, fraud[c.i] != 0 else {
      return false
    }
    let (i, a, seg) = (c.i, c.a, c.seg)
    let t = m.t
    if c.stream.uniform(at: CustomerMonthDraw.fraudsterApplies) < m.fraudApply,
      let stack = lp.stacks[a]
    {
      counts.applications += 1
      countSegment(
        .applications, arm: a, segment: seg, segments: m.segments, by: 1)
      let list = t.price(
        segment: seg, income: customers.monthlyIncome[i],
        normal: Normal.quantile(
          c.stream.openUniform(at: CustomerMonthDraw.price)))
      let amount = list * m.fraudMultiplier
      if let booked = decideWithStack(
        i, arm: a, segment: seg, period: m.period, price: amount,
        terms: m.armTerms[a], isFraud: true, stack: stack, lender: lp,
        tables: t, stream: c.stream, counts: &counts)
      {
        counts.approvals += 1
        counts.bookings += 1
        counts.gmv += amount
        counts.bookedPrincipal += amount
        countSegment(
          .bookings, arm: a, segment: seg, segments: m.segments, by: 1)
        countSegment(
          .bookedPrincipal, arm: a, segment: seg, segments: m.segments,
          by: amount)
        // First-payment default: never pays, rolls to charge-off.
        bookLoan(
          i, arm: a, segment: seg, period: m.period, principal: amount,
          terms: booked, missLogit: 30, rollLogit: 30, cure: 0, prepayment: 0)
      } else {
        counts.declines += 1
      }
    }
    return true
  }
}
