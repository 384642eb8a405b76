import FenqiCore
import Foundation

/// Basel IRB capital for retail exposures: the ASRF model at 99.9%.
///
/// The asymptotic single-risk-factor model of BCBS, *International Convergence of Capital
/// Measurement and Capital Standards*, June 2006, §328–330 (CRR Art. 154).
///
/// Retail has no maturity adjustment: K = LGD × [Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999)) / √(1 − R)) − PD],
/// risk-weighted assets 12.5 × K × EAD.
public enum BaselIRB {
  /// The regulatory confidence level of the ASRF model.
  public static let confidence = 0.999

  /// The retail exposure classes and their correlation R.
  public enum RetailClass: String, Sendable, CaseIterable {
    /// Qualifying revolving retail exposures (credit cards): R = 0.04 (§329).
    case qualifyingRevolving
    /// Other retail, which instalment loans are (§330):
    /// R = 0.03·w + 0.16·(1 − w), w = (1 − e^(−35·PD)) / (1 − e^(−35)).
    case otherRetail
    /// Residential mortgages: R = 0.15 (§328).
    case residentialMortgage

    /// The asset correlation R at probability of default `pd` (a fraction).
    public func correlation(pd: Double) -> Double {
      switch self {
      case .qualifyingRevolving: return 0.04
      case .residentialMortgage: return 0.15
      case .otherRetail:
        // Basel II §330: other retail, R between 0.03 (high PD) and 0.16 (low PD).
        let w = (1 - exp(-35 * pd)) / (1 - exp(-35.0))
        return 0.03 * w + 0.16 * (1 - w)
      }
    }
  }

  /// The capital requirement K per yuan of exposure at default (a fraction).
  ///
  /// - Parameters:
  ///   - pd: the one-year probability of default, floored at 0.03% (§331); 1 gives
  ///     max(0, LGD − expected loss best estimate), taken here as 0.
  ///   - lgd: loss given default (downturn), a fraction.
  ///   - rho: the asset correlation R.
  /// - Returns: K = LGD·[Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1 − R)) − PD].
  public static func capital(pd: Double, lgd: Double, rho: Double) -> Double {
    guard pd < 1 else { return 0 }
    let p = Swift.max(pd, 0.0003)
    // Basel II ASRF (Vasicek one-factor at 99.9%), retail: no maturity adjustment.
    let stressed = Normal.cdf(
      (Normal.quantile(p) + rho.squareRoot() * Normal.quantile(confidence))
        / (1 - rho).squareRoot())
    return lgd * (stressed - p)
  }

  /// Capital for a retail class: K at the class's correlation.
  public static func capital(
    pd: Double, lgd: Double, retailClass: RetailClass
  ) -> Double {
    capital(
      pd: pd, lgd: lgd,
      rho: retailClass.correlation(pd: Swift.max(pd, 0.0003)))
  }

  /// Risk-weighted assets, yuan: 12.5 × K × EAD (§44: 1/8% capital ratio).
  public static func riskWeightedAssets(capital k: Double, ead: Double)
    -> Double
  {
    12.5 * k * ead
  }
}
