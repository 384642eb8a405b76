import FenqiCore

/// Where each column of a loan-tape file is: the required columns by ``LoanTapeColumn`` and the
/// extra columns by name, in header order.
struct LoanTapeHeader {
  /// Per ``LoanTapeColumn`` (in `allCases` order): the cell index in each row.
  var required: [Int]
  /// The extra columns: cell index and name, in header order.
  var extras: [(index: Int, name: String)]
  /// The number of cells every row must have.
  var width: Int

  /// Reads the header line's cells.
  ///
  /// - Returns: the header, or the problems found (every missing column named at once, with a
  ///   "did you mean" hint from the columns present; duplicate and empty names).
  static func read(_ cells: [CSVCell], scanner: CSVScanner)
    -> Result<LoanTapeHeader, LoanTapeProblems>
  {
    var problems = LoanTapeProblems()
    let names = cells.map { trimmed(scanner.text(of: $0)) }
    var firstIndex: [String: Int] = [:]
    for (i, name) in names.enumerated() {
      if name.isEmpty {
        problems.report(
          line: 1,
          message:
            "column \(i + 1) has an empty name; every column needs a header name"
        )
      } else if let j = firstIndex[name] {
        problems.report(
          line: 1,
          message:
            "column \"\(name)\" appears twice (columns \(j + 1) and \(i + 1))")
      } else {
        firstIndex[name] = i
      }
    }
    let missing = LoanTapeColumn.allCases.filter { firstIndex[$0.name] == nil }
    if !missing.isEmpty {
      let present = names.filter { LoanTapeColumn(rawValue: $0) == nil }
      let listed = missing.map { column -> String in
        guard let hint = Suggestion.nearest(to: column.name, among: present)
        else { return column.name }
        return "\(column.name) (did you mean \"\(hint)\"?)"
      }
      problems.report(
        line: 1,
        message:
          "missing required column\(missing.count == 1 ? "" : "s"): \(listed.joined(separator: ", "))"
      )
    }
    guard problems.isEmpty else { return .failure(problems) }
    let required = LoanTapeColumn.allCases.map { firstIndex[$0.name] ?? 0 }
    let extras = names.enumerated()
      .filter { LoanTapeColumn(rawValue: $0.element) == nil }
      .map { (index: $0.offset, name: $0.element) }
    return .success(
      LoanTapeHeader(required: required, extras: extras, width: cells.count))
  }

  private static func trimmed(_ s: String) -> String {
    var t = Substring(s)
    while t.first == " " { t = t.dropFirst() }
    while t.last == " " { t = t.dropLast() }
    return String(t)
  }
}
