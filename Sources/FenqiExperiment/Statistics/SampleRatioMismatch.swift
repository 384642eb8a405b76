import FenqiCore

/// The result of a sample-ratio check.
public struct SampleRatioCheck: Sendable, Equatable {
  /// Pearson's χ² of the observed counts against the expected ones (NaN when not computable).
  public var statistic: Double
  /// The degrees of freedom, arms − 1.
  public var degreesOfFreedom: Double
  /// P(χ² ≥ statistic) under the allocation (NaN when not computable).
  public var pValue: Double
  /// Why there is no check, or nil when it was computed.
  public var notComputable: NotComputable?

  /// Creates a check result.
  public init(
    statistic: Double, degreesOfFreedom: Double, pValue: Double,
    notComputable: NotComputable? = nil
  ) {
    self.statistic = statistic
    self.degreesOfFreedom = degreesOfFreedom
    self.pValue = pValue
    self.notComputable = notComputable
  }
}

/// The sample-ratio-mismatch check: do the arms' sizes match their allocation? (Pearson's χ²
/// goodness-of-fit; Fabijan et al. 2019.)
public enum SampleRatioMismatch {
  /// The χ² statistic, its degrees of freedom and p-value for observed counts against expected
  /// shares (normalised here).
  ///
  /// Not computable when the lists differ in length or hold fewer than 2 arms, a count is
  /// negative or not finite, no unit was observed, or a share is not positive and finite.
  public static func check(observed: [Double], expectedShares: [Double])
    -> SampleRatioCheck
  {
    func refuse(_ reason: String) -> SampleRatioCheck {
      SampleRatioCheck(
        statistic: .nan, degreesOfFreedom: Double(max(0, observed.count - 1)),
        pValue: .nan, notComputable: NotComputable(reason))
    }
    guard observed.count == expectedShares.count else {
      return refuse(
        "\(observed.count) observed counts for \(expectedShares.count) shares")
    }
    guard observed.count >= 2 else {
      return refuse("the check needs at least 2 arms, found \(observed.count)")
    }
    guard observed.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      return refuse("every count must be a finite number ≥ 0")
    }
    guard expectedShares.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      return refuse("every share must be a finite number > 0")
    }
    let total = observed.reduce(0, +)
    guard total > 0, total.isFinite else {
      return refuse(
        total > 0 ? "the total count overflows" : "no unit was observed")
    }
    let shareTotal = expectedShares.reduce(0, +)
    var chi2 = 0.0
    for (o, s) in zip(observed, expectedShares) {
      let e = total * s / shareTotal
      chi2 += (o - e) * (o - e) / e
    }
    let df = Double(observed.count - 1)
    guard chi2.isFinite else { return refuse("the χ² statistic overflows") }
    return SampleRatioCheck(
      statistic: chi2, degreesOfFreedom: df,
      pValue: ChiSquare.survival(chi2, degreesOfFreedom: df))
  }
}
