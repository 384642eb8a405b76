import FenqiCore
import Foundation

/// The true cost of a plan: the internal rate of return of its cash flows.
public struct EffectiveRate: Sendable, Equatable {
  /// The monthly IRR, a fraction.
  public var monthlyRate: Double
  /// The nominal APR: 12 × the monthly IRR (the figure regulators ask lenders to disclose).
  public var nominalAnnualRate: Double { 12 * monthlyRate }
  /// The effective annual rate (1 + monthly IRR)¹² − 1.
  public var effectiveAnnualRate: Double { pow(1 + monthlyRate, 12) - 1 }

  /// The IRR of receiving `principal` now and paying `payments` at the end of months 1, 2, …
  /// (Brent's method on the net present value).
  ///
  /// - Returns: nil when no rate in (−99%, 1000%) per month makes the NPV zero.
  public static func of(principal: Double, payments: [Double]) -> EffectiveRate?
  {
    func npv(_ r: Double) -> Double {
      var value = -principal
      var discount = 1.0
      for p in payments {
        discount /= 1 + r
        value += p * discount
      }
      return value
    }
    guard
      let r = try? RootFinding.brent(
        lower: -0.99, upper: 10, tolerance: 1e-14, npv)
    else { return nil }
    return EffectiveRate(monthlyRate: r)
  }

  /// The nominal annual rate at which `product`, priced at an annual rate with its own term,
  /// interest-free periods and fees, has a true APR of `trueAPR` (bisection; 0 when its fees alone
  /// already cost more).
  public static func nominalRate(
    of product: InstalmentProduct, trueAPR target: Double
  ) -> Double {
    var p = product
    func apr(_ r: Double) -> Double {
      p.pricing = .annualRate(r)
      return of(p)?.nominalAnnualRate ?? .infinity
    }
    guard apr(0) < target else { return 0 }
    var lo = 0.0
    var hi = target
    for _ in 0..<60 {
      let mid = (lo + hi) / 2
      if apr(mid) > target { hi = mid } else { lo = mid }
    }
    return lo
  }

  /// The true rate of a product: the IRR over every contractual payment the borrower makes.
  ///
  /// Its upfront fee is included (the rate does not depend on the principal: the fee is a share
  /// of it). This is the APR that a regulatory cap and risk-based pricing check.
  public static func of(_ product: InstalmentProduct) -> EffectiveRate? {
    let flows = Amortization.cashFlows(principal: 1, product: product)
    return of(principal: flows.received, payments: flows.payments)
  }

  /// The largest flat upfront fee, as a share of the purchase price, that keeps a plan's true
  /// APR at or below `cap` (nominal, annual); negative when no flat fee fits.
  ///
  /// With level payments m per yuan financed over n months and the cap's monthly rate i, the
  /// APR is within the cap exactly when what the borrower receives is at least the present value
  /// of the payments at i (the NPV is decreasing in the rate). A fee paid at booking (share s,
  /// flat A on a price P): 1 − s − A/P ≥ m·a(n, i), so A/P ≤ 1 − s − m·a(n, i); financed (the loan
  /// is P(1 + s) + A): P ≥ m·a(n, i)·(P(1 + s) + A), so A/P ≤ 1/(m·a(n, i)) − (1 + s).
  /// The smallest compliant price is A divided by this ratio.
  public static func largestFlatFeeRatio(of terms: PlanTerms, cap: Double)
    -> Double
  {
    let pv =
      terms.paymentPerYuan
      * Amortization.annuityFactor(
        periods: terms.termMonths, monthlyRate: cap / 12)
    let s = terms.fees.upfrontShare
    return terms.fees.upfrontFinanced ? 1 / pv - (1 + s) : 1 - s - pv
  }
}
