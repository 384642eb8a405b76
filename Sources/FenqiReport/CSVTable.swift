import FenqiCore

/// A CSV table built row by row with a fixed header; numbers in their shortest round-trip form so
/// the bytes are the same on every run.
public struct CSVTable: Sendable {
  /// The column names.
  public let header: [String]
  /// The rows appended so far, as cells.
  public private(set) var rows: [[String]] = []

  /// Creates a table with the given columns.
  public init(header: [String]) { self.header = header }

  /// A CSV cell: a number in shortest round-trip form.
  public static func cell(_ x: Double) -> String {
    x.isFinite ? JSONWriter.format(x) : ""
  }

  /// A CSV cell: text, ``neutralised(_:)`` against spreadsheet formulas, then quoted when it
  /// holds a comma, a quote or a line break (RFC 4180).
  ///
  /// Idempotent on cells Fenqi wrote, so a cell read back and written again keeps its bytes.
  public static func cell(_ s: String) -> String {
    let text = neutralised(s)
    guard
      text.contains(where: {
        $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
      })
    else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Appends a row of already formatted cells.
  public mutating func append(_ cells: [String]) {
    precondition(
      cells.count == header.count,
      "CSV row has \(cells.count) cells for \(header.count) columns")
    rows.append(cells)
  }

  /// The whole table, header first (its names made cells like any text), each line ending in a
  /// newline.
  public var text: String {
    ([header.map(Self.cell)] + rows).map { $0.joined(separator: ",") + "\n" }
      .joined()
  }
}

extension String {
  fileprivate func replacingOccurrences(
    of target: String, with replacement: String
  ) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false)
      .joined(separator: replacement)
  }
}
