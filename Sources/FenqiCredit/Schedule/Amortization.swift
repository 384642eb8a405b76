import Foundation

/// One row of a repayment schedule; money in yuan.
public struct ScheduleRow: Sendable, Equatable {
  /// The instalment number, 1-based.
  public var period: Int
  /// The payment due.
  public var payment: Double
  /// The interest or fee part of the payment.
  public var interest: Double
  /// The principal part of the payment.
  public var principal: Double
  /// The principal still outstanding after the payment.
  public var balance: Double
}

/// Per-yuan terms of a product, computed once per offer and scaled by the principal at booking.
public struct PlanTerms: Sendable, Equatable {
  /// The level payment per yuan of principal.
  public var paymentPerYuan: Double
  /// The monthly rate on the declining balance after the interest-free periods (APR plans; 0 for flat).
  public var monthlyRate: Double
  /// The fee per instalment per yuan of principal (flat plans; 0 for APR).
  public var feePerInstalmentPerYuan: Double
  /// What the merchant pays the lender at booking per yuan (merchant-funded interest-free periods).
  public var merchantSubsidyPerYuan: Double
  /// Interest and fees the interest-free periods forgo per yuan, whoever funds them: the
  /// undiscounted difference between the plan's payments with and without them.
  public var interestForgonePerYuan: Double = 0
  /// The interest-free periods.
  public var interestFreePeriods: Int
  /// The term, months.
  public var termMonths: Int
  /// The plan's fees (the upfront fee is charged at booking; late fees and penalty interest by
  /// the roll).
  public var fees: ProductFees = .none
}

/// Equal-payment schedules for the two pricing styles.
public enum Amortization {
  /// The annuity factor a(n, i) = (1 − (1+i)⁻ⁿ)/i, or n when i = 0.
  public static func annuityFactor(periods n: Int, monthlyRate i: Double)
    -> Double
  {
    i == 0 ? Double(n) : -expm1(-Double(n) * log1p(i)) / i
  }

  /// The level payment of an equal-payment loan — the annuity formula A = P·i/(1 − (1+i)⁻ⁿ),
  /// with the first k periods interest-free: A = P / (k + a(n−k, i)).
  public static func levelPayment(
    principal: Double, monthlyRate: Double, termMonths n: Int,
    interestFreePeriods k: Int = 0
  ) -> Double {
    principal
      / (Double(k) + annuityFactor(periods: n - k, monthlyRate: monthlyRate))
  }

  /// The per-yuan terms of a product, its fees' settlement cost set from them.
  public static func terms(of product: InstalmentProduct) -> PlanTerms {
    var t = planTerms(of: product)
    if case .forfeitInterestFree = product.fees.earlySettlement {
      // Settling early pays back what the interest-free periods waived, per yuan of the loan.
      t.fees.settlementCostPerYuan = t.interestForgonePerYuan
    }
    return t
  }

  /// The per-yuan terms of a product's pricing.
  static func planTerms(of product: InstalmentProduct) -> PlanTerms {
    let n = product.termMonths
    let k = product.interestFreePeriods
    switch product.pricing {
    case .annualRate(let annual):
      let i = annual / 12
      let free = levelPayment(
        principal: 1, monthlyRate: i, termMonths: n, interestFreePeriods: k)
      let full = levelPayment(principal: 1, monthlyRate: i, termMonths: n)
      let forgone = Double(n) * (full - free)
      return PlanTerms(
        paymentPerYuan: free, monthlyRate: i, feePerInstalmentPerYuan: 0,
        merchantSubsidyPerYuan: product.subsidyFunder == .merchant
          ? forgone : 0,
        interestForgonePerYuan: forgone, interestFreePeriods: k, termMonths: n,
        fees: product.fees)
    case .flatMonthlyFee(let fee):
      let perInstalment = fee * Double(n - k) / Double(n)
      return PlanTerms(
        paymentPerYuan: 1 / Double(n) + perInstalment, monthlyRate: 0,
        feePerInstalmentPerYuan: perInstalment,
        merchantSubsidyPerYuan: product.subsidyFunder == .merchant
          ? fee * Double(k) : 0,
        interestForgonePerYuan: fee * Double(k), interestFreePeriods: k,
        termMonths: n, fees: product.fees)
    }
  }

  /// The full schedule of a product for a principal, yuan.
  ///
  /// The last row clears the balance exactly.
  ///
  /// APR plans charge balance × i after the interest-free periods; flat plans charge the
  /// remaining fee (fee × (n − k) × P) in equal parts and repay principal in equal parts.
  public static func schedule(principal: Double, product: InstalmentProduct)
    -> [ScheduleRow]
  {
    let t = terms(of: product)
    let payment = principal * t.paymentPerYuan
    var balance = principal
    var rows: [ScheduleRow] = []
    for j in 1...t.termMonths {
      var interest: Double
      var principalPart: Double
      if case .flatMonthlyFee = product.pricing {
        interest = principal * t.feePerInstalmentPerYuan
        principalPart = principal / Double(t.termMonths)
      } else {
        interest = j <= t.interestFreePeriods ? 0 : balance * t.monthlyRate
        principalPart = payment - interest
      }
      if j == t.termMonths {
        principalPart = balance
        interest = payment - principalPart
      }
      balance -= principalPart
      if j == t.termMonths { balance = 0 }
      rows.append(
        ScheduleRow(
          period: j, payment: payment, interest: interest,
          principal: principalPart, balance: balance))
    }
    return rows
  }

  /// What the borrower receives and pays on a purchase of `principal` yuan.
  ///
  /// The amount received now (the principal less an upfront fee paid at booking) and the contractual instalments on
  /// the amount financed (the principal plus a financed upfront fee), at the end of months 1…n.
  /// Late fees and penalty interest are contingent, not contractual, so they are not here.
  public static func cashFlows(principal: Double, product: InstalmentProduct)
    -> (received: Double, payments: [Double])
  {
    let fee = product.fees.upfrontFee(principal: principal)
    let financed = product.fees.upfrontFinanced
    let rows = schedule(
      principal: financed ? principal + fee : principal, product: product)
    return (financed ? principal : principal - fee, rows.map(\.payment))
  }
}
