import FenqiCore

/// Why a `moments.json` file cannot be read or written.
///
/// Its ``message`` names the file and every problem, with JSON paths:
/// ```
/// moments.json: 2 problems
///   - $.moments[3].standardError: expected a number ≥ 0, found -0.01
///   - $.moments[5].name: duplicate moment name "ever30.mob03" (first at $.moments[2])
/// ```
public enum MomentsFileError: Error, Sendable, Equatable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file could not be written.
  case unwritable(file: String, reason: String)
  /// The file is not JSON.
  case notJSON(file: String, JSONParser.SyntaxError)
  /// The JSON is not a moments file: every problem, in document order.
  case invalid(file: String, problems: [FieldProblem])

  /// The human-readable report.
  public var message: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the moments: \(reason)"
    case .unwritable(let file, let reason):
      return "\(file): cannot write the moments: \(reason)"
    case .notJSON(let file, let error):
      return "\(file): not valid JSON: \(error)"
    case .invalid(let file, let problems):
      return FieldProblem.report(file: file, problems)
    }
  }

  /// The problems, for ``invalid(file:problems:)``; empty otherwise.
  public var problems: [FieldProblem] {
    if case .invalid(_, let problems) = self { return problems }
    return []
  }
}
