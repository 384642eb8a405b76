import Foundation

/// Always-valid sequential testing so that an experiment may be checked every period without
/// inflating its false-positive rate: the mixture sequential probability ratio test (mSPRT) with a
/// normal mixing distribution N(0, τ²) on the effect (Johari, Pekelis & Walsh 2017).
public struct SequentialTest: Sendable {
  /// The mixing variance τ² on the effect: roughly the square of the effect sizes expected.
  public let mixingVariance: Double
  /// The running always-valid p-value (non-increasing).
  public private(set) var pValue: Double = 1

  /// Creates a test with mixing variance τ².
  public init(mixingVariance: Double) {
    precondition(
      mixingVariance > 0,
      "mSPRT needs a positive mixing variance, got \(mixingVariance)")
    self.mixingVariance = mixingVariance
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
  @discardableResult
  public mutating func look(difference: Double, variance: Double) -> Double {
    guard variance > 0, variance.isFinite else { return pValue }
    pValue = min(
      pValue, 1 / likelihoodRatio(difference: difference, variance: variance))
    return pValue
  }
}
