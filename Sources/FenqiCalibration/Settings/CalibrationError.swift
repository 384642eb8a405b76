import FenqiCore

/// Why a calibration file (with the scenario and moments file it names) cannot be used.
///
/// Its ``message`` names the calibration file and every problem, each at its JSON path in the
/// calibration file; problems inside the scenario or the moments file are reported at the field
/// that names them (`$.scenario`, `$.moments`) or at the parameter whose range breaks the
/// scenario (`$.parameters[1].max`).
public enum CalibrationError: Error, Sendable, Equatable {
  /// The calibration file could not be read.
  case unreadable(file: String, reason: String)
  /// The calibration file is not JSON.
  case notJSON(file: String, JSONParser.SyntaxError)
  /// The calibration file, its scenario or its moments file is not usable; every problem found.
  case invalid(file: String, problems: [FieldProblem])

  /// The human-readable report, e.g.
  /// ```
  /// calibration.json: 2 problems
  ///   - $.parameters[2].path: the scenario has no field 'repayment.roll.slope'; did you mean 'slope2'?
  ///   - $.budget: expected an integer ≥ 25 (…), found 20
  /// ```
  public var message: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the calibration file: \(reason)"
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

/// Why a calibration that started could not finish, or why a folder cannot hold it.
public struct CalibrationFailure: Error, Sendable, Equatable,
  CustomStringConvertible
{
  /// What kind of failure it is; decides the exit code.
  public enum Kind: Sendable, Equatable {
    /// The output folder or the shard folders do not fit the calibration (bad usage, exit 2).
    case folder
    /// The simulation gave nothing to fit, or the estimate does not make a valid scenario
    /// (a failed run, exit 1).
    case method
    /// The file system refused (exit 1).
    case io
  }

  /// The kind.
  public var kind: Kind
  /// What went wrong, naming the folder, file or trial.
  public var description: String

  /// Creates a failure.
  public init(_ kind: Kind, _ description: String) {
    self.kind = kind
    self.description = description
  }

  /// Whether the failure is the user's choice of folders (exit 2) rather than a failed run.
  public var isBadInput: Bool { kind == .folder }
}
