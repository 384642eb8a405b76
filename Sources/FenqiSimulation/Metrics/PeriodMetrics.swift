/// One arm's results for one period: the counts plus the money flows derived from them (yuan).
public struct PeriodMetrics: Sendable, Equatable {
  /// The 1-based period.
  public var period: Int
  /// The counted events and balances.
  public var counts: ArmPeriodCounts
  /// Recoveries received on earlier charge-offs: (1 − LGD) × principal charged off `lag` months ago.
  public var recoveries: Double
  /// Cost of funding the end-of-period balance for a month.
  public var fundingCost: Double
  /// Generic contacts × cost per contact, plus channel costs, partner fees, discounts, lottery
  /// prizes, referral rewards and point vouchers.
  public var marketingCost: Double

  /// Interest and fees + merchant subsidy + recoveries − charge-offs − funding − marketing −
  /// disputed balances + clawbacks.
  public var netIncome: Double {
    counts.book.interestIncome + counts.merchantSubsidy + counts.upfrontFees
      + counts.book.feeIncome + recoveries
      - counts.book.chargeOffPrincipal
      - fundingCost - marketingCost - counts.book.disputedPrincipal
      + counts.book.clawback
  }

  /// Credit losses: charge-offs − recoveries + disputed balances − clawbacks.
  public var creditLoss: Double {
    counts.book.chargeOffPrincipal - recoveries + counts.book.disputedPrincipal
      - counts.book.clawback
  }
}
