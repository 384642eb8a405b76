/// An instalment plan offered to a customer: term, pricing, interest-free periods and fees.
public struct InstalmentProduct: Sendable, Equatable {
  /// How the plan is priced.
  public enum Pricing: Sendable, Equatable {
    /// A nominal annual rate (fraction) on the declining balance, equal-payment amortising.
    case annualRate(Double)
    /// A flat fee per month on the original principal (fraction), the card-instalment style.
    case flatMonthlyFee(Double)
  }

  /// Who pays for interest-free periods.
  public enum SubsidyFunder: String, Sendable, Equatable, CaseIterable {
    /// The lender forgoes the interest or fee.
    case lender
    /// The merchant pays the lender the forgone interest or fee at booking (merchant discount).
    case merchant
  }

  /// The terms the platform allows, months.
  public static let allowedTerms = [3, 6, 9, 12, 18, 24]

  /// The number of monthly instalments.
  public var termMonths: Int
  /// The pricing.
  public var pricing: Pricing
  /// How many of the periods are interest- or fee-free (0…termMonths).
  public var interestFreePeriods: Int
  /// Who funds the interest-free periods.
  public var subsidyFunder: SubsidyFunder
  /// Upfront, late and penalty fees (none by default).
  public var fees: ProductFees

  /// Creates a plan.
  public init(
    termMonths: Int, pricing: Pricing, interestFreePeriods: Int = 0,
    subsidyFunder: SubsidyFunder = .lender, fees: ProductFees = .none
  ) {
    self.termMonths = termMonths
    self.pricing = pricing
    self.interestFreePeriods = interestFreePeriods
    self.subsidyFunder = subsidyFunder
    self.fees = fees
  }
}
