/// One problem found in a JSON document: where (a JSON path such as `$.arms[1].offer.termMonths`)
/// and what was wrong (what was expected and what was found).
public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
  /// The JSON path of the offending value, from the root `$`.
  public var path: String
  /// What was expected and found, for example `expected a fraction in [0, 1], found 15`.
  public var message: String

  /// Creates a problem.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}

/// Collects every problem found while reading a document, so that all can be reported at once.
///
/// A reference type on purpose: nested ``JSONObjectReader``s share one collector. It is not
/// `Sendable`; use it on one thread.
public final class ProblemCollector {
  /// The problems in the order they were found.
  public private(set) var problems: [FieldProblem] = []
  /// When set, every reader sharing this collector records the fields it asks for (for
  /// generating a JSON Schema from the validator's reads).
  public var recorder: FieldRecorder?

  /// Creates an empty collector.
  public init() {}

  /// Records a problem.
  public func report(_ path: String, _ message: String) {
    problems.append(FieldProblem(path: path, message: message))
  }
}

extension FieldProblem {
  /// A file's problems as one report: `FILE: N problems` and one `  - path: message` line each.
  public static func report(file: String, _ problems: [FieldProblem]) -> String
  {
    let head =
      "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")"
    return ([head] + problems.map { "  - \($0)" }).joined(separator: "\n")
  }
}
