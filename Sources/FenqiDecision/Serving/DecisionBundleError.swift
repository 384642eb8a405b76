import FenqiCore

/// Why a decision bundle cannot be used.
public enum DecisionBundleError: Error, Sendable, Equatable,
  CustomStringConvertible
{
  /// The file cannot be read.
  case unreadable(file: String)
  /// The text is not JSON.
  case notJSON(file: String, reason: String)
  /// The JSON is not a valid bundle: every problem, with its JSON path.
  case invalid(file: String, problems: [FieldProblem])
  /// The content does not match its recorded hash (the file was edited or damaged).
  case hashMismatch(file: String, recorded: String, computed: String)

  /// The message, naming the file and each problem's JSON path.
  public var description: String {
    switch self {
    case .unreadable(let file): "\(file): cannot read the decision bundle"
    case .notJSON(let file, let reason): "\(file): not JSON: \(reason)"
    case .invalid(let file, let problems):
      FieldProblem.report(file: file, problems)
    case .hashMismatch(let file, let recorded, let computed):
      "\(file): $.contentHash: expected \(computed) (the SHA-256 of the content), found \(recorded); the bundle was changed after it was written"
    }
  }
}
