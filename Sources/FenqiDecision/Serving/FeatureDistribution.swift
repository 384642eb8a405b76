import Foundation

/// A training distribution in bins, the reference a population stability index compares new
/// values against.
///
/// Bin k holds values ≤ `upperBounds[k]` (and above the previous bound); the last bin holds
/// everything above the last bound. Bounds are the training sample's deciles with repeats
/// removed, so a count feature that is mostly 0 gets few bins. Missing (NaN) values are a share
/// of their own.
public struct FeatureDistribution: Sendable, Equatable {
  /// Bin upper bounds, ascending (one fewer than ``shares``).
  public var upperBounds: [Double]
  /// Each bin's share of the training sample (missing values excluded).
  public var shares: [Double]
  /// The share of training values that were missing.
  public var missingShare: Double
  /// Training values counted.
  public var count: Int

  /// PSI above this: watch the feature (Siddiqi 2006's rule of thumb).
  public static let watch = 0.1
  /// PSI above this: act (re-develop or re-calibrate).
  public static let act = 0.25

  /// Creates a distribution from its parts.
  public init(
    upperBounds: [Double], shares: [Double], missingShare: Double, count: Int
  ) {
    self.upperBounds = upperBounds
    self.shares = shares
    self.missingShare = missingShare
    self.count = count
  }

  /// The decile bins of `values` (order does not matter: they are sorted).
  public init(values: [Double]) {
    let present = values.filter { !$0.isNaN }.sorted()
    count = values.count
    missingShare =
      values.isEmpty
      ? 0 : Double(values.count - present.count) / Double(values.count)
    var bounds: [Double] = []
    if !present.isEmpty {
      for k in 1..<10 {
        let q = present[Swift.min(present.count - 1, k * present.count / 10)]
        if q < (present.last ?? q), bounds.last.map({ q > $0 }) ?? true {
          bounds.append(q)
        }
      }
    }
    upperBounds = bounds
    var counts = [Double](repeating: 0, count: bounds.count + 1)
    for v in present { counts[Self.bin(v, bounds: bounds)] += 1 }
    let total = Swift.max(1, Double(present.count))
    shares = counts.map { $0 / total }
  }

  /// The bin of a value (ignores NaN: the caller counts missing values apart).
  @inline(__always)
  static func bin(_ v: Double, bounds: [Double]) -> Int {
    var lo = 0
    var hi = bounds.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if v <= bounds[mid] { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// The bin of `value` (``shares``.count for a missing value).
  public func bin(_ value: Double) -> Int {
    value.isNaN ? shares.count : Self.bin(value, bounds: upperBounds)
  }

  /// The population stability index of observed counts against this distribution.
  ///
  /// `counts` holds one count per bin of ``shares`` and then the missing count. PSI =
  /// Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ), shares floored at 0.0001 as in
  /// ``ScoreHistogram/stability(against:)``; NaN when nothing was observed or there is no
  /// reference.
  public func stability(counts: [Double]) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0, count > 0, counts.count == shares.count + 1 else {
      return .nan
    }
    var psi = 0.0
    let expected = shares.map { $0 * (1 - missingShare) } + [missingShare]
    for (e, c) in zip(expected, counts) {
      let es = Swift.max(e, 1e-4)
      let ac = Swift.max(c / total, 1e-4)
      // Bins that are empty on both sides add nothing.
      if e == 0, c == 0 { continue }
      psi += (ac - es) * log(ac / es)
    }
    return psi
  }
}
