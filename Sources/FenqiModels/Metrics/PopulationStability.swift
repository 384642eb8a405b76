import Foundation

/// The population stability index between a reference and a current score distribution.
public enum PopulationStability {
  /// PSI = Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ) over `bins` bins cut at the reference's quantiles.
  ///
  /// Shares are floored at 0.0001 so empty bins stay finite. Rules of thumb: below 0.1 stable,
  /// 0.1–0.25 some shift, above 0.25 a major shift.
  public static func index(
    reference: [Double], current: [Double], bins: Int = 10
  ) -> Double {
    guard !reference.isEmpty, !current.isEmpty, bins > 1 else { return .nan }
    let sorted = reference.sorted()
    var cuts: [Double] = []
    for k in 1..<bins {
      let q = sorted[Swift.min(sorted.count - 1, k * sorted.count / bins)]
      if cuts.last != q { cuts.append(q) }
    }
    func shares(_ values: [Double]) -> [Double] {
      var counts = [Double](repeating: 0, count: cuts.count + 1)
      for v in values {
        var lo = 0
        var hi = cuts.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if v < cuts[mid] { hi = mid } else { lo = mid + 1 }
        }
        counts[lo] += 1
      }
      return counts.map { Swift.max(1e-4, $0 / Double(values.count)) }
    }
    let e = shares(reference)
    let a = shares(current)
    var psi = 0.0
    for (ai, ei) in zip(a, e) { psi += (ai - ei) * log(ai / ei) }
    return psi
  }
}
