import FenqiCore

/// The Vasicek one-factor model of correlated defaults (Vasicek 2002; the Basel II IRB formula).
///
/// A borrower defaults when its latent asset value √ρ·Z + √(1 − ρ)·ε falls below Φ⁻¹(PD); given
/// the systematic factor Z the defaults are independent, with conditional probability
/// Φ((Φ⁻¹(PD) − √ρ·Z) / √(1 − ρ)). Z < 0 is a bad month for everyone.
public enum Vasicek {
  /// The conditional default probability given the systematic factor `z`.
  ///
  /// - Parameters:
  ///   - pd: the unconditional probability, in (0, 1).
  ///   - rho: the asset correlation, in [0, 1).
  ///   - z: the systematic factor (standard normal in a stress draw).
  /// - Returns: the probability of default given `z`.
  public static func conditional(pd: Double, rho: Double, z: Double) -> Double {
    guard pd > 0 else { return 0 }
    guard pd < 1 else { return 1 }
    // Vasicek one-factor: Φ((Φ⁻¹(PD) − √ρ·Z) / √(1 − ρ)).
    return Normal.cdf(
      (Normal.quantile(pd) - rho.squareRoot() * z) / (1 - rho).squareRoot())
  }

  /// The default probability averaged over a standard-normal draw of the systematic factor
  /// around `drift`: E[conditional(pd, ρ, drift + X)] = Φ(Φ⁻¹(PD) − √ρ·drift), X ~ N(0, 1).
  ///
  /// A deterministic run on the mean macro path uses this, so that a flat path leaves every
  /// probability as calibrated.
  public static func expected(pd: Double, rho: Double, drift: Double) -> Double
  {
    guard pd > 0 else { return 0 }
    guard pd < 1 else { return 1 }
    return Normal.cdf(Normal.quantile(pd) - rho.squareRoot() * drift)
  }

  /// The same with Φ⁻¹(PD), √ρ and 1/√(1 − ρ) precomputed (the loan roll's form).
  @inline(__always)
  public static func conditional(
    quantile q: Double, sqrtRho: Double, inverseSqrtComplement: Double,
    z: Double
  ) -> Double {
    Normal.cdf((q - sqrtRho * z) * inverseSqrtComplement)
  }
}
