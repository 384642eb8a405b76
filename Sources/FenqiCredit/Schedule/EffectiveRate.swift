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

  /// The IRR of a product's schedule (independent of the principal).
  public static func of(_ product: InstalmentProduct) -> EffectiveRate? {
    of(
      principal: 1,
      payments: Amortization.schedule(principal: 1, product: product).map(
        \.payment))
  }
}
