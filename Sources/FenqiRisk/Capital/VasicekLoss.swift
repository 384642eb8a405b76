import FenqiCore

/// The one-year loss distribution of a large homogeneous pool (Vasicek 1991, 2002): the default
/// rate given the factor Z is Φ((Φ⁻¹(PD) − √ρ·Z)/√(1 − ρ)), so its α-quantile is the conditional
/// rate at Z = −Φ⁻¹(α), and expected shortfall integrates that quantile over (α, 1).
public enum VasicekLoss {
  /// The α-quantile of the pool's loss rate per yuan: LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(α))/√(1 − ρ)).
  public static func valueAtRisk(
    pd: Double, rho: Double, lgd: Double, alpha: Double
  ) -> Double {
    guard pd > 0 else { return 0 }
    guard pd < 1 else { return lgd }
    // Vasicek large-pool quantile.
    return lgd
      * Normal.cdf(
        (Normal.quantile(pd) + rho.squareRoot() * Normal.quantile(alpha))
          / (1 - rho).squareRoot())
  }

  /// Expected shortfall at α: (1/(1 − α))·∫_α^1 VaR_u du, by the midpoint rule on 2,000 steps
  /// in u (the integrand is smooth on the open interval).
  public static func expectedShortfall(
    pd: Double, rho: Double, lgd: Double, alpha: Double
  ) -> Double {
    let steps = 2000
    var total = 0.0
    for k in 0..<steps {
      let u = alpha + (1 - alpha) * (Double(k) + 0.5) / Double(steps)
      total += valueAtRisk(pd: pd, rho: rho, lgd: lgd, alpha: u)
    }
    return total / Double(steps)
  }

  /// The loss rate of a finite pool of `loans` equal loans given the factor `z`: the number of
  /// defaults is Binomial(loans, p(z)), drawn by its normal approximation with continuity
  /// (`u` a uniform in (0, 1)), clamped to 0…loans.
  public static func poolLossRate(
    pd: Double, rho: Double, lgd: Double, loans: Int, z: Double, u: Double
  ) -> Double {
    let p = Vasicek.conditional(pd: pd, rho: rho, z: z)
    let n = Double(loans)
    let k = (n * p + (n * p * (1 - p)).squareRoot() * Normal.quantile(u))
      .rounded()
    return lgd * Swift.min(n, Swift.max(0, k)) / n
  }
}
