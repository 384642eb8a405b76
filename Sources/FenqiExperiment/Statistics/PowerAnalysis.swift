import FenqiCore
import Foundation

/// Sample size, power and minimum detectable effect for two-arm tests, with the normal
/// approximation statsmodels' `NormalIndPower` uses (two-sided, standardised effect size).
public enum PowerAnalysis {
  /// Cohen's h for two proportions: 2·asin√p₂ − 2·asin√p₁.
  public static func cohensH(_ p1: Double, _ p2: Double) -> Double {
    2 * asin(p2.squareRoot()) - 2 * asin(p1.squareRoot())
  }

  /// The power of a two-sided test of standardised effect `effect` with `n` units in the control
  /// and `ratio`·n in the treatment.
  public static func power(
    effect: Double, n: Double, ratio: Double = 1, alpha: Double = 0.05
  ) -> Double {
    let crit = Normal.quantile(1 - alpha / 2)
    let shift = abs(effect) * (n / (1 + 1 / ratio)).squareRoot()
    return Normal.cdf(shift - crit) + Normal.cdf(-shift - crit)
  }

  /// The control-arm size that reaches `power` for a standardised effect.
  public static func sampleSize(
    effect: Double, power target: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) -> Double {
    let crit = Normal.quantile(1 - alpha / 2)
    let zb = Normal.quantile(target)
    let guess = (crit + zb) * (crit + zb) / (effect * effect) * (1 + 1 / ratio)
    return
      (try? RootFinding.brent(
        lower: max(2, guess / 4), upper: guess * 4 + 10, tolerance: 1e-10
      ) {
        power(effect: effect, n: $0, ratio: ratio, alpha: alpha) - target
      }) ?? guess
  }

  /// The smallest standardised effect detected with `power` at a control-arm size `n`.
  public static func minimumDetectableEffect(
    n: Double, power target: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) -> Double {
    let crit = Normal.quantile(1 - alpha / 2)
    let zb = Normal.quantile(target)
    let guess = (crit + zb) / (n / (1 + 1 / ratio)).squareRoot()
    return
      (try? RootFinding.brent(
        lower: guess / 4, upper: guess * 4, tolerance: 1e-14
      ) {
        power(effect: $0, n: n, ratio: ratio, alpha: alpha) - target
      }) ?? guess
  }

  /// The treatment rate a proportion test detects at `n` per control arm from a baseline rate
  /// (inverting Cohen's h).
  public static func detectableRate(
    baseline p: Double, n: Double, power: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) -> Double {
    let h = minimumDetectableEffect(
      n: n, power: power, ratio: ratio, alpha: alpha)
    let s = sin((2 * asin(p.squareRoot()) + h) / 2)
    return min(1, s * s)
  }
}
