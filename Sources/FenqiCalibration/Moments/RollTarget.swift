import FenqiCredit

/// Where a loan is one month later in the roll-rate matrix: a delinquency bucket while it stays
/// on the book, or the status it closed with.
public enum RollTarget: UInt8, Sendable, CaseIterable {
  /// Not past due.
  case current
  /// 1–30 days past due.
  case dpd1to30
  /// 31–60 days past due.
  case dpd31to60
  /// 61–90 days past due.
  case dpd61to90
  /// More than 90 days past due.
  case dpd90plus
  /// Paid its last instalment.
  case repaid
  /// Settled early.
  case prepaid
  /// Written off.
  case chargedOff

  /// The state a tape row records: its status when terminal, otherwise its bucket.
  public init(bucket: DelinquencyBucket, status: LoanStatus) {
    switch status {
    case .open: self = RollTarget(rawValue: bucket.rawValue) ?? .current
    case .repaid: self = .repaid
    case .prepaid: self = .prepaid
    case .chargedOff: self = .chargedOff
    }
  }

  /// The bucket's or the status's tape name: `current`, `1-30`, …, `90+`, `repaid`, `prepaid`,
  /// `charged_off`.
  public var name: String {
    switch self {
    case .repaid: LoanStatus.repaid.name
    case .prepaid: LoanStatus.prepaid.name
    case .chargedOff: LoanStatus.chargedOff.name
    default: DelinquencyBucket(rawValue: rawValue)?.name ?? ""
    }
  }
}
