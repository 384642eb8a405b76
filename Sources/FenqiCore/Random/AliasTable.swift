/// Constant-time sampling from a categorical distribution — Vose's alias method (1991).
public struct AliasTable: Sendable, Equatable {
  /// The probability of keeping column i rather than taking its alias.
  public let keep: [Double]
  /// The alias of each column.
  public let alias: [Int]

  /// Builds the table from non-negative weights (normalised here).
  ///
  /// - Precondition: at least one weight, all finite and ≥ 0, with a positive sum.
  public init(weights: [Double]) {
    let n = weights.count
    let total = weights.reduce(0, +)
    precondition(
      n > 0 && total > 0 && weights.allSatisfy { $0 >= 0 && $0.isFinite },
      "AliasTable needs non-negative weights with a positive sum, got \(weights)"
    )
    var scaled = weights.map { $0 * Double(n) / total }
    var keep = [Double](repeating: 1, count: n)
    var alias = Array(0..<n)
    var small: [Int] = []
    var large: [Int] = []
    for i in 0..<n {
      if scaled[i] < 1 { small.append(i) } else { large.append(i) }
    }
    while let s = small.popLast(), let l = large.popLast() {
      keep[s] = scaled[s]
      alias[s] = l
      scaled[l] = (scaled[l] + scaled[s]) - 1
      if scaled[l] < 1 { small.append(l) } else { large.append(l) }
    }
    for i in large { keep[i] = 1 }
    for i in small { keep[i] = 1 }
    self.keep = keep
    self.alias = alias
  }

  /// The number of categories.
  public var count: Int { keep.count }

  /// Draws a category index in `0..<count` from one 64-bit output: the high bits pick the
  /// column, the low 53 bits decide keep-or-alias.
  @inlinable
  public func sample(using rng: inout RandomStream) -> Int {
    let bits = rng.next()
    let column = Int(bits.multipliedFullWidth(by: UInt64(keep.count)).high)
    let u = Double(bits & ((1 << 53) - 1)) * 0x1p-53
    return u < keep[column] ? column : alias[column]
  }
}
