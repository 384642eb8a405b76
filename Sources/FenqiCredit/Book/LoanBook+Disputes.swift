import FenqiCore

/// A month's merchant failures as the loan book sees them.
public struct DisputeSettings: Sendable {
  /// The run's seed.
  public var seed: UInt64
  /// The month, 1-based.
  public var period: Int
  /// The global index of the block's first customer.
  public var firstCustomerIndex: Int
  /// Per merchant slot (1-based; slot 0 is "no merchant"): whether the merchant failed this
  /// month owing prepaid service.
  public var failedNow: [Bool]
  /// The probability a borrower owed undelivered service disputes the loan, a fraction.
  public var disputeRate: Double
  /// The share of a disputed balance clawed back from the merchant, per arm × merchant slot
  /// (arm-major, `failedNow.count` slots per arm).
  public var clawbackShare: [Double]
  /// Per arm: the lender's share of disputed balances and clawbacks.
  ///
  /// Below 1 under co-lending without a guarantee; it scales the clawbacks credited to the
  /// borrowers' ledger. Empty: all.
  public var armLossShare: [Double] = []

  /// Creates dispute settings.
  public init(
    seed: UInt64, period: Int, firstCustomerIndex: Int, failedNow: [Bool],
    disputeRate: Double, clawbackShare: [Double], armLossShare: [Double] = []
  ) {
    self.seed = seed
    self.period = period
    self.firstCustomerIndex = firstCustomerIndex
    self.failedNow = failedNow
    self.disputeRate = disputeRate
    self.clawbackShare = clawbackShare
    self.armLossShare = armLossShare
  }
}

extension LoanBook {
  /// Closes the loans whose merchant failed this month owing service and whose borrower
  /// disputes.
  ///
  /// Service is delivered evenly over the term, so every open loan at a failed merchant still
  /// finances undelivered service; a disputing borrower stops paying, the outstanding principal
  /// is refunded to them (written off by the lender), and the lender claws back the arm's share
  /// of it from the merchant. Each loan's draw comes from (seed, customer, period,
  /// ``Purpose/dispute``) at counter = its ordinal, so the result does not depend on book order.
  ///
  /// - Parameters:
  ///   - s: the month's failures and recourse terms.
  ///   - openLoans: open loans per customer, decremented for closed loans.
  ///   - totals: per-arm totals: disputes, disputed principal and clawback added.
  ///   - customers: per-customer ledger (when tracked): the write-off and the clawback.
  ///   - byMerchant: disputed principal per arm × merchant slot, added to.
  public mutating func settleDisputes(
    _ s: DisputeSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals], customers: inout CustomerLedger,
    byMerchant: inout [Double]
  ) {
    guard count > 0, s.failedNow.contains(true) else { return }
    let family = StreamFamily(
      seed: s.seed, period: UInt32(s.period), purpose: .dispute)
    let slots = s.failedNow.count
    let tracking = customers.isTracking
    let n = count
    let kept = withColumns { p in
      var kept = 0
      for j in 0..<n {
        let m = Int(p.merchant[j])
        var open = true
        if m > 0, m < slots, s.failedNow[m] {
          let c = Int(p.customer[j])
          let u = family.stream(for: UInt64(s.firstCustomerIndex + c))
            .uniform(at: UInt64(p.ordinal[j]))
          if u < s.disputeRate {
            let a = Int(p.arm[j])
            let balance = p.principal[j]
            let back = balance * s.clawbackShare[a * slots + m]
            totals[a].disputes += 1
            totals[a].disputedPrincipal += balance
            totals[a].clawback += back
            byMerchant[a * slots + m] += balance
            if tracking {
              customers.chargeOff[c] += Float(balance)
              customers.income[c] += Float(
                s.armLossShare.isEmpty ? back : back * s.armLossShare[a])
            }
            openLoans[c] -= 1
            open = false
          }
        }
        if open {
          if kept != j { p.move(j, to: kept) }
          kept += 1
        }
      }
      return kept
    }
    truncate(to: kept)
  }
}
