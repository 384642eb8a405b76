/// Why a loan tape cannot be read or written.
///
/// Its ``message`` names the file and every problem, for example
/// ```
/// tape.csv: 2 problems
///   - line 7, column dpd_bucket: expected one of current, 1-30, 31-60, 61-90, 90+, found "30+"
///   - line 12: month on book 4 does not follow 5 on line 11 for loan "L7" (expected 6)
/// ```
public enum LoanTapeError: Error, Sendable, Equatable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file could not be written.
  case unwritable(file: String, reason: String)
  /// The text is not a valid tape: the problems found, in file order. `stoppedEarly` when
  /// reading stopped at ``LoanTapeReader/maxProblems`` and more may follow.
  case invalid(file: String, problems: [LoanTapeProblem], stoppedEarly: Bool)

  /// The human-readable report.
  public var message: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the loan tape: \(reason)"
    case .unwritable(let file, let reason):
      return "\(file): cannot write the loan tape: \(reason)"
    case .invalid(let file, let problems, let stoppedEarly):
      let count = problems.count
      let head =
        stoppedEarly
        ? "\(file): more than \(count) problems; the first \(count) (reading stopped there):"
        : "\(file): \(count) problem\(count == 1 ? "" : "s")"
      return ([head] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
  }

  /// The problems, for ``invalid(file:problems:stoppedEarly:)``; empty otherwise.
  public var problems: [LoanTapeProblem] {
    if case .invalid(_, let problems, _) = self { return problems }
    return []
  }
}
