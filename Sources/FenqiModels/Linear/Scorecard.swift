import FenqiCore
import Foundation

/// A credit scorecard: WOE-binned inputs, a logistic regression on the WOE values, and points.
///
/// Points scaling (Siddiqi 2006): score = offset + factor·ln(odds of good), with
/// factor = pdo / ln 2 and offset = baseScore − factor·ln(baseOdds), so a row whose odds of good
/// are `baseOdds` : 1 scores `baseScore`, and doubling the odds adds `pdo` points. Each input's
/// bin carries −(βⱼ·WOE + β₀/k)·factor + offset/k points (k inputs), so a row's points sum to
/// its score exactly.
public struct Scorecard: Sendable, Equatable {
  /// Points scaling.
  public struct Scaling: Sendable, Equatable {
    /// The score at `baseOdds`.
    public var baseScore = 600.0
    /// Odds of good to bad at `baseScore`.
    public var baseOdds = 50.0
    /// Points that double the odds.
    public var pointsToDoubleOdds = 20.0

    /// The default scaling: 600 points at 50 : 1, 20 points to double the odds.
    public init() {}

    /// pdo / ln 2.
    public var factor: Double { pointsToDoubleOdds / log(2) }
    /// baseScore − factor·ln(baseOdds).
    public var offset: Double { baseScore - factor * log(baseOdds) }
  }

  /// All inputs the card was offered.
  public var schema: FeatureSchema
  /// Indices (into the schema) of the inputs the card uses.
  public var selected: [Int]
  /// The binning of each selected input.
  public var binnings: [WOEBinning]
  /// The regression on the selected inputs' WOE values (log-odds of bad).
  public var regression: LogisticRegression
  /// The points scaling.
  public var scaling: Scaling

  /// Creates a scorecard from its parts (as stored in a model file).
  public init(
    schema: FeatureSchema, selected: [Int], binnings: [WOEBinning],
    regression: LogisticRegression, scaling: Scaling
  ) {
    self.schema = schema
    self.selected = selected
    self.binnings = binnings
    self.regression = regression
    self.scaling = scaling
  }

  /// Inputs with information value below this are left out (conventionally "useless").
  public static let minimumInformationValue = 0.02

  /// Bins every input, keeps those with IV ≥ ``minimumInformationValue``, and fits the
  /// regression on their WOE values.
  public init(
    fitting table: FeatureTable, labels: [Double], scaling: Scaling = Scaling(),
    options: LogisticRegression.Options = LogisticRegression.Options()
  ) {
    schema = table.schema
    self.scaling = scaling
    var selected: [Int] = []
    var binnings: [WOEBinning] = []
    for (f, column) in table.columns.enumerated() {
      let binning = WOEBinning(fitting: column, labels: labels)
      if binning.informationValue >= Self.minimumInformationValue {
        selected.append(f)
        binnings.append(binning)
      }
    }
    self.selected = selected
    self.binnings = binnings
    let x = Self.woeMatrix(
      columns: selected.map { table.columns[$0] }, binnings: binnings,
      rows: table.rowCount)
    regression = LogisticRegression.fit(
      x: x, width: selected.count, labels: labels, options: options)
  }

  private static func woeMatrix(
    columns: [FeatureColumn], binnings: [WOEBinning], rows: Int
  ) -> [Double] {
    let width = columns.count
    var x = [Double](repeating: 0, count: rows * width)
    for (j, (column, binning)) in zip(columns, binnings).enumerated() {
      for (r, b) in binning.bins(of: column).enumerated() {
        x[r * width + j] = binning.woe[b]
      }
    }
    return x
  }

  /// The points of bin `bin` of selected input `j`.
  public func points(input j: Int, bin: Int) -> Double {
    let k = Double(selected.count)
    let beta = regression.coefficients[j]
    return -(beta * binnings[j].woe[bin] + regression.intercept / k)
      * scaling.factor + scaling.offset / k
  }

  /// Per row, the points of each selected input (rows × selected inputs).
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func pointsTable(for table: FeatureTable)
    throws(FeatureSchema.Mismatch) -> [[Double]]
  {
    let columns = try schema.align(table)
    let bins = selected.indices.map {
      binnings[$0].bins(of: columns[selected[$0]])
    }
    return (0..<table.rowCount).map { r in
      selected.indices.map { j in points(input: j, bin: bins[j][r]) }
    }
  }

  /// The score of every row: the sum of its points.
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func scores(for table: FeatureTable) throws(FeatureSchema.Mismatch)
    -> [Double]
  {
    // With no input selected the card is its intercept alone.
    let constant =
      selected.isEmpty
      ? scaling.offset - scaling.factor * regression.intercept : 0
    return try pointsTable(for: table).map { $0.reduce(constant, +) }
  }

  /// The probability of bad for every row: σ(−(score − offset)/factor).
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func probabilities(for table: FeatureTable)
    throws(FeatureSchema.Mismatch) -> [Double]
  {
    try scores(for: table).map {
      Logistic.sigmoid(-($0 - scaling.offset) / scaling.factor)
    }
  }
}
