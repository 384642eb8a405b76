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
    let ref = zip(reference.positive, reference.negative).map { $0 + $1 }
    let cur = zip(positive, negative).map { $0 + $1 }
    let refTotal = ref.reduce(0, +)
    let curTotal = cur.reduce(0, +)
    guard refTotal > 0, curTotal > 0 else { return [] }
    var terms: [Double] = []
    var e = 0.0
    var a = 0.0
    var cumulative = 0.0
    var group = 1
    for b in 0..<Self.bins {
      e += ref[b]
      a += cur[b]
      cumulative += ref[b]
      if cumulative >= Double(group) * refTotal / 10 || b == Self.bins - 1 {
        let es = Swift.max(e / refTotal, 1e-4)
        let ac = Swift.max(a / curTotal, 1e-4)
        // Population stability index term (Siddiqi 2006).
        let term = (ac - es) * log(ac / es)
        if terms.count < 10 { terms.append(term) } else { terms[9] += term }
        e = 0
        a = 0
        while cumulative >= Double(group) * refTotal / 10, group < 10 {
          group += 1
        }
      }
    }
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
