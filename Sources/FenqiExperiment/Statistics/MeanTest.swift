import FenqiCore
import Foundation

/// Comparing two means.
public enum MeanTest {
  /// Welch's unequal-variance t-test with the Welch–Satterthwaite degrees of freedom; the relative
  /// lift's interval by the delta method on the ratio of means (normal).
  ///
  /// - Parameters:
  ///   - control: the control arm's moments.
  ///   - treatment: the treatment arm's moments.
  ///   - alpha: 1 − the confidence level.
  ///   - method: the method name for reports.
  /// - Returns: the effect, its intervals and the two-sided p-value.
  public static func welch(
    control: SampleMoments, treatment: SampleMoments, alpha: Double = 0.05,
    method: String = "Welch t-test"
  ) -> EffectEstimate {
    let mc = control.mean
    let mt = treatment.mean
    let vc = control.variance / control.n
    let vt = treatment.variance / treatment.n
    let se = (vc + vt).squareRoot()
    let d = mt - mc
    // Welch–Satterthwaite degrees of freedom.
    let df =
      (vc + vt) * (vc + vt)
      / (vc * vc / (control.n - 1) + vt * vt / (treatment.n - 1))
    let t = se > 0 ? d / se : 0
    let p = se > 0 ? StudentT.twoSidedPValue(t, degreesOfFreedom: df) : 1
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
      return (r - 1, Interval.of(.nan, .nan))
    }
    return (r - 1, Interval.of(r - 1 - z * se, r - 1 + z * se))
  }
}
