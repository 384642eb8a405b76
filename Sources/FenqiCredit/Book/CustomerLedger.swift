/// What each customer of a block earned the lender and lost it, for customer-level experiment
/// metrics; yuan, one entry per customer (empty when not tracked).
public struct CustomerLedger: Sendable, Equatable {
  /// Interest and fees paid plus recoveries received on the customer's charge-offs.
  public var income: [Float]
  /// Principal charged off.
  public var chargeOff: [Float]

  /// A ledger for `count` customers (0: nothing is tracked).
  public init(count: Int) {
    income = .init(repeating: 0, count: count)
    chargeOff = .init(repeating: 0, count: count)
  }

  /// Whether customers are tracked.
  public var isTracking: Bool { !income.isEmpty }

  /// Bytes per tracked customer: income and charge-offs.
  public static let bytesPerCustomer = 4 + 4
}
