/// Variance reduction with a pre-period covariate — CUPED (Deng, Xu, Kohavi & Walker 2013).
public enum CUPED {
  /// θ = Cov(y, x) / Var(x), pooled over both arms.
  ///
  /// 0 — no adjustment — when the pooled covariate has zero or non-finite variance (a constant
  /// covariate carries no information about y) or fewer than 2 units, so CUPED falls back to
  /// plain Welch rather than spreading NaN.
  public static func theta(control: JointMoments, treatment: JointMoments)
    -> Double
  {
    let pooled = JointMoments(
      y: SampleMoments(
        n: control.y.n + treatment.y.n, sum: control.y.sum + treatment.y.sum,
        sumSquares: control.y.sumSquares + treatment.y.sumSquares),
      x: SampleMoments(
        n: control.x.n + treatment.x.n, sum: control.x.sum + treatment.x.sum,
        sumSquares: control.x.sumSquares + treatment.x.sumSquares),
      sumCross: control.sumCross + treatment.sumCross)
    let theta = pooled.covariance / pooled.x.variance
    return pooled.x.variance > 0 && theta.isFinite ? theta : 0
  }

  /// The moments of y' = y − θ·(x − x̄), with x̄ the pooled covariate mean, for one arm; y
  /// itself when θ = 0.
  public static func adjusted(
    _ m: JointMoments, theta: Double, pooledCovariateMean xbar: Double
  ) -> SampleMoments {
    guard theta != 0 else { return m.y }
    let n = m.y.n
    // Σy' = Σy − θ(Σx − n·x̄); Σy'² expands the square of y − θx + θx̄.
    let c = theta * xbar
    let sum = m.y.sum - theta * m.x.sum + n * c
    let sumSquares =
      m.y.sumSquares + theta * theta * m.x.sumSquares + n * c * c - 2 * theta
      * m.sumCross + 2 * c * m.y.sum
      - 2 * theta * c * m.x.sum
    return SampleMoments(n: n, sum: sum, sumSquares: sumSquares)
  }

  /// Welch's test on CUPED-adjusted outcomes; not computable in the cases
  /// ``MeanTest/welch(control:treatment:alpha:method:)`` is, or when an arm's covariate is not
  /// finite.
  public static func compare(
    control: JointMoments, treatment: JointMoments, alpha: Double = 0.05
  ) -> (effect: EffectEstimate, theta: Double) {
    let method = "CUPED + Welch t-test"
    for (m, role) in [
      (control, "the control arm"), (treatment, "the treatment arm"),
    ]
    where !(m.x.sum.isFinite && m.x.sumSquares.isFinite && m.sumCross.isFinite)
    {
      return (
        .notComputable(
          NotComputable("\(role)'s pre-period covariate is not finite"),
          control: control.y.mean, treatment: treatment.y.mean, method: method),
        .nan
      )
    }
    let theta = theta(control: control, treatment: treatment)
    let xbar = (control.x.sum + treatment.x.sum) / (control.x.n + treatment.x.n)
    let effect = MeanTest.welch(
      control: adjusted(control, theta: theta, pooledCovariateMean: xbar),
      treatment: adjusted(treatment, theta: theta, pooledCovariateMean: xbar),
      alpha: alpha,
      method: method)
    return (effect, theta)
  }
}
