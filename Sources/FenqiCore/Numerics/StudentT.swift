import Foundation

/// Student's t distribution.
public enum StudentT {
  /// The CDF F(t; ν) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry below 0.
  public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    if nu.isInfinite { return Normal.cdf(t) }
    let tail =
      0.5 * IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The two-sided p-value P(|T| ≥ |t|).
  public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double)
    -> Double
  {
    if nu.isInfinite { return 2 * Normal.cdf(-abs(t)) }
    return IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5)
  }

  /// The quantile F⁻¹(p; ν) for p in (0, 1), by Brent's method on the CDF.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double)
    -> Double
  {
    if nu.isInfinite || nu > 1e7 { return Normal.quantile(p) }
    if p == 0.5 { return 0 }
    let z = Normal.quantile(p)
    var lo = min(z, 0) - 1
    var hi = max(z, 0) + 1
    while cdf(lo, degreesOfFreedom: nu) > p { lo *= 2 }
    while cdf(hi, degreesOfFreedom: nu) < p { hi *= 2 }
    return
      (try? RootFinding.brent(lower: lo, upper: hi, tolerance: 1e-14) {
        cdf($0, degreesOfFreedom: nu) - p
      }) ?? z
  }
}
