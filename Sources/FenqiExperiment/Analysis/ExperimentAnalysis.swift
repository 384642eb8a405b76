import FenqiCore

/// Compares every treatment arm with the control on every metric, then corrects the p-values for
/// the number of comparisons (Holm for decisions, Benjamini–Hochberg reported alongside).
///
/// A comparison that is not computable (``EffectEstimate/notComputable``) keeps its row with the
/// decision "not computable" and NaN adjusted p-values, and is left out of the correction.
public enum ExperimentAnalysis {
  /// Analyses arms' statistics.
  ///
  /// - Parameters:
  ///   - rows: the statistics, any order; metrics keep their first-seen order.
  ///   - control: the control arm's name (default: the first arm seen for each metric).
  ///   - alpha: the family-wise error rate, in (0, 1).
  /// - Returns: one result per metric × treatment arm.
  public static func analyse(
    _ rows: [ArmStatistics], control: String? = nil, alpha: Double = 0.05
  ) -> [TestResult] {
    var metrics: [String] = []
    for r in rows where !metrics.contains(r.metric) { metrics.append(r.metric) }
    var results: [TestResult] = []
    for metric in metrics {
      let arms = rows.filter { $0.metric == metric }
      guard let c = arms.first(where: { $0.arm == (control ?? arms[0].arm) })
      else { continue }
      for t in arms where t.arm != c.arm {
        let (effect, better) = compare(control: c, treatment: t, alpha: alpha)
        results.append(
          TestResult(
            metric: metric, arm: t.arm, controlArm: c.arm, effect: effect,
            probabilityBetter: better, holmPValue: .nan,
            bhPValue: .nan, decision: ""))
      }
    }
    let p = results.map(\.effect.pValue)
    let holm = MultipleTesting.holm(p)
    let bh = MultipleTesting.benjaminiHochberg(p)
    for i in results.indices {
      results[i].holmPValue = holm[i]
      results[i].bhPValue = bh[i]
      results[i].decision = TestResult.decide(
        results[i].effect, adjustedPValue: holm[i], alpha: alpha)
    }
    return results
  }

  /// One comparison with the method its kind calls for, and the Bayesian chance to beat control.
  public static func compare(
    control c: ArmStatistics, treatment t: ArmStatistics, alpha: Double,
    bayesian: Bool = true
  ) -> (EffectEstimate, Double) {
    switch c.kind {
    case .proportion:
      let e = ProportionTest.compare(
        control: (c.outcome.sum, c.outcome.n),
        treatment: (t.outcome.sum, t.outcome.n), alpha: alpha)
      guard bayesian else { return (e, .nan) }
      let b = BayesianAnalysis.proportions(
        control: (c.outcome.sum, c.outcome.n),
        treatment: (t.outcome.sum, t.outcome.n))
      return (e, b.probabilityTreatmentBetter)
    case .mean:
      if let cj = c.joint, let tj = t.joint {
        let e = CUPED.compare(control: cj, treatment: tj, alpha: alpha).effect
        return (
          e, e.isComputable ? Normal.cdf(e.difference / e.standardError) : .nan
        )
      }
      let e = MeanTest.welch(
        control: c.outcome, treatment: t.outcome, alpha: alpha)
      return (
        e,
        BayesianAnalysis.means(control: c.outcome, treatment: t.outcome)
          .probabilityTreatmentBetter
      )
    case .ratio:
      guard let cj = c.joint, let tj = t.joint else {
        preconditionFailure("ratio metric \(c.metric) without a denominator")
      }
      let e = RatioMetric.compare(control: cj, treatment: tj, alpha: alpha)
      return (
        e, e.isComputable ? Normal.cdf(e.difference / e.standardError) : .nan
      )
    }
  }
}
