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
  /// Co-lending: the partner's yield on its share of the end-of-period balance for a month.
  public var partnerInterest = 0.0
  /// Co-lending with the platform's guarantee: the guarantee fee the partner pays on its share.
  public var guaranteeFees = 0.0
  /// The platform's share of credit losses and recoveries (1 unless a partner bears its share).
  public var platformLossShare = 1.0

  /// Whether a funding partner shares the arm's loans.
  var coLent: Bool {
    platformLossShare != 1 || partnerInterest != 0 || guaranteeFees != 0
  }

  /// Interest and fees + merchant subsidy + recoveries − charge-offs − funding − marketing −
  /// disputed balances + clawbacks − collections; with co-lending, the platform's: its share of the credit
  /// loss, its own funding, less the partner's yield, plus guarantee fees.
  public var netIncome: Double {
    guard coLent else {
      return counts.book.interestIncome + counts.merchantSubsidy
        + counts.upfrontFees + counts.book.feeIncome + recoveries
        - counts.book.chargeOffPrincipal
        - fundingCost - marketingCost - counts.book.disputedPrincipal
        + counts.book.clawback - counts.book.collectionsCost
    }
    return counts.book.interestIncome + counts.merchantSubsidy
      + counts.upfrontFees + counts.book.feeIncome - creditLoss - fundingCost
      - marketingCost - partnerInterest + guaranteeFees
      - counts.book.collectionsCost
  }

  /// The whole book's credit losses: charge-offs − recoveries + disputed balances − clawbacks.
  public var bookCreditLoss: Double {
    counts.book.chargeOffPrincipal - recoveries + counts.book.disputedPrincipal
      - counts.book.clawback
  }

  /// The platform's credit losses: ``bookCreditLoss`` × its share (all of it unless a funding
  /// partner bears its share).
  public var creditLoss: Double {
    coLent ? bookCreditLoss * platformLossShare : bookCreditLoss
  }

  /// The funding partner's credit losses: the rest of ``bookCreditLoss``.
  public var partnerCreditLoss: Double {
    coLent ? bookCreditLoss * (1 - platformLossShare) : 0
  }

  /// Splits the month's funding with a partner: the platform funds its own share of the
  /// balance, pays the partner's yield on the rest, earns the guarantee fee, and bears its
  /// share of the credit loss (see ``CoLending``).
  mutating func shareFunding(with co: CoLending) {
    let balance = counts.book.totalBalance
    fundingCost *= 1 - co.partnerShare
    partnerInterest = balance * co.partnerShare * co.partnerRate / 12
    guaranteeFees = balance * co.partnerShare * co.guaranteeFeeRate / 12
    platformLossShare = co.platformLossShare
  }
}
