import FenqiCore
import Foundation

/// Bayesian A/B analysis: the chance the treatment beats the control, the expected loss of
/// shipping it, and credible intervals.
///
/// When ``notComputable`` is set, the probability and the loss are NaN and every interval is
/// (−∞, ∞).
public struct BayesianResult: Sendable, Equatable {
  /// P(treatment's true value > control's | data).
  public var probabilityTreatmentBetter: Double
  /// E[max(control − treatment, 0) | data]: what shipping the treatment costs when it is worse.
  public var expectedLossShippingTreatment: Double
  /// The central credible interval of the control's value.
  public var controlInterval: ClosedRange<Double>
  /// The central credible interval of the treatment's value.
  public var treatmentInterval: ClosedRange<Double>
  /// The central credible interval of the difference (normal approximation for proportions).
  public var differenceInterval: ClosedRange<Double>
  /// Why there is no posterior, or nil when it was computed.
  public var notComputable: NotComputable?

  /// A result that could not be computed: NaN probability and loss, intervals (−∞, ∞).
  public static func notComputable(_ reason: NotComputable) -> BayesianResult {
    let all = -Double.infinity...Double.infinity
    return BayesianResult(
      probabilityTreatmentBetter: .nan, expectedLossShippingTreatment: .nan,
      controlInterval: all, treatmentInterval: all, differenceInterval: all,
      notComputable: reason)
  }
}

/// Bayesian comparisons.
public enum BayesianAnalysis {
  /// Beta–binomial: each arm's rate has the posterior Beta(α₀ + successes, β₀ + failures);
  /// P(B > A) and the expected loss are integrated numerically over A's posterior (Simpson's rule
  /// in the normal score of A's quantile).
  ///
  /// An arm with no trials has the prior as its posterior. Not computable when successes are
  /// outside [0, trials] or not finite, a prior parameter is not positive and finite, or the
  /// credibility is outside (0, 1).
  public static func proportions(
    control: (successes: Double, trials: Double),
    treatment: (successes: Double, trials: Double),
    priorAlpha: Double = 1, priorBeta: Double = 1, credibility: Double = 0.95
  ) -> BayesianResult {
    for (arm, role) in [
      (control, "the control arm"), (treatment, "the treatment arm"),
    ]
    where
      !(arm.trials.isFinite && arm.successes >= 0
      && arm.successes <= arm.trials)
    {
      return .notComputable(
        NotComputable(
          "\(role) has \(arm.successes) successes in \(arm.trials) trials; expected successes in [0, trials]"
        ))
    }
    guard priorAlpha > 0, priorBeta > 0, priorAlpha.isFinite, priorBeta.isFinite
    else {
      return .notComputable(
        NotComputable("the Beta prior's parameters must be positive and finite")
      )
    }
    if let problem = NotComputable.credibility(credibility) {
      return .notComputable(problem)
    }
    let ac = priorAlpha + control.successes
    let bc = priorBeta + control.trials - control.successes
    let at = priorAlpha + treatment.successes
    let bt = priorBeta + treatment.trials - treatment.successes
    // Integrate over A's posterior through z = Φ⁻¹(F_A(a)): the integrand is smooth in z, so
    // composite Simpson on [−8.5, 8.5] with 1,000 intervals is accurate to ~1e-10.
    let intervals = 1000
    let lower = -8.5
    let upper = 8.5
    let h = (upper - lower) / Double(intervals)
    var better = 0.0
    var loss = 0.0
    let meanB = at / (at + bt)
    for k in 0...intervals {
      let z = lower + Double(k) * h
      let weight =
        (k == 0 || k == intervals ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0))
        * Normal.density(z)
      let a = IncompleteBeta.inverse(Normal.cdf(z), a: ac, b: bc)
      let fb = IncompleteBeta.regularized(a, a: at, b: bt)
      better += weight * (1 - fb)
      // E[(a − B)⁺] = a·F_B(a) − E[B]·F_{B+1}(a), with B+1 ~ Beta(αB + 1, βB).
      loss +=
        weight
        * (a * fb - meanB * IncompleteBeta.regularized(a, a: at + 1, b: bt))
    }
    better *= h / 3
    loss *= h / 3
    let tail = (1 - credibility) / 2
    func interval(_ a: Double, _ b: Double) -> ClosedRange<Double> {
      Interval.of(
        IncompleteBeta.inverse(tail, a: a, b: b),
        IncompleteBeta.inverse(1 - tail, a: a, b: b))
    }
    let mc = ac / (ac + bc)
    let mt = at / (at + bt)
    let vc = ac * bc / ((ac + bc) * (ac + bc) * (ac + bc + 1))
    let vt = at * bt / ((at + bt) * (at + bt) * (at + bt + 1))
    let z = Normal.quantile(1 - tail)
    let sd = (vc + vt).squareRoot()
    return BayesianResult(
      probabilityTreatmentBetter: better,
      expectedLossShippingTreatment: max(0, loss),
      controlInterval: interval(ac, bc), treatmentInterval: interval(at, bt),
      differenceInterval: Interval.of(mt - mc - z * sd, mt - mc + z * sd))
  }

  /// Normal means with flat priors: the posterior of μₜ − μ_c is N(d, se²), so
  /// P(better) = Φ(d/se) and the expected loss is se·φ(d/se) − d·Φ(−d/se).
  ///
  /// Not computable when an arm has fewer than 2 units or non-finite moments, when both arms have
  /// zero variance (the flat-prior posterior is then a point mass the data cannot justify), or
  /// when the credibility is outside (0, 1).
  public static func means(
    control: SampleMoments, treatment: SampleMoments, credibility: Double = 0.95
  ) -> BayesianResult {
    if let problem = NotComputable.credibility(credibility)
      ?? control.problem("the control arm")
      ?? treatment.problem("the treatment arm")
    {
      return .notComputable(problem)
    }
    let vc = control.variance / control.n
    let vt = treatment.variance / treatment.n
    let d = treatment.mean - control.mean
    let se = (vc + vt).squareRoot()
    guard se > 0, se.isFinite, d.isFinite else {
      return .notComputable(
        NotComputable(
          se == 0
            ? "both arms have zero variance, so the posterior of the difference is degenerate"
            : "the difference of the means or its standard error overflows"))
    }
    let z = Normal.quantile(1 - (1 - credibility) / 2)
    return BayesianResult(
      probabilityTreatmentBetter: Normal.cdf(d / se),
      expectedLossShippingTreatment: se * Normal.density(d / se) - d
        * Normal.cdf(-d / se),
      controlInterval: Interval.of(
        control.mean - z * vc.squareRoot(), control.mean + z * vc.squareRoot()),
      treatmentInterval: Interval.of(
        treatment.mean - z * vt.squareRoot(),
        treatment.mean + z * vt.squareRoot()),
      differenceInterval: Interval.of(d - z * se, d + z * se))
  }
}
