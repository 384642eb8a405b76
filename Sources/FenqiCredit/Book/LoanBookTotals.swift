/// What happened in one arm's part of a loan book in one period; money in yuan.
public struct LoanBookTotals: Sendable, Equatable {
  /// Instalments that fell due.
  public var instalmentsDue: Double = 0
  /// Instalments paid.
  public var instalmentsPaid: Double = 0
  /// Principal repaid by scheduled instalments.
  public var principalRepaid: Double = 0
  /// Interest and fees received.
  public var interestIncome: Double = 0
  /// Loans that paid their last instalment.
  public var loansRepaid: Double = 0
  /// Loans repaid early in full.
  public var prepayments: Double = 0
  /// Principal received from early repayments.
  public var prepaidPrincipal: Double = 0
  /// Current loans that missed a payment (entered 1–30 DPD).
  public var missed: Double = 0
  /// Delinquent loans that cured to current.
  public var cured: Double = 0
  /// Loans charged off.
  public var chargeOffs: Double = 0
  /// Principal written off.
  public var chargeOffPrincipal: Double = 0
  /// Outstanding principal at the end of the period by bucket: current, 1–30, 31–60, 61–90, 90+.
  public var balance: (Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0)
  /// Loans open at the end of the period.
  public var openLoans: Double = 0
  /// Loans closed because the borrower disputed a failed merchant's undelivered service.
  public var disputes: Double = 0
  /// Outstanding principal of the disputed loans, written off.
  public var disputedPrincipal: Double = 0
  /// The part of the disputed principal clawed back from the merchants (recourse).
  public var clawback: Double = 0
  /// Late fees charged (income when charged; see ``arrearsWrittenOff``).
  public var lateFees: Double = 0
  /// Instalments charged a late fee.
  public var lateFeeInstalments: Double = 0
  /// Borrowers charged their first late fee.
  public var lateFeeBorrowers: Double = 0
  /// Penalty interest charged on overdue principal (income when charged).
  public var penaltyInterest: Double = 0
  /// Late fees and penalty interest paid by borrowers who cured or paid off.
  public var arrearsCollected: Double = 0
  /// Late fees and penalty interest written off unpaid with a charged-off loan (a loss).
  public var arrearsWrittenOff: Double = 0
  /// Partial prepayments (the loan stays open with less principal).
  public var partialPrepayments: Double = 0
  /// Early-settlement costs paid: settlement fees and forfeited interest-free interest (income).
  public var settlementFees: Double = 0
  /// The contractual interest and fees the principal prepaid would have paid (not income; the
  /// prepayment's cost to the lender before any settlement fee).
  public var prepaymentIncomeForgone: Double = 0
  /// Delinquent loan-months worked by collections.
  public var collectionsAccounts: Double = 0
  /// What collections cost: accounts worked × cost per delinquent loan, yuan (an operating cost).
  public var collectionsCost: Double = 0

  /// Creates zero totals.
  public init() {}

  /// Adds outstanding principal to bucket 0…4.
  @inline(__always)
  public mutating func addBalance(_ amount: Double, bucket: Int) {
    switch bucket {
    case 0: balance.0 += amount
    case 1: balance.1 += amount
    case 2: balance.2 += amount
    case 3: balance.3 += amount
    default: balance.4 += amount
    }
  }

  /// The balance of bucket 0…4.
  public func balance(bucket: Int) -> Double {
    switch bucket {
    case 0: balance.0
    case 1: balance.1
    case 2: balance.2
    case 3: balance.3
    default: balance.4
    }
  }

  /// Field-by-field equality.
  public static func == (a: LoanBookTotals, b: LoanBookTotals) -> Bool {
    a.instalmentsDue == b.instalmentsDue
      && a.instalmentsPaid == b.instalmentsPaid
      && a.principalRepaid == b.principalRepaid
      && a.interestIncome == b.interestIncome
      && a.loansRepaid == b.loansRepaid && a.prepayments == b.prepayments
      && a.prepaidPrincipal == b.prepaidPrincipal
      && a.missed == b.missed && a.cured == b.cured
      && a.chargeOffs == b.chargeOffs
      && a.chargeOffPrincipal == b.chargeOffPrincipal
      && (0..<5).allSatisfy { a.balance(bucket: $0) == b.balance(bucket: $0) }
      && a.openLoans == b.openLoans && a.disputes == b.disputes
      && a.disputedPrincipal == b.disputedPrincipal && a.clawback == b.clawback
      && a.lateFees == b.lateFees
      && a.lateFeeInstalments == b.lateFeeInstalments
      && a.lateFeeBorrowers == b.lateFeeBorrowers
      && a.penaltyInterest == b.penaltyInterest
      && a.arrearsCollected == b.arrearsCollected
      && a.arrearsWrittenOff == b.arrearsWrittenOff
      && a.partialPrepayments == b.partialPrepayments
      && a.settlementFees == b.settlementFees
      && a.prepaymentIncomeForgone == b.prepaymentIncomeForgone
      && a.collectionsAccounts == b.collectionsAccounts
      && a.collectionsCost == b.collectionsCost
  }
}

extension LoanBookTotals {
  /// Adds another block's totals.
  public mutating func add(_ o: LoanBookTotals) {
    instalmentsDue += o.instalmentsDue
    instalmentsPaid += o.instalmentsPaid
    principalRepaid += o.principalRepaid
    interestIncome += o.interestIncome
    loansRepaid += o.loansRepaid
    prepayments += o.prepayments
    prepaidPrincipal += o.prepaidPrincipal
    missed += o.missed
    cured += o.cured
    chargeOffs += o.chargeOffs
    chargeOffPrincipal += o.chargeOffPrincipal
    openLoans += o.openLoans
    disputes += o.disputes
    disputedPrincipal += o.disputedPrincipal
    clawback += o.clawback
    lateFees += o.lateFees
    lateFeeInstalments += o.lateFeeInstalments
    lateFeeBorrowers += o.lateFeeBorrowers
    penaltyInterest += o.penaltyInterest
    arrearsCollected += o.arrearsCollected
    arrearsWrittenOff += o.arrearsWrittenOff
    partialPrepayments += o.partialPrepayments
    settlementFees += o.settlementFees
    prepaymentIncomeForgone += o.prepaymentIncomeForgone
    collectionsAccounts += o.collectionsAccounts
    collectionsCost += o.collectionsCost
    for b in 0..<5 { addBalance(o.balance(bucket: b), bucket: b) }
  }

  /// Fee income net of write-offs: late fees and penalty interest charged, less what charged-off
  /// loans never paid.
  public var arrearsIncome: Double {
    lateFees + penaltyInterest - arrearsWrittenOff
  }

  /// Fee income the book earned this period beyond interest: ``arrearsIncome`` plus the
  /// early-settlement costs paid.
  public var feeIncome: Double { arrearsIncome + settlementFees }

  /// Total outstanding principal.
  public var totalBalance: Double {
    balance.0 + balance.1 + balance.2 + balance.3 + balance.4
  }
}
