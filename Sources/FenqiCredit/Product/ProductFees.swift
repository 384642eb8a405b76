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
  /// What a borrower who settles early (in full or in part) pays beyond the principal.
  public enum EarlySettlement: Sendable, Equatable {
    /// Interest to date only: the principal repaid, nothing more.
    case interestToDate
    /// A settlement fee: `share` of the principal repaid early.
    case fee(share: Double)
    /// The interest-free benefit is forfeited: settling early pays the interest the interest-free
    /// periods waived.
    case forfeitInterestFree
  }

  /// The upfront (service) fee's share of the principal, a fraction.
  public var upfrontShare: Double
  /// The upfront fee's flat part, yuan per loan.
  ///
  /// A flat fee makes the plan's true APR depend on the amount: the smaller the loan, the higher
  /// (see ``EffectiveRate/largestFlatFeeRatio(of:cap:)``).
  public var upfrontAmount: Double = 0
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
  /// The early-settlement rule.
  public var earlySettlement: EarlySettlement {
    didSet { settlementCostPerYuan = Self.cost(of: earlySettlement) }
  }
  /// What settling early costs per yuan of principal repaid early: the fee's share, or the
  /// interest the interest-free periods waived per yuan of the loan (set from the plan's terms by
  /// ``Amortization/terms(of:)``); 0 for interest to date.
  public internal(set) var settlementCostPerYuan: Double = 0

  /// No fees.
  public static let none = ProductFees()

  /// Creates a fee schedule (no fees by default; money in yuan, shares as fractions).
  public init(
    upfrontShare: Double = 0,
    upfrontFinanced: Bool = false, upfrontAmount: Double = 0,
    lateFeeAmount: Double = 0,
    lateFeeShare: Double = 0, lateFeeCap: Double = .infinity,
    graceDays: Int = 0, penaltyDailyRate: Double = 0,
    earlySettlement: EarlySettlement = .interestToDate
  ) {
    self.upfrontShare = upfrontShare
    self.upfrontFinanced = upfrontFinanced
    self.upfrontAmount = upfrontAmount
    self.lateFeeAmount = lateFeeAmount
    self.lateFeeShare = lateFeeShare
    self.lateFeeCap = lateFeeCap
    self.graceDays = graceDays
    self.penaltyDailyRate = penaltyDailyRate
    self.earlySettlement = earlySettlement
    settlementCostPerYuan = Self.cost(of: earlySettlement)
  }

  /// A rule's cost per yuan settled, as far as the rule alone says (the forfeited interest is set
  /// from the plan's terms).
  static func cost(of rule: EarlySettlement) -> Double {
    if case .fee(let share) = rule { return share }
    return 0
  }

  /// Whether any fee is charged and settling early costs nothing beyond the principal.
  public var isEmpty: Bool { self == .none }

  /// Whether a delinquent loan accrues anything (a late fee or penalty interest).
  public var chargesArrears: Bool {
    lateFeeAmount > 0 || lateFeeShare > 0 || penaltyDailyRate > 0
  }

  /// The upfront fee on a purchase of `principal` yuan: its share plus its flat part.
  @inlinable
  public func upfrontFee(principal: Double) -> Double {
    upfrontShare * principal + upfrontAmount
  }

  /// Whether an upfront fee is charged.
  public var chargesUpfront: Bool { upfrontShare > 0 || upfrontAmount > 0 }

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
