import Foundation

/// Characteristic stability of the lender's features: each feature's values counted into the
/// deciles of a reference (the rows a model was trained on), with one more slot for missing
/// values, so a month's applications can be compared feature by feature with the training book.
///
/// Counts are whole numbers held as `Double` and merged chunk by chunk in a fixed order, so the
/// indices do not depend on threads.
public struct FeatureStability: Sendable, Equatable {
  /// Value slots per feature (deciles) plus one for missing values.
  public static let slots = 11

  /// Per feature: the reference's decile cut points, ascending and distinct (up to nine).
  public private(set) var edges: [[Double]]
  /// Row-major counts, ``slots`` per feature in ``LenderFeature`` order.
  public private(set) var counts: [Double]

  /// The decile cut points of `rows` (every ``LenderFeature``), and their own counts.
  ///
  /// - Complexity: O(r log r) per feature for r rows.
  public init(reference rows: TrainingRows) {
    let width = LenderFeature.count
    edges = (0..<width).map { f in
      let values = (0..<rows.count).map { Double(rows.values[$0 * width + f]) }
        .filter { !$0.isNaN }.sorted()
      guard !values.isEmpty else { return [] }
      var cuts: [Double] = []
      for q in 1..<10 {
        let x = values[Swift.min(values.count - 1, q * values.count / 10)]
        if cuts.last.map({ x > $0 }) ?? true { cuts.append(x) }
      }
      return cuts
    }
    counts = .init(repeating: 0, count: width * Self.slots)
    var row = [Double](repeating: 0, count: width)
    for r in 0..<rows.count {
      row.withUnsafeMutableBufferPointer {
        rows.row(r, into: $0.start)
        add(UnsafePointer($0.start))
      }
    }
  }

  /// Empty counts over the same cut points.
  public var emptied: FeatureStability {
    var e = self
    e.counts = .init(repeating: 0, count: counts.count)
    return e
  }

  /// Counts one feature row (``LenderFeature/count`` values).
  @inline(__always)
  public mutating func add(_ row: UnsafePointer<Double>) {
    for f in 0..<edges.count {
      let x = row[f]
      var slot = Self.slots - 1
      if !x.isNaN {
        // Values equal to a cut point fall in the decile below it.
        slot = 0
        let cuts = edges[f]
        while slot < cuts.count, x > cuts[slot] { slot += 1 }
      }
      counts[f * Self.slots + slot] += 1
    }
  }

  /// Adds another chunk's counts (same cut points).
  public mutating func add(_ o: FeatureStability) {
    guard o.counts.count == counts.count else { return }
    for k in counts.indices { counts[k] += o.counts[k] }
  }

  /// Rows counted.
  public var total: Double {
    counts.isEmpty ? 0 : counts[0..<Self.slots].reduce(0, +)
  }

  /// Each feature's characteristic stability index against `reference`.
  ///
  /// Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) over its slots, shares floored at 0.0001 (the PSI formula applied to
  /// one characteristic — Siddiqi 2006). NaN for every feature when either side is empty.
  public func stability(against reference: FeatureStability) -> [Double] {
    let width = edges.count
    let a = total
    let e = reference.total
    guard a > 0, e > 0, reference.counts.count == counts.count else {
      return .init(repeating: .nan, count: width)
    }
    return (0..<width).map { f in
      var index = 0.0
      for s in 0..<Self.slots {
        let k = f * Self.slots + s
        let es = Swift.max(reference.counts[k] / e, 1e-4)
        let ac = Swift.max(counts[k] / a, 1e-4)
        index += (ac - es) * log(ac / es)
      }
      return index
    }
  }
}
