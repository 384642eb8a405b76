import FenqiCore

/// How closely synthetic rows follow a sample: a distance per column, the error of the pairwise
/// rank correlations and, optionally, a train-on-synthetic evaluation.
///
/// - A numeric column's distance is the two-sample Kolmogorov–Smirnov statistic, the largest gap
///   between the two empirical distribution functions, with missing values as a point below
///   every number; a categorical column's is the total-variation distance
///   ½·Σ|p − q| over its levels and missing. Both are fractions in [0, 1].
/// - The rank-correlation error is the mean, over column pairs, of |ρ_sample − ρ_synthetic|,
///   where ρ is Spearman's correlation (Pearson's on midranks) with numbers ranked by value,
///   categories by the synthesizer's level order (``CopulaSynthesizer/levelOrders``) and missing
///   values lowest; a constant column correlates 0.
public struct FidelitySummary: Sendable, Equatable {
  /// Which distance a column uses.
  public enum Metric: String, Sendable, Equatable {
    /// The Kolmogorov–Smirnov statistic (numeric columns).
    case ks
    /// The total-variation distance (categorical columns).
    case totalVariation
  }

  /// One column's distance.
  public struct ColumnDistance: Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// The distance used.
    public var metric: Metric
    /// The distance, a fraction in [0, 1].
    public var distance: Double
  }

  /// Every column's distance, in the sample's order.
  public var columns: [ColumnDistance]
  /// The mean of the column distances.
  public var meanColumnDistance: Double
  /// The mean |difference| of the Spearman correlations over column pairs.
  public var rankCorrelationError: Double
  /// The number of column pairs, d·(d − 1)/2.
  public var columnPairs: Int
  /// Rows of the sample compared.
  public var sampleRows: Int
  /// Rows of the synthetic table compared.
  public var syntheticRows: Int
  /// Synthetic rows drawn again because they copied a sample row.
  public var redrawnRows: Int
  /// The train-on-synthetic evaluation, when a target was given.
  public var trainOnSynthetic: TrainOnSynthetic?

  /// Compares `synthetic` with `sample` (same columns, in order) as `synthesizer` models them.
  ///
  /// - Complexity: O(d·N log N + d²·N) for d columns and N rows.
  public init(
    sample: FeatureTable, synthetic: FeatureTable,
    synthesizer: CopulaSynthesizer, redrawnRows: Int = 0,
    trainOnSynthetic: TrainOnSynthetic? = nil
  ) {
    let a = synthesizer.cells(of: sample)
    let b = synthesizer.cells(of: synthetic)
    var distances: [ColumnDistance] = []
    for (j, column) in synthesizer.columns.enumerated() {
      distances.append(
        column.isNumeric
          ? ColumnDistance(
            name: column.name, metric: .ks,
            distance: Self.kolmogorovSmirnov(a[j], b[j]))
          : ColumnDistance(
            name: column.name, metric: .totalVariation,
            distance: Self.totalVariation(a[j], b[j], levels: column.levelCount)
          ))
    }
    let ra = Self.spearman(a, orders: synthesizer.levelOrders)
    let rb = Self.spearman(b, orders: synthesizer.levelOrders)
    let d = synthesizer.columns.count
    var error = 0.0
    var pairs = 0
    for i in 0..<d {
      for j in 0..<i {
        error += abs(ra[i * d + j] - rb[i * d + j])
        pairs += 1
      }
    }
    columns = distances
    meanColumnDistance =
      distances.isEmpty
      ? 0 : distances.reduce(0) { $0 + $1.distance } / Double(distances.count)
    rankCorrelationError = pairs == 0 ? 0 : error / Double(pairs)
    columnPairs = pairs
    sampleRows = sample.rowCount
    syntheticRows = synthetic.rowCount
    self.redrawnRows = redrawnRows
    self.trainOnSynthetic = trainOnSynthetic
  }

  /// The two-sample Kolmogorov–Smirnov statistic sup|F_a − F_b| with missing (NaN) values as a
  /// point below every number.
  static func kolmogorovSmirnov(_ a: [Double], _ b: [Double]) -> Double {
    let x = a.filter { !$0.isNaN }.sorted()
    let y = b.filter { !$0.isNaN }.sorted()
    let na = Double(Swift.max(1, a.count))
    let nb = Double(Swift.max(1, b.count))
    var fa = Double(a.count - x.count) / na
    var fb = Double(b.count - y.count) / nb
    var largest = abs(fa - fb)
    var i = 0
    var j = 0
    while i < x.count || j < y.count {
      let next = Swift.min(
        i < x.count ? x[i] : .infinity, j < y.count ? y[j] : .infinity)
      while i < x.count, x[i] == next { i += 1 }
      while j < y.count, y[j] == next { j += 1 }
      fa = Double(a.count - x.count + i) / na
      fb = Double(b.count - y.count + j) / nb
      largest = Swift.max(largest, abs(fa - fb))
    }
    return largest
  }

  /// The total-variation distance ½·Σ|p − q| between two columns of level codes (NaN missing).
  static func totalVariation(_ a: [Double], _ b: [Double], levels: Int)
    -> Double
  {
    func shares(_ cells: [Double]) -> [Double] {
      var counts = [Double](repeating: 0, count: levels + 1)
      for c in cells { counts[c.isNaN ? levels : Int(c)] += 1 }
      return counts.map { $0 / Double(Swift.max(1, cells.count)) }
    }
    return 0.5 * zip(shares(a), shares(b)).reduce(0) { $0 + abs($1.0 - $1.1) }
  }

  /// Spearman's correlation matrix (flat, row-major) of columns of cells.
  static func spearman(_ cells: [[Double]], orders: [[Int]]) -> [Double] {
    let d = cells.count
    let ranks: [[Double]] = cells.indices.map { j in
      var position = [Double](repeating: 0, count: orders[j].count)
      for (k, code) in orders[j].enumerated() { position[code] = Double(k) }
      let keys =
        orders[j].isEmpty
        ? cells[j] : cells[j].map { $0.isNaN ? .nan : position[Int($0)] }
      let scores = RankScores(keys: keys)
      let midranks = scores.groupMidranks
      return scores.group.map { midranks[$0] }
    }
    var matrix = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      matrix[i * d + i] = 1
      for j in 0..<i {
        let r = RankScores.correlation(ranks[i], ranks[j])
        matrix[i * d + j] = r
        matrix[j * d + i] = r
      }
    }
    return matrix
  }
}
