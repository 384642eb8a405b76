import FenqiCore
import Foundation

/// Comparing two means.
public enum MeanTest {
  /// Welch's unequal-variance t-test with the Welch–Satterthwaite degrees of freedom; the relative
  /// lift's interval by the delta method on the ratio of means (normal).
  ///
  /// Not computable (``EffectEstimate/notComputable``) when an arm has fewer than 2 units or
  /// non-finite moments, or when both arms have zero variance: every unit equal within its arm
  /// leaves the test no estimate of noise, and p = 0 (the limit as the variance shrinks) would
  /// claim certainty from two constants. One arm with zero variance is fine. A control mean of 0
  /// leaves the relative lift NaN with the interval (−∞, ∞); the difference is still tested.
  ///
  /// - Parameters:
  ///   - control: the control arm's moments.
  ///   - treatment: the treatment arm's moments.
  ///   - alpha: 1 − the confidence level, in (0, 1).
  ///   - method: the method name for reports.
  /// - Returns: the effect, its intervals and the two-sided p-value.
  public static func welch(
    control: SampleMoments, treatment: SampleMoments, alpha: Double = 0.05,
    method: String = "Welch t-test"
  ) -> EffectEstimate {
    let mc = control.mean
    let mt = treatment.mean
    if let problem = NotComputable.alpha(alpha)
      ?? control.problem("the control arm")
      ?? treatment.problem("the treatment arm")
    {
      return .notComputable(
        problem, control: mc, treatment: mt, method: method)
    }
    let vc = control.variance / control.n
    let vt = treatment.variance / treatment.n
    let se = (vc + vt).squareRoot()
    let d = mt - mc
    guard se > 0, se.isFinite, d.isFinite else {
      let reason =
        se == 0
        ? "both arms have zero variance (every unit has the same value within each arm), so the t-test has no estimate of noise"
        : "the difference of the means or its standard error overflows"
      return .notComputable(
        NotComputable(reason), control: mc, treatment: mt, method: method)
    }
    // Welch–Satterthwaite degrees of freedom.
    let df =
      (vc + vt) * (vc + vt)
      / (vc * vc / (control.n - 1) + vt * vt / (treatment.n - 1))
    let t = d / se
    let p = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
    let critical = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: df)
    let relative = relativeLift(
      controlMean: mc, controlVariance: vc, treatmentMean: mt,
      treatmentVariance: vt, alpha: alpha)
    return EffectEstimate(
      control: mc, treatment: mt, difference: d,
      differenceInterval: Interval.of(d - critical * se, d + critical * se),
      relative: relative.value, relativeInterval: relative.interval,
      statistic: t, pValue: p, standardError: se,
      method: method)
  }

  /// The relative lift mₜ/m_c − 1 with a delta-method normal interval, given the variances of the
  /// two means (already divided by n).
  ///
  /// A zero or non-finite control value gives a NaN lift with the interval (−∞, ∞).
  static func relativeLift(
    controlMean mc: Double, controlVariance vc: Double,
    treatmentMean mt: Double, treatmentVariance vt: Double,
    alpha: Double
  ) -> (value: Double, interval: ClosedRange<Double>) {
    let r = mt / mc
    // Delta method: Var(mₜ/m_c) ≈ Var(mₜ)/m_c² + mₜ²·Var(m_c)/m_c⁴.
    let se = (vt / (mc * mc) + mt * mt * vc / (mc * mc * mc * mc)).squareRoot()
    let z = Normal.quantile(1 - alpha / 2)
    guard r.isFinite, se.isFinite else {
      return (r.isFinite ? r - 1 : .nan, Interval.of(.nan, .nan))
    }
    return (r - 1, Interval.of(r - 1 - z * se, r - 1 + z * se))
  }
}
