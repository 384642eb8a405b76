/// The fees of an instalment plan beyond its interest, in yuan.
///
/// An upfront (service) fee, a late fee per missed instalment and penalty interest (罚息) on
/// overdue principal.
///
/// Payments are allocated fees first, then interest, then principal: a delinquent borrower's late
/// fees and penalty interest accrue on the loan and are paid when the borrower cures (or when the
/// loan is paid off); a charge-off writes them off unpaid (they were never income). Fee income is
/// recognised when paid, except a financed upfront fee, which is income at booking and part of
/// the principal (so a default loses it with the principal).
public struct ProductFees: Sendable, Equatable {
  /// The upfront (service) fee's share of the principal, a fraction. (A share, not a fixed sum,
  /// so that the plan's APR does not depend on the amount.)
  public var upfrontShare: Double
  /// Whether the upfront fee is financed (added to the loan) rather than paid at booking.
  public var upfrontFinanced: Bool
  /// The late fee's fixed part, yuan, charged once per missed instalment.
  public var lateFeeAmount: Double
  /// The late fee's share of the missed instalment, a fraction.
  public var lateFeeShare: Double
  /// The most one late fee can be, yuan.
  public var lateFeeCap: Double
  /// Days after the due date before a missed instalment is late (0…29; the simulation's month is
  /// 30 days, so an instalment still unpaid at the month's end is always past its grace).
  public var graceDays: Int
  /// Penalty interest on overdue principal, a fraction a day.
  public var penaltyDailyRate: Double

  /// No fees.
  public static let none = ProductFees()

  /// Creates a fee schedule (no fees by default).
  public init(
    upfrontShare: Double = 0,
    upfrontFinanced: Bool = false, lateFeeAmount: Double = 0,
    lateFeeShare: Double = 0, lateFeeCap: Double = .infinity,
    graceDays: Int = 0, penaltyDailyRate: Double = 0
  ) {
    self.upfrontShare = upfrontShare
    self.upfrontFinanced = upfrontFinanced
    self.lateFeeAmount = lateFeeAmount
    self.lateFeeShare = lateFeeShare
    self.lateFeeCap = lateFeeCap
    self.graceDays = graceDays
    self.penaltyDailyRate = penaltyDailyRate
  }

  /// Whether any fee is charged.
  public var isEmpty: Bool { self == .none }

  /// Whether a delinquent loan accrues anything (a late fee or penalty interest).
  public var chargesArrears: Bool {
    lateFeeAmount > 0 || lateFeeShare > 0 || penaltyDailyRate > 0
  }

  /// The upfront fee on a purchase of `principal` yuan.
  @inlinable
  public func upfrontFee(principal: Double) -> Double {
    upfrontShare * principal
  }

  /// The late fee on one missed `instalment`, yuan: fixed part plus share, at most the cap.
  @inlinable
  public func lateFee(instalment: Double) -> Double {
    Swift.min(lateFeeCap, lateFeeAmount + lateFeeShare * instalment)
  }

  /// A month's penalty interest on `overdue` principal: daily rate × 30 days.
  @inlinable
  public func monthlyPenalty(overdue: Double) -> Double {
    overdue * penaltyDailyRate * 30
  }
}
