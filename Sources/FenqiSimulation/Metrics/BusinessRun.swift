/// The business layer's run-wide results: customer value by arm and segment, and the merchants.
public struct BusinessRun: Sendable, Equatable {
  /// Per arm (outer) and segment (inner).
  public var value: [[SegmentValue]]
  /// Every merchant's state at the end (nil: no merchant agents).
  public var merchants: MerchantRecord?
}

/// One arm × segment's customer value over the run.
///
/// Money in yuan.
public struct SegmentValue: Sendable, Equatable {
  /// Customers.
  public var customers: Double = 0
  /// Customers with at least one purchase (split or paid in full).
  public var purchasers: Double = 0
  /// Customers with two or more.
  public var repeatPurchasers: Double = 0
  /// Purchasers with no purchase in the final `churnAfterMonths` and nothing owed.
  public var churned: Double = 0
  /// Customers whose value is below zero.
  public var negativeValue: Double = 0
  /// The sum of the customers' values (discounted net cash flows).
  public var valueSum: Double = 0
  /// Purchases split into instalments.
  public var instalmentOrders: Double = 0
  /// Their order value (list price).
  public var instalmentOrderValue: Double = 0
  /// Purchases paid in full.
  public var cashOrders: Double = 0
  /// Their order value.
  public var cashOrderValue: Double = 0

  /// Customer lifetime value: the mean discounted net cash flow per customer.
  public var lifetimeValue: Double { valueSum / max(customers, 1) }
  /// The share of purchasers who bought again.
  public var repeatRate: Double { repeatPurchasers / max(purchasers, 1) }
  /// The share of purchasers who churned.
  public var churnRate: Double { churned / max(purchasers, 1) }
  /// Mean order value of split purchases ÷ that of cash purchases − 1 (NaN without both).
  public var orderValueLift: Double {
    guard instalmentOrders > 0, cashOrders > 0 else { return .nan }
    return (instalmentOrderValue / instalmentOrders)
      / (cashOrderValue / cashOrders) - 1
  }

  /// Reads the fields from a flat ``ValueField`` row.
  init(_ row: ArraySlice<Double>) {
    let r = Array(row)
    customers = r[ValueField.customers.rawValue]
    purchasers = r[ValueField.purchasers.rawValue]
    repeatPurchasers = r[ValueField.repeatPurchasers.rawValue]
    churned = r[ValueField.churned.rawValue]
    negativeValue = r[ValueField.negativeValue.rawValue]
    valueSum = r[ValueField.valueSum.rawValue]
    instalmentOrders = r[ValueField.instalmentOrders.rawValue]
    instalmentOrderValue = r[ValueField.instalmentOrderValue.rawValue]
    cashOrders = r[ValueField.cashOrders.rawValue]
    cashOrderValue = r[ValueField.cashOrderValue.rawValue]
  }
}
