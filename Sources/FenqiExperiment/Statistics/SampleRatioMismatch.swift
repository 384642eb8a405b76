import FenqiCore

/// The sample-ratio-mismatch check: do the arms' sizes match their allocation? (Pearson's χ²
/// goodness-of-fit; Fabijan et al. 2019.)
public enum SampleRatioMismatch {
  /// The χ² statistic, its degrees of freedom and p-value for observed counts against expected
  /// shares (normalised here).
  public static func check(observed: [Double], expectedShares: [Double]) -> (
    statistic: Double, degreesOfFreedom: Double, pValue: Double
  ) {
    precondition(
      observed.count == expectedShares.count && observed.count >= 2,
      "SRM needs matching counts and shares for ≥ 2 arms")
    let total = observed.reduce(0, +)
    let shareTotal = expectedShares.reduce(0, +)
    var chi2 = 0.0
    for (o, s) in zip(observed, expectedShares) {
      let e = total * s / shareTotal
      chi2 += (o - e) * (o - e) / e
    }
    let df = Double(observed.count - 1)
    return (chi2, df, ChiSquare.survival(chi2, degreesOfFreedom: df))
  }
}
