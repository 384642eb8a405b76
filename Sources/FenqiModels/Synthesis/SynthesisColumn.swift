import FenqiCore

/// How the synthesizer models one column of a sample: as numbers or as categories.
///
/// The rule (``classify(_:)``): a column whose non-missing cells all parse as numbers (a numeric
/// ``FeatureColumn``) and that holds more than ``maxCategoricalNumbers`` distinct values is
/// numeric; every other column is categorical. A numeric column with few distinct values (a count
/// from 1 to 4, a 0/1 flag) is modelled by its value frequencies, so it comes back holding exactly
/// the sample's values. A numeric column comes back rounded to the most decimals any of its
/// sample values has (so integer-valued columns come back as integers), unless some value has
/// more than ``maxDecimals`` decimals; then it is not rounded.
///
/// Inside the synthesizer a row is a list of cells, one `Double` per column: the number for a
/// numeric column, the level's code for a categorical one, NaN for a missing value.
public struct SynthesisColumn: Sendable, Equatable {
  /// A column's model.
  public enum Kind: Sendable, Equatable {
    /// Numbers from a smoothed empirical distribution, rounded to `decimals` places (nil: not
    /// rounded).
    case numeric(decimals: Int?)
    /// Categories. `numbers` is set when the sample column is numeric with few distinct values:
    /// then the levels are those values, ascending, written as text, and the synthetic column
    /// is numeric again.
    case categorical(levels: [String], numbers: [Double]?)
  }

  /// The column's name in the sample.
  public var name: String
  /// The model.
  public var kind: Kind

  /// The most distinct values a numeric column may hold and still be modelled as categories.
  public static let maxCategoricalNumbers = 10

  /// The most decimals a numeric column is rounded to.
  public static let maxDecimals = 6

  /// Whether the column is modelled as numbers.
  public var isNumeric: Bool {
    if case .numeric = kind { return true }
    return false
  }

  /// The number of levels (0 for a numeric column).
  public var levelCount: Int {
    if case .categorical(let levels, _) = kind { return levels.count }
    return 0
  }

  /// The model of every column of `table`, by the rule in the type's discussion.
  public static func classify(_ table: FeatureTable) -> [SynthesisColumn] {
    zip(table.names, table.columns).map { name, column in
      switch column {
      case .categorical(_, let levels):
        return SynthesisColumn(
          name: name, kind: .categorical(levels: levels, numbers: nil))
      case .numeric(let values):
        var distinct = Set<Double>()
        for v in values where !v.isNaN {
          distinct.insert(v == 0 ? 0 : v)
          if distinct.count > maxCategoricalNumbers { break }
        }
        if distinct.count > maxCategoricalNumbers {
          return SynthesisColumn(
            name: name, kind: .numeric(decimals: decimals(of: values)))
        }
        let numbers = distinct.sorted()
        return SynthesisColumn(
          name: name,
          kind: .categorical(
            levels: numbers.map(JSONWriter.format), numbers: numbers))
      }
    }
  }

  /// The most decimals any value needs, or nil when one needs more than ``maxDecimals``.
  static func decimals(of values: [Double]) -> Int? {
    var most = 0
    for v in values where !v.isNaN {
      var k = most
      while k <= maxDecimals {
        let scaled = v * power(k)
        if abs(scaled - scaled.rounded()) <= 1e-9 * Swift.max(1, abs(scaled)) {
          break
        }
        k += 1
      }
      if k > maxDecimals { return nil }
      most = k
    }
    return most
  }

  /// 10^k for small k, exactly.
  @inline(__always)
  static func power(_ k: Int) -> Double {
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }

  /// The cells of column `column` of `table` as this model reads them: numbers, or level codes
  /// (NaN when missing).
  func cells(of column: FeatureColumn) -> [Double] {
    switch (column, kind) {
    case (.numeric(let values), .numeric):
      return values
    case (.numeric(let values), .categorical(_, let numbers?)):
      return values.map { v in
        guard !v.isNaN, let code = numbers.firstIndex(of: v) else {
          return .nan
        }
        return Double(code)
      }
    case (.categorical(let codes, _), _):
      return codes.map { $0 < 0 ? .nan : Double($0) }
    default:
      return [Double](repeating: .nan, count: column.count)
    }
  }

  /// The feature column holding `cells` (one per row) as the sample held it: numbers for a
  /// numeric column or a few-valued numeric one, codes for categories.
  func featureColumn(_ cells: [Double]) -> FeatureColumn {
    switch kind {
    case .numeric:
      return .numeric(cells)
    case .categorical(_, let numbers?):
      return .numeric(cells.map { $0.isNaN ? .nan : numbers[Int($0)] })
    case .categorical(let levels, nil):
      return .categorical(
        codes: cells.map { $0.isNaN ? FeatureColumn.missingCode : Int32($0) },
        levels: levels)
    }
  }
}
