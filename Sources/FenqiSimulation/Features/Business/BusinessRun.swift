import FenqiCore

/// The business layer's run-wide results: customer value by arm and segment, and the merchants.
public struct BusinessRun: Sendable, Equatable {
  /// Per arm (outer) and segment (inner).
  public var value: [[SegmentValue]]
  /// Per arm: every customer of the arm, whatever the segment (hidden ones included).
  public var armValue: [SegmentValue]
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
  /// The 1st percentile of the customers' values, the loss tail (NaN without customers).
  public var valueP1 = Double.nan
  /// The median customer value.
  public var valueMedian = Double.nan
  /// The 99th percentile.
  public var valueP99 = Double.nan
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

  /// Zero counts.
  init() {}

  /// Field-by-field equality, NaN percentiles (groups without customers) equal to each other.
  public static func == (a: SegmentValue, b: SegmentValue) -> Bool {
    func same(_ x: Double, _ y: Double) -> Bool {
      x == y || (x.isNaN && y.isNaN)
    }
    return a.customers == b.customers && a.purchasers == b.purchasers
      && a.repeatPurchasers == b.repeatPurchasers && a.churned == b.churned
      && a.negativeValue == b.negativeValue && a.valueSum == b.valueSum
      && a.instalmentOrders == b.instalmentOrders
      && a.instalmentOrderValue == b.instalmentOrderValue
      && a.cashOrders == b.cashOrders && a.cashOrderValue == b.cashOrderValue
      && same(a.valueP1, b.valueP1) && same(a.valueMedian, b.valueMedian)
      && same(a.valueP99, b.valueP99)
  }

  /// Adds another group's counts (percentiles are not added; set them from the values).
  mutating func add(_ o: SegmentValue) {
    customers += o.customers
    purchasers += o.purchasers
    repeatPurchasers += o.repeatPurchasers
    churned += o.churned
    negativeValue += o.negativeValue
    valueSum += o.valueSum
    instalmentOrders += o.instalmentOrders
    instalmentOrderValue += o.instalmentOrderValue
    cashOrders += o.cashOrders
    cashOrderValue += o.cashOrderValue
  }

  /// Sets the percentiles from the group's customer values, sorted ascending.
  mutating func setPercentiles(_ sorted: [Double]) {
    valueP1 = EmpiricalQuantile.ofSorted(sorted, 0.01)
    valueMedian = EmpiricalQuantile.ofSorted(sorted, 0.5)
    valueP99 = EmpiricalQuantile.ofSorted(sorted, 0.99)
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

extension BusinessRun {
  /// Gathers the chunks' value fields in chunk order, and every customer's value for the
  /// percentiles (sorted, so the order of gathering does not matter).
  init(
    chunks: [ChunkState], tables bt: BusinessTables, arms: Int,
    merchants: MerchantRecord?
  ) {
    let segments = bt.isFirmSegment.count
    let width = ValueField.allCases.count
    var sums = [Double](repeating: 0, count: arms * segments * width)
    var values = [[Double]](repeating: [], count: arms * segments)
    for chunk in chunks {
      guard let b = chunk.business else { continue }
      for k in sums.indices { sums[k] += b.segmentValue[k] }
      for i in 0..<chunk.customers.count {
        values[Int(chunk.arm[i]) * segments + Int(chunk.customers.segment[i])]
          .append(b.value[i])
      }
    }
    var armValue = [SegmentValue](repeating: SegmentValue(), count: arms)
    value = (0..<arms).map { a in
      var all: [Double] = []
      let rows = (0..<segments).map { g in
        let start = (a * segments + g) * width
        var v = SegmentValue(sums[start..<start + width])
        let sorted = values[a * segments + g].sorted()
        v.setPercentiles(sorted)
        armValue[a].add(v)
        all += sorted
        return v
      }
      armValue[a].setPercentiles(all.sorted())
      return rows
    }
    self.armValue = armValue
    self.merchants = merchants
  }
}
