import Foundation

/// Weight-of-evidence binning of one input (coarse classing for a credit scorecard).
///
/// WOE of bin i = ln((goodᵢ/good) / (badᵢ/bad)), with half a count added to each cell so empty
/// cells stay finite; information value IV = Σ (goodᵢ/good − badᵢ/bad)·WOEᵢ (Siddiqi 2006).
/// The last bin holds missing values (and, for categories, rare and unseen levels).
public struct WOEBinning: Sendable, Equatable {
  /// How values map to bins.
  public enum Rule: Sendable, Equatable {
    /// Value x goes to the first bin b with x ≤ `upperBounds[b]`, else the last value bin.
    case numeric(upperBounds: [Double])
    /// Level index ℓ goes to bin `binOfLevel[ℓ]`; −1 sends it to the missing/other bin.
    case categorical(binOfLevel: [Int])
  }

  /// The mapping rule.
  public var rule: Rule
  /// WOE per bin; the last entry is the missing/other bin.
  public var woe: [Double]
  /// Training goods (label 0) per bin.
  public var goods: [Double]
  /// Training bads (label 1) per bin.
  public var bads: [Double]

  /// Creates a binning from its parts (as stored in a model file).
  public init(rule: Rule, woe: [Double], goods: [Double], bads: [Double]) {
    self.rule = rule
    self.woe = woe
    self.goods = goods
    self.bads = bads
  }

  /// The information value of the binning.
  public var informationValue: Double {
    let g = goods.reduce(0, +)
    let b = bads.reduce(0, +)
    guard g > 0, b > 0 else { return 0 }
    var iv = 0.0
    for i in woe.indices { iv += (goods[i] / g - bads[i] / b) * woe[i] }
    return iv
  }

  /// The number of value bins (the missing/other bin comes after them).
  public var valueBins: Int { woe.count - 1 }

  /// The bin of a numeric value.
  public func bin(_ x: Double) -> Int {
    guard case .numeric(let bounds) = rule, !x.isNaN else { return valueBins }
    var lo = 0
    var hi = bounds.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if x <= bounds[mid] { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// The bin of a category code (negative: missing or unseen).
  public func bin(code: Int32) -> Int {
    guard case .categorical(let map) = rule, code >= 0, Int(code) < map.count,
      map[Int(code)] >= 0
    else { return valueBins }
    return map[Int(code)]
  }

  /// The bin of every row of an aligned column.
  public func bins(of column: FeatureColumn) -> [Int] {
    switch column {
    case .numeric(let values): return values.map { bin($0) }
    case .categorical(let codes, _): return codes.map { bin(code: $0) }
    }
  }

  /// Fits the binning of one column to 0/1 labels.
  ///
  /// Numbers: up to `fineBins` equal-frequency bins, merged until every bin holds at least
  /// `minShare` of the rows, then adjacent bins merged until WOE is monotone in the value.
  /// Categories: a bin per level holding at least `minShare` of the rows, the rest pooled
  /// with missing values.
  public init(
    fitting column: FeatureColumn, labels: [Double], fineBins: Int = 20,
    minShare: Double = 0.05
  ) {
    let n = Double(labels.count)
    let minRows = Swift.max(1, (minShare * n).rounded(.up))
    switch column {
    case .numeric(let values):
      var rows = values.indices.filter { !values[$0].isNaN }
      rows.sort { values[$0] < values[$1] }
      // Fine classes: equal-frequency cuts that never split a value.
      var groups: [(last: Double, good: Double, bad: Double)] = []
      var i = 0
      let target = Swift.max(1, rows.count / Swift.max(1, fineBins))
      while i < rows.count {
        var j = Swift.min(rows.count, i + target)
        while j < rows.count, values[rows[j]] == values[rows[j - 1]] { j += 1 }
        var g = 0.0
        var b = 0.0
        for k in i..<j { if labels[rows[k]] == 1 { b += 1 } else { g += 1 } }
        groups.append((values[rows[j - 1]], g, b))
        i = j
      }
      // Merge small groups into a neighbour.
      while groups.count > 1,
        let k = groups.indices.first(where: {
          groups[$0].good + groups[$0].bad < minRows
        })
      {
        let into = k == groups.count - 1 ? k - 1 : k + 1
        Self.merge(&groups, k, into)
      }
      // Merge until WOE is monotone, in the direction of the end bins' bad rates.
      let totalGood = groups.reduce(0) { $0 + $1.good }
      let totalBad = groups.reduce(0) { $0 + $1.bad }
      func woe(_ g: Double, _ b: Double) -> Double {
        log(
          ((g + 0.5) / Swift.max(1, totalGood))
            / ((b + 0.5) / Swift.max(1, totalBad)))
      }
      while groups.count > 2 {
        let w = groups.map { woe($0.good, $0.bad) }
        let rising = w[w.count - 1] >= w[0]
        guard
          let k = (0..<(w.count - 1)).first(where: {
            rising ? w[$0 + 1] < w[$0] : w[$0 + 1] > w[$0]
          })
        else { break }
        Self.merge(&groups, k + 1, k)
      }
      var bounds: [Double] = []
      for k in 0..<Swift.max(0, groups.count - 1) {
        let a = groups[k].last
        let next = rows.first(where: { values[$0] > a }).map { values[$0] } ?? a
        bounds.append(a + (next - a) / 2)
      }
      rule = .numeric(upperBounds: bounds)
      goods = groups.map(\.good)
      bads = groups.map(\.bad)
      var mg = 0.0
      var mb = 0.0
      for r in values.indices where values[r].isNaN {
        if labels[r] == 1 { mb += 1 } else { mg += 1 }
      }
      goods.append(mg)
      bads.append(mb)
    case .categorical(let codes, let levels):
      var counts = [Double](repeating: 0, count: levels.count)
      for c in codes where c >= 0 { counts[Int(c)] += 1 }
      var map = [Int](repeating: -1, count: levels.count)
      var next = 0
      for l in levels.indices where counts[l] >= minRows {
        map[l] = next
        next += 1
      }
      rule = .categorical(binOfLevel: map)
      goods = [Double](repeating: 0, count: next + 1)
      bads = [Double](repeating: 0, count: next + 1)
      for (r, c) in codes.enumerated() {
        let b = c >= 0 && map[Int(c)] >= 0 ? map[Int(c)] : next
        if labels[r] == 1 { bads[b] += 1 } else { goods[b] += 1 }
      }
    }
    let g = Swift.max(1, goods.reduce(0, +))
    let b = Swift.max(1, bads.reduce(0, +))
    woe = zip(goods, bads).map { gi, bi in
      // An empty missing bin carries no evidence.
      gi + bi == 0 ? 0 : log(((gi + 0.5) / g) / ((bi + 0.5) / b))
    }
  }

  private static func merge(
    _ groups: inout [(last: Double, good: Double, bad: Double)], _ k: Int,
    _ into: Int
  ) {
    let low = Swift.min(k, into)
    let high = Swift.max(k, into)
    groups[low] = (
      groups[high].last, groups[low].good + groups[high].good,
      groups[low].bad + groups[high].bad
    )
    groups.remove(at: high)
  }
}
