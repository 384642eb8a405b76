import Foundation

extension ScoreHistogram {
  /// The population stability index split by score band.
  ///
  /// Band k's term (aₖ − eₖ)·ln(aₖ/eₖ) of ``stability(against:)``, over the ten groups of bins holding about a tenth of the reference
  /// each (band 0 the lowest scores). Shares floored at 0.0001, as the index is.
  ///
  /// Bins beyond the reference's last decile (where only the current histogram has weight) count
  /// in the top band; a bin holding several deciles of the reference makes fewer bands.
  ///
  /// - Returns: up to ten terms whose sum is the PSI; empty when either histogram is empty.
  public func stabilityByBand(against reference: ScoreHistogram) -> [Double] {
    guard let all = stabilityTerms(against: reference) else { return [] }
    var terms = Array(all.prefix(10))
    for extra in all.dropFirst(10) { terms[9] += extra }
    return terms
  }

  /// Calibration in the large against a truth histogram.
  ///
  /// With each applicant's true probability added as `bad` (``add(score:bad:amount:)``): the mean score (bin midpoints) over the mean true
  /// probability. 1 is calibrated; NaN when empty.
  public var calibrationRatio: Double {
    var scored = 0.0
    var weight = 0.0
    var truth = 0.0
    for b in 0..<Self.bins {
      let w = positive[b] + negative[b]
      scored += Self.midpoint(b) * w
      weight += w
      truth += positive[b]
    }
    guard weight > 0, truth > 0 else { return .nan }
    return scored / truth
  }
}
