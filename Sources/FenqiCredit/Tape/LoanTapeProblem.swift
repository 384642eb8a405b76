/// One problem found in a loan-tape file: where (the line, and the column when one cell is at
/// fault) and what was expected and found.
public struct LoanTapeProblem: Sendable, Equatable, CustomStringConvertible {
  /// The 1-based line; the header is line 1.
  public var line: Int
  /// The column's header name, or nil for a problem of the whole line or of the header.
  public var column: String?
  /// What was expected and found, for example
  /// `expected one of current, 1-30, 31-60, 61-90, 90+, found "30+"`.
  public var message: String

  /// Creates a problem.
  public init(line: Int, column: String? = nil, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line 7, column dpd_bucket: expected …` or `line 7: …`.
  public var description: String {
    if let column { return "line \(line), column \(column): \(message)" }
    return "line \(line): \(message)"
  }
}
