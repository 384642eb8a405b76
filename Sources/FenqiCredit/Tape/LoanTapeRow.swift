/// The reporting bucket of a loan on a loan tape, by days past due.
public enum DelinquencyBucket: UInt8, Sendable, CaseIterable, Comparable {
  /// Not past due.
  case current
  /// 1–30 days past due (one instalment missed).
  case dpd1to30
  /// 31–60 days past due.
  case dpd31to60
  /// 61–90 days past due.
  case dpd61to90
  /// More than 90 days past due.
  case dpd90plus

  /// The name a tape writes: `current`, `1-30`, `31-60`, `61-90`, `90+`.
  public var name: String {
    switch self {
    case .current: "current"
    case .dpd1to30: "1-30"
    case .dpd31to60: "31-60"
    case .dpd61to90: "61-90"
    case .dpd90plus: "90+"
    }
  }

  /// The bucket a tape's name stands for, or nil.
  public init?(name: String) {
    guard let b = Self.allCases.first(where: { $0.name == name }) else {
      return nil
    }
    self = b
  }

  /// The bucket of a count of months past due (0 = current, ≥ 4 = 90+).
  public init(monthsPastDue d: UInt8) {
    self = Self.allCases[Int(Swift.min(d, 4))]
  }

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A loan's status at the end of a month on a loan tape.
public enum LoanStatus: UInt8, Sendable, CaseIterable {
  /// Still on the book.
  case open
  /// Paid its last scheduled instalment this month.
  case repaid
  /// Settled early in full this month.
  case prepaid
  /// Written off this month.
  case chargedOff

  /// The name a tape writes: `open`, `repaid`, `prepaid`, `charged_off`.
  public var name: String {
    switch self {
    case .open: "open"
    case .repaid: "repaid"
    case .prepaid: "prepaid"
    case .chargedOff: "charged_off"
    }
  }

  /// The status a tape's name stands for, or nil.
  public init?(name: String) {
    guard let s = Self.allCases.first(where: { $0.name == name }) else {
      return nil
    }
    self = s
  }

  /// Whether the loan leaves the book with this status.
  public var isTerminal: Bool { self != .open }
}

/// One row of a loan tape: one loan at the end of one month on book.
///
/// Month on book 1 is the month the first instalment falls due (the month after origination). A
/// loan has one row for each month it is on the book, up to and including the month it closes.
/// Money in yuan; `apr` is the true annual rate of the offer as a fraction.
public struct LoanTapeRow: Sendable, Equatable {
  /// The loan's identifier.
  public var loanID: String
  /// The borrower's identifier.
  public var customerID: String
  /// The borrower's segment name.
  public var segment: String
  /// The period the loan was originated in (1-based within its source).
  public var originationPeriod: Int
  /// Months since origination, ≥ 1.
  public var monthOnBook: Int
  /// The product's name (an arm or plan name).
  public var product: String
  /// The term, months.
  public var termMonths: Int
  /// The amount financed at origination, yuan.
  public var principal: Double
  /// The annual rate of the offer, a fraction (true APR by IRR).
  public var apr: Double
  /// Outstanding principal at the end of the month, yuan (0 once closed).
  public var balance: Double
  /// The delinquency bucket at the end of the month.
  public var bucket: DelinquencyBucket
  /// The status at the end of the month.
  public var status: LoanStatus
  /// Everything the borrower paid this month: instalment, fees, arrears, settlement, yuan.
  public var paid: Double
  /// Principal written off this month, yuan.
  public var chargeOff: Double
  /// Recoveries on the written-off principal credited this month, yuan.
  public var recovery: Double

  /// Creates a row.
  public init(
    loanID: String, customerID: String, segment: String,
    originationPeriod: Int, monthOnBook: Int, product: String,
    termMonths: Int, principal: Double, apr: Double, balance: Double,
    bucket: DelinquencyBucket, status: LoanStatus, paid: Double,
    chargeOff: Double, recovery: Double
  ) {
    self.loanID = loanID
    self.customerID = customerID
    self.segment = segment
    self.originationPeriod = originationPeriod
    self.monthOnBook = monthOnBook
    self.product = product
    self.termMonths = termMonths
    self.principal = principal
    self.apr = apr
    self.balance = balance
    self.bucket = bucket
    self.status = status
    self.paid = paid
    self.chargeOff = chargeOff
    self.recovery = recovery
  }
}
