import FenqiCore

/// CSV text as the project's other tables write it: numbers in shortest round-trip form, text
/// neutralised against spreadsheet formulas (OWASP: `=`, `+`, `-`, `@`, tab, carriage return
/// get an apostrophe unless the text is a plain number) and quoted per RFC 4180.
enum CalibrationCSV {
  /// A number; empty for a missing or infinite one.
  static func cell(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "" }
    return JSONWriter.format(x)
  }

  /// A text cell.
  static func cell(_ s: String) -> String {
    var text = s
    if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil {
      text = "'" + text
    }
    guard
      text.contains(where: {
        $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
      })
    else { return text }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false).joined(
        separator: "\"\"") + "\""
  }

  /// A table: the header (as text cells), then the rows (already cells), each line ending in a
  /// line break.
  static func table(header: [String], rows: [[String]]) -> String {
    ([header.map(cell)] + rows).map { $0.joined(separator: ",") + "\n" }
      .joined()
  }
}
