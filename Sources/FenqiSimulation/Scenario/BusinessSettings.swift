import FenqiPopulation
import Foundation

/// The scenario's business layer: merchant categories (and the merchants selling them),
/// prepaid services, small firms, sector shocks, the bureau's drift and customer-value settings.
///
/// Money in yuan, time in months, rates as fractions.
public struct BusinessSettings: Sendable, Equatable {
  /// The categories needs arrive in; at least one.
  public var categories: [MerchantCategory]
  /// Shocks to a merchant category's failure hazard or a firm sector's revenue.
  public var sectorShocks: [SectorShock] = []
  /// The probability that a borrower owed undelivered prepaid service disputes the loan once the
  /// merchant fails.
  public var disputeRate = 0.9
  /// The small firms (nil: no firm segments).
  public var firms: FirmSettings? = nil
  /// How bureau scores drift with events at other lenders.
  public var bureau = BureauDrift()
  /// Discounting and churn for customer value.
  public var customerValue = CustomerValueSettings()

  /// Creates business settings with the given categories and defaults elsewhere.
  public init(categories: [MerchantCategory]) { self.categories = categories }

  /// Whether any category has merchant agents.
  public var hasMerchants: Bool { categories.contains { $0.merchants != nil } }
}

/// A merchant category: what its purchases cost, how often they are split, on what terms, how
/// the season moves them and who needs them.
public struct MerchantCategory: Sendable, Equatable {
  /// Goods are handed over at purchase; prepaid services are delivered over the loan's term.
  public enum Kind: String, Sendable, CaseIterable {
    /// Handed over at purchase (3C electronics, appliances, luxury, equipment, materials).
    case goods
    /// Delivered month by month while the customer repays (education, medical-aesthetic).
    case prepaidService
  }

  /// The category's name (for example "education").
  public var name: String
  /// Goods or prepaid service.
  public var kind: Kind
  /// Median price, yuan (scaled by the segment's income elasticity).
  public var priceMedian: Double
  /// Log-scale spread of the price (log-normal σ).
  public var priceSigma: Double
  /// The share of the category's purchases customers would split at neutral terms: logit(p) is
  /// added to the split utility (0.5 adds nothing).
  public var instalmentPropensity: Double
  /// The terms the category's purchases are split over, months.
  public var termMonths: [Int]
  /// The relative weight of each term.
  public var termWeights: [Double]
  /// The share of the interest forgone on interest-free months that the category's merchants pay
  /// the lender at booking, a fraction.
  public var merchantSubsidy: Double
  /// Need multiplier per calendar month (index 0 = January).
  public var seasonality: [Double]
  /// The relative weight of the category among each segment's needs, per segment.
  public var needShare: [Double]
  /// The merchants selling the category as agents (nil: the category's merchants never fail).
  public var merchants: MerchantPool? = nil
}

/// The merchants of a category: how many, how unequal their sales and how often they fail.
public struct MerchantPool: Sendable, Equatable {
  /// Merchants in the category.
  public var count: Int
  /// Each month's failure probability of a trading merchant (before shocks).
  public var monthlyFailureHazard: Double
  /// Zipf exponent of sales shares: merchant k sells ∝ 1 / k^s (0: all alike).
  public var sizeSkew: Double = 1
}

/// A shock to one merchant category or firm sector over a span of months.
public struct SectorShock: Sendable, Equatable {
  /// What the shock hits.
  public enum Target: Sendable, Equatable {
    /// A merchant category (index into ``BusinessSettings/categories``).
    case category(Int)
    /// A firm sector (index into ``FirmProfile/sectors``).
    case firmSector(Int)
  }

  /// What the shock hits.
  public var target: Target
  /// The first month hit, 1-based.
  public var fromMonth: Int
  /// The last month hit.
  public var toMonth: Int
  /// Multiplies the category's merchants' failure hazard.
  public var failureMultiplier = 1.0
  /// Multiplies the sector's firms' revenue (and the category's needs).
  public var revenueFactor = 1.0
}

/// The small firms: their profile and how cash flow and age move their repayment.
public struct FirmSettings: Sendable, Equatable {
  /// Sectors, size, receivable days, years trading.
  public var profile: FirmProfile
  /// Added to a firm's miss logit per unit of −log(cash received ÷ average): a month whose cash is
  /// 30% short adds 0.36 × this.
  public var cashFlowSensitivity = 2.0
  /// Added to the miss logit per unit of log(median years trading ÷ the firm's years).
  public var yearsTradingEffect = 0.3
  /// Added to the miss logit per unit of log(median employees ÷ the firm's employees).
  public var sizeEffect = 0.2

  /// The miss-logit term a firm's loans carry from its age and size: young and small firms miss
  /// more (logit-linear in log years and log employees, centred on the medians).
  ///
  /// - Parameters:
  ///   - yearsTrading: the firm's years trading.
  ///   - employees: the firm's employees.
  /// - Returns: the term added to each of its loans' miss logit at booking.
  public func missLogitShift(yearsTrading: Double, employees: Double) -> Double
  {
    yearsTradingEffect
      * log(profile.yearsTradingMedian / max(yearsTrading, 0.1))
      + sizeEffect * log(profile.employeesMedian / max(employees, 1))
  }
}

/// The bureau score's monthly drift: derogatory events reported by other lenders, then a slow
/// recovery towards the customer's original score.
public struct BureauDrift: Sendable, Equatable {
  /// The logit of a month's derogatory event for a customer of latent risk 0.
  public var eventLogit = -5.5
  /// Added to the event logit per unit of latent risk.
  public var latentRiskWeight = 1.0
  /// Points lost on an event.
  public var dropPoints = 60.0
  /// The share of the gap to the original score recovered each month.
  public var recoveryRate = 0.05
}

/// How customer value is measured.
public struct CustomerValueSettings: Sendable, Equatable {
  /// The annual rate discounting each month's net cash flow, a fraction.
  public var annualDiscountRate = 0.12
  /// A purchaser without a purchase in this many final months and no open loan has churned.
  public var churnAfterMonths = 6
}

/// An arm's dynamic credit-line policy: the opening line, scheduled reviews that raise clean,
/// growing users and cut the early-delinquent, and freezes on delinquency or a bureau drop.
public struct LineManagement: Sendable, Equatable {
  /// The opening line as a multiple of monthly income (a firm's monthly revenue).
  public var initialIncomeMultiple = 3.0
  /// No line exceeds this, yuan.
  public var maxLine = 50_000.0
  /// Months between reviews.
  public var reviewEveryMonths = 3
  /// A raise multiplies the line by this (≥ 1).
  public var raiseFactor = 1.3
  /// Consecutive months without any past-due loan needed for a raise.
  public var raiseMinCleanMonths = 6
  /// The utilisation (balance ÷ line) needed for a raise, a fraction.
  public var raiseMinUtilisation = 0.3
  /// No raise takes a line above this multiple of monthly income.
  public var maxIncomeMultiple = 6.0
  /// A cut multiplies the line by this (in (0, 1)).
  public var cutFactor = 0.5
  /// Months past due at a review that cut the line.
  public var cutMonthsPastDue = 1
  /// Months past due that freeze the line at once (monthly monitoring).
  public var freezeMonthsPastDue = 2
  /// A bureau drop since the last review, points, that freezes the line (0: never).
  public var freezeBureauDrop = 50.0
  /// Clean months after which a review lifts a freeze.
  public var unfreezeCleanMonths = 6
}

/// An arm's recourse terms with merchants: what share of a disputed balance the lender claws
/// back, limited by the reserve it holds from the merchant's sales.
public struct RecourseTerms: Sendable, Equatable {
  /// The share of a disputed balance the contract lets the lender claw back, a fraction.
  public var clawbackShare = 1.0
  /// The share of each financed sale the lender holds back as the merchant's reserve (nil: the
  /// clawback is not limited by a reserve).
  public var reserveRate: Double? = nil
}
