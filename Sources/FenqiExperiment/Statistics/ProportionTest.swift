import FenqiCore
import Foundation

/// Comparing two proportions.
public enum ProportionTest {
  /// The two-proportion z-test (pooled variance under H₀) with a Wald interval for the difference
  /// (unpooled) and a log-ratio (Katz) interval for the relative lift.
  ///
  /// Not computable (``EffectEstimate/notComputable``) when an arm has no trials, when successes
  /// are outside [0, trials] or not finite, or when the pooled rate is 0 or 1 — no successes (or
  /// no failures) in either arm leaves the z-test with zero variance. A control rate of 0 leaves
  /// the relative lift NaN; the difference is still tested.
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
    let method = "two-proportion z-test"
    let (xc, nc) = control
    let (xt, nt) = treatment
    let pc = xc / nc
    let pt = xt / nt
    if let problem = NotComputable.alpha(alpha)
      ?? Self.problem(control, "the control arm")
      ?? Self.problem(treatment, "the treatment arm")
    {
      return .notComputable(
        problem, control: pc, treatment: pt, method: method)
    }
    let pooled = (xc + xt) / (nc + nt)
    let pooledSE = (pooled * (1 - pooled) * (1 / nc + 1 / nt)).squareRoot()
    guard pooledSE > 0, pooledSE.isFinite else {
      return .notComputable(
        NotComputable(
          pooled == 0
            ? "no successes in either arm (both rates are 0), so the z-test has zero variance"
            : "every trial is a success in both arms (both rates are 1), so the z-test has zero variance"
        ), control: pc, treatment: pt, method: method)
    }
    let z = (pt - pc) / pooledSE
    let p = 2 * Normal.cdf(-abs(z))
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
      relative: ratio.isFinite ? ratio - 1 : .nan,
      relativeInterval: Interval.of(low, high),
      statistic: z, pValue: p,
      standardError: se, method: method)
  }

  /// Why one arm's counts cannot be tested, or nil.
  static func problem(
    _ arm: (successes: Double, trials: Double), _ role: String
  ) -> NotComputable? {
    guard arm.trials.isFinite, arm.successes.isFinite else {
      return NotComputable("\(role)'s successes or trials are not finite")
    }
    guard arm.trials >= 1 else {
      return NotComputable("\(role) has no trials")
    }
    guard arm.successes >= 0, arm.successes <= arm.trials else {
      return NotComputable(
        "\(role) has \(SampleMoments.count(arm.successes)) successes in \(SampleMoments.count(arm.trials)) trials; expected successes in [0, trials]"
      )
    }
    return nil
  }
}
