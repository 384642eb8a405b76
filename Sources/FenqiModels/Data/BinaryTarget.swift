import FenqiCore

/// A binary target taken out of a table: labels 1 for the positive (bad) class, 0 otherwise.
public struct BinaryTarget: Sendable, Equatable {
  /// The labels, 0 or 1, one per row.
  public var labels: [Double]
  /// The text of the positive class.
  public var positive: String
  /// The text of the negative class.
  public var negative: String
  /// The table's other columns: the model inputs.
  public var features: FeatureTable

  /// Why a column cannot serve as a binary target.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
  }

  /// Splits `table` into inputs and the 0/1 labels of column `name`.
  ///
  /// A text target needs `positive` naming the positive class; a numeric target must hold two
  /// values, and without `positive` the larger one is positive (so 0/1 targets need nothing).
  /// - Throws: ``Failure`` for a missing column, a blank target cell (with its data row), or
  ///   other than two classes.
  public init(table: FeatureTable, column name: String, positive: String?)
    throws(Failure)
  {
    guard let column = table.column(named: name) else {
      var message = "the data has no column '\(name)'"
      if let hint = Suggestion.nearest(to: name, among: table.names) {
        message += "; did you mean '\(hint)'?"
      }
      throw Failure(
        description: message
          + " (columns: \(table.names.joined(separator: ", ")))")
    }
    var texts: [String]
    var classOf: [Int]
    switch column {
    case .numeric(let values):
      if let row = values.firstIndex(where: \.isNaN) {
        throw Failure(
          description: "target '\(name)' is blank in data row \(row + 1)")
      }
      let distinct = Array(Set(values)).sorted()
      texts = distinct.map(Self.text)
      let index = Dictionary(
        uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
      classOf = values.map { index[$0] ?? 0 }
    case .categorical(let codes, let levels):
      if let row = codes.firstIndex(where: { $0 < 0 }) {
        throw Failure(
          description: "target '\(name)' is blank in data row \(row + 1)")
      }
      texts = levels
      classOf = codes.map { Int($0) }
    }
    guard texts.count == 2 else {
      let shown = texts.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
      throw Failure(
        description:
          "target '\(name)' must have exactly two classes, found \(texts.count)"
          + (texts.isEmpty ? "" : ": \(shown)\(texts.count > 5 ? ", …" : "")"))
    }
    let positiveIndex: Int
    if let positive {
      guard let i = texts.firstIndex(of: positive) else {
        throw Failure(
          description:
            "--positive '\(positive)' is not a class of '\(name)' (classes: '\(texts[0])', '\(texts[1])')"
        )
      }
      positiveIndex = i
    } else if case .numeric = column {
      positiveIndex = 1
    } else {
      throw Failure(
        description:
          "target '\(name)' is text; name the positive (bad) class with --positive '\(texts[0])' or --positive '\(texts[1])'"
      )
    }
    labels = classOf.map { $0 == positiveIndex ? 1 : 0 }
    self.positive = texts[positiveIndex]
    self.negative = texts[1 - positiveIndex]
    features = table.removing(column: name)
  }

  private static func text(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }
}
