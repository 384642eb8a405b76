/// The customer-level metrics an experiment can declare.
///
/// The customer is the randomisation unit, so each metric is a per-customer value (or a ratio of
/// two per-customer sums).
public enum OutcomeMetric: String, Sendable, CaseIterable {
  /// Share of customers who booked at least one loan (proportion).
  case conversion
  /// Approvals ÷ applications, per customer sums (ratio).
  case approvalRate = "approval_rate"
  /// Booked principal ÷ bookings, yuan (ratio).
  case averageOrderValue = "average_order_value"
  /// GMV per customer, yuan (mean; CUPED with the pre-period spend when `prePeriods` > 0).
  case gmvPerCustomer = "gmv_per_customer"
  /// Net income per customer, yuan: interest and fees + merchant subsidy + recoveries − charge-offs
  /// − funding − marketing (mean; CUPED like GMV).
  case netIncomePerCustomer = "net_income_per_customer"
  /// Balance more than 30 days past due ÷ balance, at the period's end (ratio).
  case dpd30PlusRate = "dpd30_plus_rate"
  /// Principal charged off ÷ principal booked (ratio).
  case badDebtRate = "bad_debt_rate"

  /// How the metric is compared between arms.
  public enum Shape: String, Sendable {
    /// A 0/1 outcome per customer.
    case proportion
    /// A per-customer mean.
    case mean
    /// Σy ÷ Σx over customers.
    case ratio
  }

  /// The metric's shape.
  public var shape: Shape {
    switch self {
    case .conversion: .proportion
    case .gmvPerCustomer, .netIncomePerCustomer: .mean
    default: .ratio
    }
  }
}

/// Sums over customers of a metric's value y and its second variable x (denominator or CUPED
/// covariate): n, Σy, Σy², Σx, Σx², Σxy.
public struct MomentSums: Sendable, Equatable {
  /// Customers.
  public var n = 0.0
  /// Σy.
  public var y = 0.0
  /// Σy².
  public var yy = 0.0
  /// Σx.
  public var x = 0.0
  /// Σx².
  public var xx = 0.0
  /// Σxy.
  public var xy = 0.0

  /// Creates zero sums.
  public init() {}

  /// Adds one customer's values.
  @inline(__always)
  public mutating func add(y v: Double, x w: Double) {
    n += 1
    y += v
    yy += v * v
    x += w
    xx += w * w
    xy += v * w
  }

  /// Adds another block's sums.
  public mutating func add(_ o: MomentSums) {
    n += o.n
    y += o.y
    yy += o.yy
    x += o.x
    xx += o.xx
    xy += o.xy
  }
}
