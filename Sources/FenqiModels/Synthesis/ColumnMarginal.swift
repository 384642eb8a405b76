import FenqiCore

/// The fitted distribution of one column within one segment, and its map from a copula's standard
/// normal coordinate to a cell.
///
/// A categorical column's missing values are one more category, at the bottom of its order. A
/// numeric column's missing values have a copula coordinate of their own (see
/// ``CopulaSynthesizer/missingCoordinates``), so the numbers' correlations are estimated on the
/// rows that have them and missingness keeps its own correlation with the other columns.
public enum ColumnMarginal: Sendable, Equatable {
  /// Numbers from the smoothed empirical distribution of the sample's values.
  case numeric(Numeric)
  /// Categories with the sample's frequencies.
  case categorical(Categorical)

  /// A numeric column's margin.
  public struct Numeric: Sendable, Equatable {
    /// The non-missing sample values, ascending.
    public var sorted: [Double]
    /// The share of missing values, a fraction.
    public var missingShare: Double
    /// Decimals values are rounded to (nil: not rounded).
    public var decimals: Int?

    /// The cell for standard normal coordinates: missing when Φ(`missing`) is below the
    /// missing share, otherwise the interpolated quantile (Hyndman & Fan type 5) at Φ(z),
    /// rounded to ``decimals``.
    @inlinable
    public func cell(standardNormal z: Double, missing: Double) -> Double {
      guard !sorted.isEmpty, !(Normal.cdf(missing) < missingShare) else {
        return .nan
      }
      let x = sorted.withUnsafeBufferPointer {
        EmpiricalQuantile.interpolatedOfSorted($0, Normal.cdf(z))
      }
      guard let decimals else { return x }
      var scale = 1.0
      for _ in 0..<decimals { scale *= 10 }
      return (x * scale).rounded() / scale
    }
  }

  /// A categorical column's margin.
  public struct Categorical: Sendable, Equatable {
    /// The probability of each level, by code.
    public var probabilities: [Double]
    /// The share of missing values, a fraction.
    public var missingShare: Double
    /// The level codes from the lowest to the highest normal coordinate.
    public var order: [Int]
    /// Running probabilities: bin 0 is missing, bin k + 1 is level `order[k]`.
    @usableFromInline internal var cumulative: [Double]
    /// The highest bin with a positive probability: where a coordinate past every cut lands.
    @usableFromInline internal var lastBin: Int

    /// Creates the margin from level probabilities (by code), the missing share and the order.
    public init(probabilities: [Double], missingShare: Double, order: [Int]) {
      self.probabilities = probabilities
      self.missingShare = missingShare
      self.order = order
      var running = missingShare
      var cumulative = [missingShare]
      var last = missingShare > 0 ? 0 : -1
      for (k, code) in order.enumerated() {
        running += probabilities[code]
        cumulative.append(running)
        if probabilities[code] > 0 { last = k + 1 }
      }
      self.cumulative = cumulative
      lastBin = Swift.max(0, last)
    }

    /// The cell for a standard normal coordinate: the level (its code) or missing (NaN) whose
    /// interval of the cumulative distribution holds Φ(z) — inversion of the categorical
    /// distribution function.
    @inlinable
    public func cell(standardNormal z: Double) -> Double {
      let u = Normal.cdf(z)
      var bin = 0
      while bin < lastBin, !(u < cumulative[bin]) { bin += 1 }
      return bin == 0 ? .nan : Double(order[bin - 1])
    }
  }

  /// The cell for a standard normal coordinate `z` and, for a numeric column, the coordinate of
  /// its missingness (+∞ when the column has none).
  @inlinable
  public func cell(standardNormal z: Double, missing: Double = .infinity)
    -> Double
  {
    switch self {
    case .numeric(let m): return m.cell(standardNormal: z, missing: missing)
    case .categorical(let m): return m.cell(standardNormal: z)
    }
  }

  /// The share of missing values, a fraction.
  public var missingShare: Double {
    switch self {
    case .numeric(let m): return m.missingShare
    case .categorical(let m): return m.missingShare
    }
  }

  /// Fits the margin of `cells` (one column's cells of the segment's rows) for `column`, with
  /// categorical levels in `order`.
  static func fit(_ cells: [Double], column: SynthesisColumn, order: [Int])
    -> ColumnMarginal
  {
    let n = Double(Swift.max(1, cells.count))
    let missing = Double(cells.filter(\.isNaN).count) / n
    switch column.kind {
    case .numeric(let decimals):
      return .numeric(
        Numeric(
          sorted: cells.filter { !$0.isNaN }.sorted(), missingShare: missing,
          decimals: decimals))
    case .categorical:
      var counts = [Double](repeating: 0, count: column.levelCount)
      for c in cells where !c.isNaN { counts[Int(c)] += 1 }
      return .categorical(
        Categorical(
          probabilities: counts.map { $0 / n }, missingShare: missing,
          order: order))
    }
  }
}
