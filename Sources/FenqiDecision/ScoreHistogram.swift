import Foundation

/// A fine histogram of probabilities on the logit scale, with a positive and a negative weight
/// per bin: mergeable in a fixed order (so results do not depend on threads) and enough for
/// AUC, PSI and the threshold calibration's loss curve.
///
/// 240 bins of width 0.05 in logit from −10 to 2 (probabilities from 0.00005 to 0.88; beyond
/// that into the end bins).
public struct ScoreHistogram: Sendable, Equatable {
  /// Number of bins.
  public static let bins = 240
  static let low = -10.0
  static let width = 0.05

  /// Weight of positives ("bad" outcomes, or a true probability) per bin.
  public var positive: [Double]
  /// Weight of negatives per bin.
  public var negative: [Double]
  /// Amount (yuan) per bin, for loss curves.
  public var amount: [Double]

  /// An empty histogram.
  public init() {
    positive = .init(repeating: 0, count: Self.bins)
    negative = positive
    amount = positive
  }

  /// The bin of probability `p`.
  @inline(__always)
  public static func bin(_ p: Double) -> Int {
    let q = Swift.min(Swift.max(p, 1e-12), 1 - 1e-12)
    let logit = log(q / (1 - q))
    let b = Int(((logit - low) / width).rounded(.down))
    return Swift.min(Swift.max(b, 0), bins - 1)
  }

  /// The probability at the upper edge of bin `b`.
  public static func upperEdge(_ b: Int) -> Double {
    1 / (1 + exp(-(low + Double(b + 1) * width)))
  }

  /// The probability at the middle of bin `b`.
  public static func midpoint(_ b: Int) -> Double {
    1 / (1 + exp(-(low + (Double(b) + 0.5) * width)))
  }

  /// Adds a score with outcome weight `bad` (1 bad, 0 good, or a probability of bad) and an
  /// amount.
  @inline(__always)
  public mutating func add(score: Double, bad: Double, amount a: Double = 0) {
    let b = Self.bin(score)
    positive[b] += bad
    negative[b] += 1 - bad
    amount[b] += a
  }

  /// Adds another histogram bin by bin.
  public mutating func add(_ o: ScoreHistogram) {
    for b in 0..<Self.bins {
      positive[b] += o.positive[b]
      negative[b] += o.negative[b]
      amount[b] += o.amount[b]
    }
  }

  /// Total weight (positives plus negatives).
  public var total: Double { positive.reduce(0, +) + negative.reduce(0, +) }

  /// The area under the ROC curve of the binned scores: the chance a positive outranks a
  /// negative, ties within a bin counting half (Mann–Whitney on grouped data).
  ///
  /// With probabilities as weights this is the expected AUC over the outcomes. NaN when either class
  /// is empty.
  public var auc: Double {
    let p = positive.reduce(0, +)
    let n = negative.reduce(0, +)
    guard p > 0, n > 0 else { return .nan }
    var below = 0.0
    var area = 0.0
    for b in 0..<Self.bins {
      area += positive[b] * (below + 0.5 * negative[b])
      below += negative[b]
    }
    return area / (p * n)
  }

  /// The population stability index of this histogram's score distribution against
  /// `reference`'s, over ten groups of bins holding about a tenth of the reference each:
  /// Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ), shares floored at 0.0001.
  public func stability(against reference: ScoreHistogram) -> Double {
    guard let terms = stabilityTerms(against: reference) else { return .nan }
    return terms.reduce(0, +)
  }

  /// The terms of the population stability index (Siddiqi 2006), lowest scores first.
  ///
  /// (aᵢ − eᵢ)·ln(aᵢ/eᵢ), one per group of bins holding about a tenth of the reference; shares
  /// floored at 0.0001. Nil when either histogram is empty.
  func stabilityTerms(against reference: ScoreHistogram) -> [Double]? {
    let ref = zip(reference.positive, reference.negative).map { $0 + $1 }
    let cur = zip(positive, negative).map { $0 + $1 }
    let refTotal = ref.reduce(0, +)
    let curTotal = cur.reduce(0, +)
    guard refTotal > 0, curTotal > 0 else { return nil }
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
        terms.append((ac - es) * log(ac / es))
        e = 0
        a = 0
        while cumulative >= Double(group) * refTotal / 10, group < 10 {
          group += 1
        }
      }
    }
    return terms
  }
}
