/// The monthly delinquency state machine of one loan.
///
/// State: months past due d (0 = current, 1 = 1–30 DPD, 2 = 31–60, 3 = 61–90, ≥ 4 = 90+). Each
/// month, with one uniform u:
/// - current: u < miss → d = 1 (missed); otherwise the instalment is paid;
/// - delinquent: u < cure → d = 0 and the instalment is paid (cure); otherwise
///   u < cure + (1 − cure)·roll → d + 1 (roll; at `chargeOffMonths` the loan is charged off);
///   otherwise the current instalment is paid and the arrears stay (d unchanged).
public enum DelinquencyStateMachine {
  /// The reporting bucket of a months-past-due count: 0…4 (4 = 90+).
  @inlinable @inline(__always)
  public static func bucket(monthsPastDue d: UInt8) -> Int {
    Int(Swift.min(d, 4))
  }

  /// The months past due at which a loan is charged off for a charge-off policy in days past due
  /// (90 → 4, 120 → 5, 150 → 6, 180 → 7).
  public static func chargeOffMonths(daysPastDue: Int) -> UInt8 {
    UInt8(daysPastDue / 30 + 1)
  }

  /// The charge-off policies the platform allows, days past due.
  public static let allowedChargeOffDays = [90, 120, 150, 180]

  /// What happened to a loan this month.
  public enum Event: UInt8, Sendable {
    /// A current loan paid its instalment.
    case paid
    /// A current loan missed: it is now 1–30 DPD.
    case missed
    /// A delinquent loan paid and returned to current.
    case cured
    /// A delinquent loan rolled one bucket further.
    case rolled
    /// A delinquent loan paid the current instalment but kept its arrears.
    case paidStillDelinquent
    /// The loan rolled past the charge-off point and is written off.
    case chargedOff
  }

  /// The next state and event for a loan.
  ///
  /// - Parameters:
  ///   - d: months past due now.
  ///   - u: a uniform in [0, 1).
  ///   - miss: the probability a current loan misses.
  ///   - cure: the probability a delinquent loan cures.
  ///   - roll: the probability a delinquent loan that does not cure rolls further.
  ///   - chargeOffMonths: d at which the loan is written off.
  /// - Returns: the new months past due and what happened.
  @inlinable @inline(__always)
  public static func next(
    monthsPastDue d: UInt8, u: Double, miss: Double, cure: Double, roll: Double,
    chargeOffMonths: UInt8
  ) -> (monthsPastDue: UInt8, event: Event) {
    if d == 0 {
      return u < miss ? (1, .missed) : (0, .paid)
    }
    if u < cure { return (0, .cured) }
    if u < cure + (1 - cure) * roll {
      let next = d + 1
      return next >= chargeOffMonths ? (next, .chargedOff) : (next, .rolled)
    }
    return (d, .paidStillDelinquent)
  }

  /// Whether an event includes a payment of one instalment.
  @inlinable @inline(__always)
  public static func pays(_ event: Event) -> Bool {
    event == .paid || event == .cured || event == .paidStillDelinquent
  }
}
