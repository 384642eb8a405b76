import FenqiCore

/// Ratio metrics Σy/Σx whose unit is not the randomisation unit (bad-debt amount ÷ originated
/// amount, GMV ÷ orders), compared by the delta method (Deng, Knoblich & Lu 2018).
public enum RatioMetric {
  /// The ratio Σy/Σx of one arm and the variance of that estimate:
  /// Var(ȳ/x̄) ≈ (s²_y − 2R·s_xy + R²·s²_x) / (n·x̄²).
  ///
  /// A variance that rounding leaves below 0 reads 0. NaN or infinite when Σx = 0 or n < 2; ``compare(control:treatment:alpha:)`` reports those
  /// as not computable.
  public static func estimate(_ m: JointMoments) -> (
    ratio: Double, variance: Double
  ) {
    let r = m.y.sum / m.x.sum
    let xbar = m.x.mean
    let variance =
      (m.y.variance - 2 * r * m.covariance + r * r * m.x.variance)
      / (m.y.n * xbar * xbar)
    // The variance of y − R·x is ≥ 0; rounding can leave it a hair below.
    return (r, variance < 0 ? 0 : variance)
  }

  /// Compares the ratio of two arms with a normal (z) test and intervals for the difference and
  /// (by a second delta step) the relative lift.
  ///
  /// Not computable (``EffectEstimate/notComputable``) when an arm has fewer than 2 units or
  /// non-finite moments, when an arm's denominator sums to 0 (its ratio is 0/0 or y/0), or when
  /// the difference has zero or non-finite standard error.
  public static func compare(
    control: JointMoments, treatment: JointMoments, alpha: Double = 0.05
  ) -> EffectEstimate {
    let method = "delta-method z-test (ratio)"
    let c = estimate(control)
    let t = estimate(treatment)
    if let problem = NotComputable.alpha(alpha)
      ?? Self.problem(control, "the control arm")
      ?? Self.problem(treatment, "the treatment arm")
    {
      return .notComputable(
        problem, control: c.ratio, treatment: t.ratio, method: method)
    }
    let se = (c.variance + t.variance).squareRoot()
    let d = t.ratio - c.ratio
    guard se > 0, se.isFinite, d.isFinite else {
      return .notComputable(
        NotComputable(
          se == 0
            ? "both arms' ratios have zero variance, so the z-test has no estimate of noise"
            : "the ratios' difference or its standard error is not finite"),
        control: c.ratio, treatment: t.ratio, method: method)
    }
    let z = d / se
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
      pValue: 2 * Normal.cdf(-abs(z)), standardError: se,
      method: method)
  }

  /// Why one arm's joint moments cannot give a ratio with a variance, or nil.
  static func problem(_ m: JointMoments, _ role: String) -> NotComputable? {
    if let p = m.y.problem(role) ?? m.x.problem(role + " (denominator)") {
      return p
    }
    guard m.sumCross.isFinite else {
      return NotComputable("\(role)'s Σ numerator × denominator is not finite")
    }
    guard m.x.sum != 0 else {
      return NotComputable(
        "\(role)'s denominator sums to 0, so its ratio is undefined")
    }
    return nil
  }
}
