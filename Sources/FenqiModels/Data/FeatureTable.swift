/// A column-oriented table of model inputs.
///
/// Every column has the same number of rows. Models record the ``FeatureSchema`` they were
/// trained on and line a new table up against it by column name, so column order and the
/// categories present may differ between training and scoring.
public struct FeatureTable: Sendable, Equatable {
  /// Column names, unique.
  public private(set) var names: [String]
  /// The columns, parallel to ``names``.
  public private(set) var columns: [FeatureColumn]
  /// The number of rows.
  public let rowCount: Int

  /// Creates a table; all columns must have `rowCount` rows.
  public init(names: [String], columns: [FeatureColumn], rowCount: Int) {
    precondition(names.count == columns.count, "one name per column")
    precondition(columns.allSatisfy { $0.count == rowCount }, "ragged columns")
    self.names = names
    self.columns = columns
    self.rowCount = rowCount
  }

  /// A numeric table from row-major values (`values[row * width + column]`).
  public init(names: [String], rowMajor values: [Double]) {
    let width = names.count
    let rows = width == 0 ? 0 : values.count / width
    var columns: [FeatureColumn] = []
    for c in 0..<width {
      columns.append(.numeric((0..<rows).map { values[$0 * width + c] }))
    }
    self.init(names: names, columns: columns, rowCount: rows)
  }

  /// The schema: names, kinds and category levels.
  public var schema: FeatureSchema {
    FeatureSchema(
      features: zip(names, columns).map { name, column in
        switch column {
        case .numeric: return .init(name: name, levels: nil)
        case .categorical(_, let levels):
          return .init(name: name, levels: levels)
        }
      })
  }

  /// The column called `name`, if present.
  public func column(named name: String) -> FeatureColumn? {
    names.firstIndex(of: name).map { columns[$0] }
  }

  /// The same columns restricted to `rows`, in that order.
  public func selecting(rows: [Int]) -> FeatureTable {
    FeatureTable(
      names: names, columns: columns.map { $0.selecting(rows) },
      rowCount: rows.count)
  }

  /// The table without the column called `name`.
  public func removing(column name: String) -> FeatureTable {
    guard let i = names.firstIndex(of: name) else { return self }
    var t = self
    t.names.remove(at: i)
    t.columns.remove(at: i)
    return t
  }
}
