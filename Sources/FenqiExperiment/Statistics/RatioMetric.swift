import FenqiCore

/// Ratio metrics Σy/Σx whose unit is not the randomisation unit (bad-debt amount ÷ originated
/// amount, GMV ÷ orders), compared by the delta method (Deng, Knoblich & Lu 2018).
public enum RatioMetric {
  /// The ratio Σy/Σx of one arm and the variance of that estimate:
  /// Var(ȳ/x̄) ≈ (s²_y − 2R·s_xy + R²·s²_x) / (n·x̄²).
  public static func estimate(_ m: JointMoments) -> (
    ratio: Double, variance: Double
  ) {
    let r = m.y.sum / m.x.sum
    let xbar = m.x.mean
    let variance =
      (m.y.variance - 2 * r * m.covariance + r * r * m.x.variance)
      / (m.y.n * xbar * xbar)
    return (r, variance)
  }

  /// Compares the ratio of two arms with a normal (z) test and intervals for the difference and
  /// (by a second delta step) the relative lift.
  public static func compare(
    control: JointMoments, treatment: JointMoments, alpha: Double = 0.05
  ) -> EffectEstimate {
    let c = estimate(control)
    let t = estimate(treatment)
    let se = (c.variance + t.variance).squareRoot()
    let d = t.ratio - c.ratio
    let z = se > 0 ? d / se : 0
    let critical = Normal.quantile(1 - alpha / 2)
    let relative = MeanTest.relativeLift(
      controlMean: c.ratio, controlVariance: c.variance, treatmentMean: t.ratio,
      treatmentVariance: t.variance,
      alpha: alpha)
    return EffectEstimate(
      control: c.ratio, treatment: t.ratio, difference: d,
      differenceInterval: Interval.of(d - critical * se, d + critical * se),
      relative: relative.value, relativeInterval: relative.interval,
      statistic: z,
      pValue: se > 0 ? 2 * Normal.cdf(-abs(z)) : 1, standardError: se,
      method: "delta-method z-test (ratio)")
  }
}
