import FenqiCore
import Foundation

/// Comparing two proportions.
public enum ProportionTest {
  /// The two-proportion z-test (pooled variance under H₀) with a Wald interval for the difference
  /// (unpooled) and a log-ratio (Katz) interval for the relative lift.
  ///
  /// - Parameters:
  ///   - control: successes and trials of the control arm.
  ///   - treatment: successes and trials of the treatment arm.
  ///   - alpha: 1 − the confidence level, in (0, 1).
  /// - Returns: the effect with both intervals and the two-sided p-value.
  public static func compare(
    control: (successes: Double, trials: Double),
    treatment: (successes: Double, trials: Double), alpha: Double = 0.05
  ) -> EffectEstimate {
    let (xc, nc) = control
    let (xt, nt) = treatment
    let pc = xc / nc
    let pt = xt / nt
    let pooled = (xc + xt) / (nc + nt)
    let pooledSE = (pooled * (1 - pooled) * (1 / nc + 1 / nt)).squareRoot()
    let z = pooledSE > 0 ? (pt - pc) / pooledSE : 0
    let p = pooledSE > 0 ? 2 * Normal.cdf(-abs(z)) : 1
    let critical = Normal.quantile(1 - alpha / 2)
    let se = (pt * (1 - pt) / nt + pc * (1 - pc) / nc).squareRoot()
    let d = pt - pc
    // Katz log interval for the ratio pt/pc.
    let logSE = ((1 - pt) / xt + (1 - pc) / xc).squareRoot()
    let ratio = pt / pc
    let low = ratio * exp(-critical * logSE) - 1
    let high = ratio * exp(critical * logSE) - 1
    return EffectEstimate(
      control: pc, treatment: pt, difference: d,
      differenceInterval: Interval.of(d - critical * se, d + critical * se),
      relative: ratio - 1, relativeInterval: Interval.of(low, high),
      statistic: z, pValue: p,
      standardError: se, method: "two-proportion z-test")
  }
}
