/// What the monthly roll tells the lender about each borrower of a block: how far behind their
/// worst loan is and what they owe (both reset to zero by the caller before each roll).
///
/// Empty columns mean "not tracked" and cost nothing in the roll.
public struct BorrowerStatus: Sendable, Equatable {
  /// The largest months past due over the borrower's loans after this month's roll (the charge-off
  /// threshold when a loan was written off this month).
  public var worstPastDue: [UInt8]
  /// The borrower's outstanding principal after this month's roll, yuan.
  public var balance: [Float]

  /// Tracks `count` borrowers (0: none).
  public init(count: Int) {
    worstPastDue = .init(repeating: 0, count: count)
    balance = .init(repeating: 0, count: count)
  }

  /// Whether the columns are kept.
  public var isTracking: Bool { !worstPastDue.isEmpty }

  /// Bytes per tracked borrower: worst months past due and balance.
  public static let bytesPerCustomer = 1 + 4

  /// Zeroes both columns for a new month.
  public mutating func reset() {
    for i in worstPastDue.indices {
      worstPastDue[i] = 0
      balance[i] = 0
    }
  }
}
