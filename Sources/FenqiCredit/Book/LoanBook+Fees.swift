/// Late fees and penalty interest in the monthly roll.
extension LoanBook {
  /// What a loan's fees did this month: charged (late fee and penalty interest, income when
  /// charged) and written off unpaid with a charge-off.
  struct ArrearsChange {
    var charged = 0.0
    var writtenOff = 0.0
  }

  /// Charges loan `j`'s fees for the month's `event` and settles its arrears.
  ///
  /// - A newly missed instalment (`missed`, or `rolled` one bucket further: another instalment
  ///   unpaid) is charged one late fee, `fees.lateFee(instalment:)`; the grace period (under 30
  ///   days) has run out by the month's end.
  /// - Every month a loan ends past due, its overdue principal — the principal of the missed
  ///   instalments, min(balance, d × balance ÷ remaining instalments) — accrues a month (30 days)
  ///   of penalty interest.
  /// - A borrower who cures, or pays the loan off, pays the arrears; a charge-off writes them off.
  @inline(__always)
  static func chargeArrears(
    event: DelinquencyStateMachine.Event, monthsPastDue d: UInt8, loan j: Int,
    columns p: LoanColumnPointers, fees: ProductFees,
    firstLateFee: inout [Bool], borrower c: Int, totals: inout LoanBookTotals
  ) -> ArrearsChange {
    var change = ArrearsChange()
    switch event {
    case .missed, .rolled:
      let fee = fees.lateFee(instalment: p.instalment[j])
      if fee > 0 {
        change.charged += fee
        totals.lateFees += fee
        totals.lateFeeInstalments += 1
        if firstLateFee.count <= c {
          firstLateFee.append(
            contentsOf: repeatElement(false, count: c + 1 - firstLateFee.count))
        }
        if !firstLateFee[c] {
          firstLateFee[c] = true
          totals.lateFeeBorrowers += 1
        }
      }
    case .chargedOff:
      let unpaid = Double(p.arrears[j])
      change.writtenOff = unpaid
      totals.arrearsWrittenOff += unpaid
      p.arrears[j] = 0
      return change
    case .cured:
      totals.arrearsCollected += Double(p.arrears[j])
      p.arrears[j] = 0
    case .paid, .paidStillDelinquent:
      break
    }
    if d > 0, fees.penaltyDailyRate > 0 {
      let remaining = Double(Swift.max(p.remaining[j], 1))
      let overdue = Swift.min(
        p.principal[j], Double(d) * p.principal[j] / remaining)
      let penalty = fees.monthlyPenalty(overdue: overdue)
      change.charged += penalty
      totals.penaltyInterest += penalty
    }
    p.arrears[j] += Float(change.charged)
    return change
  }

  /// Collects loan `j`'s arrears when it is paid off while still past due.
  @inline(__always)
  static func collectArrears(
    loan j: Int, columns p: LoanColumnPointers, totals: inout LoanBookTotals
  ) {
    guard p.arrears[j] != 0 else { return }
    totals.arrearsCollected += Double(p.arrears[j])
    p.arrears[j] = 0
  }

  /// Settles loan `j` early: in full, or `fraction` of its principal when `partial`.
  ///
  /// The borrower pays the early-settlement rule's cost on the amount settled (a fee, or the waived
  /// interest-free interest); the contractual interest and fees the settled principal would have
  /// paid are the prepayment's income effect (``LoanBookTotals/prepaymentIncomeForgone``).
  ///
  /// - Returns: the settlement cost charged, yuan, and whether the loan closed.
  @inline(__always)
  static func settleEarly(
    loan j: Int, columns p: LoanColumnPointers, partial: Bool, fraction: Double,
    fees: ProductFees, totals: inout LoanBookTotals
  ) -> (fee: Double, closed: Bool) {
    let principal = p.principal[j]
    let amount = partial ? principal * fraction : principal
    // What the remaining instalments would have paid beyond the principal, pro rata.
    let scheduled = p.instalment[j] * Double(p.remaining[j]) - principal
    totals.prepaymentIncomeForgone +=
      Swift.max(0, scheduled) * amount / principal
    let fee = fees.settlementCostPerYuan * amount
    totals.settlementFees += fee
    totals.prepaidPrincipal += amount
    if partial {
      totals.partialPrepayments += 1
      p.principal[j] -= amount
      return (fee, false)
    }
    totals.prepayments += 1
    p.principal[j] = 0
    p.remaining[j] = 0
    return (fee, true)
  }
}
