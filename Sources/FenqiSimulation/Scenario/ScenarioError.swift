import FenqiCore

/// Why a scenario cannot be used.
///
/// Its ``message`` names the file and every problem.
public enum ScenarioError: Error, Sendable, Equatable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file is not JSON.
  case notJSON(file: String, JSONParser.SyntaxError)
  /// The JSON does not describe a valid scenario; every problem found, in document order.
  case invalid(file: String, problems: [FieldProblem])

  /// The human-readable report, e.g.
  /// ```
  /// Scenarios/q4.json: 2 problems
  ///   - $.arms[1].reachRate: expected a fraction in [0, 1], found 15
  ///   - $.periods: expected an integer ≥ 1, found 0
  /// ```
  public var message: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the scenario: \(reason)"
    case .notJSON(let file, let error):
      return "\(file): not valid JSON: \(error)"
    case .invalid(let file, let problems):
      return FieldProblem.report(file: file, problems)
    }
  }

  /// The problems, for ``invalid``; empty otherwise.
  public var problems: [FieldProblem] {
    if case .invalid(_, let problems) = self { return problems }
    return []
  }
}
