/// One input column: numbers (NaN when missing) or categories (codes into `levels`).
public enum FeatureColumn: Sendable, Equatable {
  /// Numeric values; `.nan` marks a missing value.
  case numeric([Double])
  /// Category codes indexing `levels`; ``FeatureColumn/missingCode`` marks a missing value.
  case categorical(codes: [Int32], levels: [String])

  /// The code of a missing category.
  public static let missingCode: Int32 = -1

  /// The number of rows.
  public var count: Int {
    switch self {
    case .numeric(let v): return v.count
    case .categorical(let codes, _): return codes.count
    }
  }

  /// Whether the column holds categories.
  public var isCategorical: Bool {
    if case .categorical = self { return true }
    return false
  }

  /// The rows picked by `rows`, in that order.
  public func selecting(_ rows: [Int]) -> FeatureColumn {
    switch self {
    case .numeric(let v): return .numeric(rows.map { v[$0] })
    case .categorical(let codes, let levels):
      return .categorical(codes: rows.map { codes[$0] }, levels: levels)
    }
  }
}
