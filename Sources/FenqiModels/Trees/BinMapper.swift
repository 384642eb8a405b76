/// Maps one feature's raw values to histogram bins (LightGBM-style quantile binning).
///
/// Value bins are `0..<valueBins`; bin `valueBins` is the missing bin, which also takes
/// categories too rare to get their own bin and categories unseen in training. A feature has at
/// most 255 bins in all.
public struct BinMapper: Sendable, Equatable {
  /// How raw values map to value bins.
  public enum Rule: Sendable, Equatable {
    /// Value x goes to the first bin b with x ≤ `upperBounds[b]`; the last value bin has no
    /// upper bound.
    case numeric(upperBounds: [Double])
    /// Category code c goes to bin `binOfLevel[c]` (−1: the missing bin).
    case categorical(binOfLevel: [Int32])
  }

  /// The mapping rule.
  public var rule: Rule
  /// The number of value bins (the missing bin comes after them).
  public var valueBins: Int

  /// The index of the missing bin.
  @inline(__always) public var missingBin: Int { valueBins }

  /// Whether the feature is categorical.
  public var isCategorical: Bool {
    if case .categorical = rule { return true }
    return false
  }

  /// Creates a mapper from its parts (as stored in a model file).
  public init(rule: Rule, valueBins: Int) {
    self.rule = rule
    self.valueBins = valueBins
  }

  /// Fits quantile bins to numeric values (NaN ignored).
  ///
  /// With at most `maxValueBins` distinct values each gets its own bin, bounded at midpoints;
  /// otherwise bins hold roughly equal counts, and a value never straddles two bins.
  public init(numeric values: [Double], maxValueBins: Int) {
    var sorted = values.filter { !$0.isNaN }
    sorted.sort()
    var distinct: [Double] = []
    var counts: [Int] = []
    for x in sorted {
      if let last = distinct.last, last == x {
        counts[counts.count - 1] += 1
      } else {
        distinct.append(x)
        counts.append(1)
      }
    }
    var bounds: [Double] = []
    if distinct.count <= maxValueBins {
      for i in 0..<Swift.max(0, distinct.count - 1) {
        bounds.append(Self.midpoint(distinct[i], distinct[i + 1]))
      }
    } else {
      // Greedy equal-frequency cuts over distinct values.
      let total = Double(sorted.count)
      var cumulative = 0
      for i in 0..<(distinct.count - 1) {
        cumulative += counts[i]
        let next = Double(bounds.count + 1) * total / Double(maxValueBins)
        if Double(cumulative) >= next, bounds.count < maxValueBins - 1 {
          bounds.append(Self.midpoint(distinct[i], distinct[i + 1]))
        }
      }
    }
    rule = .numeric(upperBounds: bounds)
    valueBins = bounds.count + 1
  }

  /// Fits category bins: the most frequent `maxValueBins` levels seen at least
  /// `minCount` times get bins (most frequent first); the rest share the missing bin.
  public init(
    categorical codes: [Int32], levelCount: Int, maxValueBins: Int,
    minCount: Int
  ) {
    var counts = [Int](repeating: 0, count: levelCount)
    for c in codes where c >= 0 { counts[Int(c)] += 1 }
    let order = (0..<levelCount).filter { counts[$0] >= minCount }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
      .prefix(maxValueBins)
    var binOfLevel = [Int32](repeating: -1, count: levelCount)
    for (bin, level) in order.enumerated() { binOfLevel[level] = Int32(bin) }
    rule = .categorical(binOfLevel: binOfLevel)
    valueBins = Swift.max(1, order.count)
  }

  private static func midpoint(_ a: Double, _ b: Double) -> Double {
    let m = a + (b - a) / 2
    return m < b ? m : a
  }

  /// The bin of a numeric value.
  @inline(__always)
  public func bin(_ x: Double) -> Int {
    guard case .numeric(let bounds) = rule else { return missingBin }
    if x.isNaN { return missingBin }
    var lo = 0
    var hi = bounds.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if x <= bounds[mid] { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// The bin of `x` among `upper` bounds (the missing bin for NaN): a branch-free binary
  /// search for the first bound ≥ x.
  @inline(__always)
  static func search(
    _ upper: UnsafeBufferPointer<Double>, _ x: Double, _ missing: UInt8
  ) -> UInt8 {
    if x.isNaN { return missing }
    var base = 0
    var n = upper.count
    while n > 0 {
      let half = n >> 1
      if upper[base + half] < x {
        base += half + 1
        n -= half + 1
      } else {
        n = half
      }
    }
    return UInt8(base)
  }

  /// The bin of a category code (negative codes: missing or unseen).
  @inline(__always)
  public func bin(code: Int32) -> Int {
    guard case .categorical(let binOfLevel) = rule, code >= 0,
      Int(code) < binOfLevel.count
    else { return missingBin }
    let b = binOfLevel[Int(code)]
    return b < 0 ? missingBin : Int(b)
  }

  /// The upper bound of value bin `b` (infinity for the last), for numeric features.
  public func upperBound(ofBin b: Int) -> Double {
    guard case .numeric(let bounds) = rule, b < bounds.count else {
      return .infinity
    }
    return bounds[b]
  }
}
