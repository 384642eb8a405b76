import Foundation

/// Always-valid sequential testing so that an experiment may be checked every period without
/// inflating its false-positive rate: the mixture sequential probability ratio test (mSPRT) with a
/// normal mixing distribution N(0, τ²) on the effect (Johari, Pekelis & Walsh 2017).
public struct SequentialTest: Sendable {
  /// The mixing variance τ² on the effect: roughly the square of the effect sizes expected.
  public let mixingVariance: Double
  /// The running always-valid p-value (non-increasing); NaN when ``notComputable``.
  public private(set) var pValue: Double = 1
  /// Why the test cannot run — τ² not positive and finite, such as a mixing scale taken from a
  /// control value of 0 — or nil.
  public let notComputable: NotComputable?

  /// Creates a test with mixing variance τ²; one that is not positive and finite makes the test
  /// ``notComputable`` (its p-value NaN, its looks ignored) rather than trapping.
  public init(mixingVariance: Double) {
    self.mixingVariance = mixingVariance
    if mixingVariance > 0 && mixingVariance.isFinite {
      notComputable = nil
    } else {
      notComputable = NotComputable(
        "the mSPRT needs a positive, finite mixing variance τ², found \(mixingVariance)"
      )
      pValue = .nan
    }
  }

  /// Creates a test that cannot run, for `reason`.
  public init(notComputable reason: NotComputable) {
    mixingVariance = .nan
    notComputable = reason
    pValue = .nan
  }

  /// The mixture likelihood ratio for an estimate `difference` with sampling variance `variance`:
  /// Λ = √(V/(V+τ²))·exp(τ²·Δ²/(2V(V+τ²))).
  public func likelihoodRatio(difference: Double, variance v: Double) -> Double
  {
    let t = mixingVariance
    return (v / (v + t)).squareRoot()
      * exp(t * difference * difference / (2 * v * (v + t)))
  }

  /// Takes one look at the data: updates and returns the always-valid p-value
  /// pₖ = min(pₖ₋₁, 1/Λₖ).
  ///
  /// A look whose difference is not finite or whose variance is not positive and finite is
  /// skipped (that period gives no evidence); a test that is ``notComputable`` stays NaN.
  @discardableResult
  public mutating func look(difference: Double, variance: Double) -> Double {
    guard notComputable == nil, variance > 0, variance.isFinite,
      difference.isFinite
    else { return pValue }
    let ratio = likelihoodRatio(difference: difference, variance: variance)
    guard !ratio.isNaN else { return pValue }
    pValue = min(pValue, 1 / ratio)
    return pValue
  }
}
