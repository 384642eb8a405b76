import FenqiCore

/// A synthesizer of tabular rows: per-column margins joined by a Gaussian copula on normal
/// scores, optionally fitted per segment of one column.
///
/// Fitting (``init(fitting:options:)``):
/// - each column is numeric or categorical by ``SynthesisColumn/classify(_:)``;
/// - per segment, each column's margin is fitted (``ColumnMarginal``): the smoothed empirical
///   distribution of a numeric column, the level frequencies of a categorical one, each with its
///   share of missing values;
/// - each cell gets a normal score: Φ⁻¹ of the midpoint of its value's interval of the column's
///   empirical distribution function (the distributional transform; ranks for distinct numbers,
///   the cumulative-frequency interval for a category or a tie; a missing category lowest);
/// - a numeric column with missing values gets a second coordinate, its missingness indicator;
///   its value scores rank the present values only, and correlations are pairwise complete;
/// - the latent correlation of two coordinates is the correlation of their scores divided by both
///   coordinates' attenuation by ties (the first-order polyserial correction), and the
///   matrix is shrunk toward the identity, R(λ) = (1 − λ)·R + λ·I with λ = 0, 0.01, 0.02, …, until
///   its Cholesky factor exists (Gaussian copula synthesis, as in Patki, Wedge & Veeramachaneni
///   2016, "The Synthetic Data Vault").
///
/// A categorical column's levels are ordered along the normal coordinate: in the order given in
/// ``Options/levelOrders``; else, with ``Options/orderBy``, by the mean normal score of that
/// column among each level's rows (so a relation with, say, a target is monotone in the copula);
/// else in code order (a few-valued numeric column: ascending).
public struct CopulaSynthesizer: Sendable {
  /// The most segments a `by` column may give.
  public static let maxSegments = 64

  /// The most draws of one synthetic row before ``sample(rows:seed:avoidingCopies:)`` gives up
  /// on a row that keeps copying a sample row.
  public static let maxDraws = 1000

  /// Choices of the fit.
  public struct Options: Sendable, Equatable {
    /// Fit a separate copula per value of this column (missing values are a segment of their
    /// own); nil: one copula.
    public var by: String?
    /// Order every categorical column's levels by the mean normal score of this column.
    public var orderBy: String?
    /// Level orders by column name, from the lowest normal coordinate to the highest; each
    /// lists every level of its column once.
    public var levelOrders: [String: [String]]

    /// Creates options.
    public init(
      by: String? = nil, orderBy: String? = nil,
      levelOrders: [String: [String]] = [:]
    ) {
      self.by = by
      self.orderBy = orderBy
      self.levelOrders = levelOrders
    }
  }

  /// One segment's copula.
  public struct Segment: Sendable {
    /// The segment's value of the `by` column as text ("" when missing; "all" without `by`).
    public var label: String
    /// The segment's share of the sample's rows, a fraction.
    public var share: Double
    /// The sample rows in the segment.
    public var rowCount: Int
    /// Each column's margin within the segment.
    public var marginals: [ColumnMarginal]
    /// The latent correlation matrix used, flat and row-major (after shrinkage).
    public var correlation: [Double]
    /// The shrinkage λ toward the identity that made the matrix positive definite (0: none).
    public var shrinkage: Double
    /// The copula with that correlation.
    public var copula: GaussianCopula
  }

  /// The columns, in the sample's order.
  public let columns: [SynthesisColumn]
  /// The index of the `by` column, if any.
  public let segmentColumn: Int?
  /// The segments (one without `by`): by level code of the `by` column, missing last.
  public let segments: [Segment]
  /// Each column's level order, from the lowest normal coordinate (empty for a numeric column).
  public let levelOrders: [[Int]]
  /// For each column, the copula coordinate of its missingness: set for a numeric column with
  /// missing values in the sample (coordinates d, d + 1, … after the d columns' own), nil
  /// otherwise (a categorical column's missing values are a category).
  public let missingCoordinates: [Int?]
  /// The rows fitted.
  public let sampleRowCount: Int
  /// Running segment shares, for drawing a row's segment.
  let segmentCumulative: [Double]
  /// The fitted rows' cells, row-major (``SynthesisColumn``), to refuse copies.
  let sampleCells: [Double]
  /// The fitted rows by ``rowHash(_:)``.
  let sampleIndex: [UInt64: [Int]]

  /// The number of copula coordinates: one per column, then one per entry of
  /// ``missingCoordinates``.
  public var latentDimension: Int { segments[0].copula.dimension }

  /// The column names.
  public var names: [String] { columns.map(\.name) }

  /// Fits the synthesizer to `table`.
  ///
  /// - Throws: ``SynthesisFailure`` for an empty table, a `by` or `orderBy` column the table
  ///   lacks, a `by` column with more than ``maxSegments`` values or a numeric one, or a level
  ///   order that does not list its column's levels.
  /// - Complexity: O(S·(d·N log N + d²·N + d³)) for d columns, N rows and S segments.
  public init(fitting table: FeatureTable, options: Options = Options())
    throws(SynthesisFailure)
  {
    guard table.rowCount > 0 else { throw .emptySample }
    let columns = SynthesisColumn.classify(table)
    let cells = zip(columns, table.columns).map { $0.cells(of: $1) }
    let segmentColumn = try Self.column(options.by, option: "--by", in: table)
    let orderColumn = try Self.column(
      options.orderBy, option: "--target", in: table)
    var orders = try Self.levelOrders(
      columns, cells: cells, orderBy: orderColumn)
    for (name, levels) in options.levelOrders {
      guard let j = table.names.firstIndex(of: name) else {
        throw .unknownColumn(option: "levels", name: name, columns: table.names)
      }
      orders[j] = try Self.order(levels, of: columns[j])
    }
    var groups: [(label: String, rows: [Int])] = [
      (label: "all", rows: Array(0..<table.rowCount))
    ]
    if let s = segmentColumn {
      groups = try Self.segmentRows(columns[s], cells: cells[s])
    }
    self.columns = columns
    self.segmentColumn = segmentColumn
    levelOrders = orders
    sampleRowCount = table.rowCount
    var next = columns.count
    let missing: [Int?] = columns.indices.map { j in
      guard columns[j].isNumeric, cells[j].contains(where: \.isNaN) else {
        return nil
      }
      defer { next += 1 }
      return next
    }
    missingCoordinates = missing
    segments = groups.map { group in
      Self.fitSegment(
        label: group.label, rows: group.rows, cells: cells, columns: columns,
        orders: orders, missingCoordinates: missing, total: table.rowCount)
    }
    var running = 0.0
    segmentCumulative = segments.map {
      running += $0.share
      return running
    }
    var rowMajor = [Double](repeating: 0, count: table.rowCount * columns.count)
    for (j, column) in cells.enumerated() {
      for r in 0..<table.rowCount {
        rowMajor[r * columns.count + j] = column[r]
      }
    }
    var index: [UInt64: [Int]] = [:]
    rowMajor.withUnsafeBufferPointer { all in
      for r in 0..<table.rowCount {
        let row = UnsafeBufferPointer(
          rebasing: all[(r * columns.count)..<((r + 1) * columns.count)])
        index[Self.rowHash(row), default: []].append(r)
      }
    }
    sampleCells = rowMajor
    sampleIndex = index
  }

  /// The index of the column an option names; nil when the option is not given.
  private static func column(
    _ name: String?, option: String, in table: FeatureTable
  ) throws(SynthesisFailure) -> Int? {
    guard let name else { return nil }
    guard let j = table.names.firstIndex(of: name) else {
      throw .unknownColumn(option: option, name: name, columns: table.names)
    }
    return j
  }

  /// The rows of each value of the `by` column (missing last), with the value as text.
  private static func segmentRows(_ column: SynthesisColumn, cells: [Double])
    throws(SynthesisFailure) -> [(label: String, rows: [Int])]
  {
    guard case .categorical(let levels, _) = column.kind else {
      throw .numericSegmentColumn(column: column.name)
    }
    var rows = [[Int]](repeating: [], count: levels.count + 1)
    for (r, c) in cells.enumerated() {
      rows[c.isNaN ? levels.count : Int(c)].append(r)
    }
    let groups = zip(levels + [""], rows).filter { !$0.1.isEmpty }
    guard groups.count <= maxSegments else {
      throw .tooManySegments(column: column.name, found: groups.count)
    }
    return groups.map { (label: $0.0, rows: $0.1) }
  }

  /// Every column's default level order: code order, or by the mean normal score of column
  /// `orderBy` among each level's rows.
  private static func levelOrders(
    _ columns: [SynthesisColumn], cells: [[Double]], orderBy: Int?
  ) throws(SynthesisFailure) -> [[Int]] {
    let codeOrders = columns.map { Array(0..<$0.levelCount) }
    guard let orderBy else { return codeOrders }
    let ranks = RankScores(keys: cells[orderBy])
    let groupScores = ranks.groupNormalScores
    let scores = ranks.group.map { groupScores[$0] }
    return columns.indices.map { j in
      guard j != orderBy, columns[j].levelCount > 0 else {
        return codeOrders[j]
      }
      var sums = [Double](repeating: 0, count: columns[j].levelCount)
      var counts = sums
      for (r, c) in cells[j].enumerated() where !c.isNaN {
        sums[Int(c)] += scores[r]
        counts[Int(c)] += 1
      }
      let means = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
      return codeOrders[j].sorted {
        means[$0] != means[$1] ? means[$0] < means[$1] : $0 < $1
      }
    }
  }

  /// The codes of `levels` in the given order, which must list each level of `column` once.
  private static func order(_ levels: [String], of column: SynthesisColumn)
    throws(SynthesisFailure) -> [Int]
  {
    guard case .categorical(let known, _) = column.kind else {
      throw .levelOrder(
        column: column.name,
        message:
          "expected a categorical column for a level order, found a numeric one"
      )
    }
    var codes: [Int] = []
    for level in levels {
      guard let code = known.firstIndex(of: level) else {
        throw .levelOrder(
          column: column.name,
          message:
            "has no level '\(level)' (levels: \(known.joined(separator: ", ")))"
        )
      }
      guard !codes.contains(code) else {
        throw .levelOrder(
          column: column.name, message: "level '\(level)' is listed twice")
      }
      codes.append(code)
    }
    let missing = known.indices.filter { !codes.contains($0) }.map { known[$0] }
    guard missing.isEmpty else {
      throw .levelOrder(
        column: column.name,
        message: "the order leaves out \(missing.joined(separator: ", "))")
    }
    return codes
  }
}
