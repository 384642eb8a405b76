import FenqiCore

/// Why a sample cannot be synthesised or evaluated: an argument out of range, a column that is
/// not there or not binary, or a sample too small to give rows that copy none of its own.
///
/// The cases carry the values; ``description`` words them (naming the option or the column and
/// what was expected), so a command prints it as is.
public enum SynthesisFailure: Error, Equatable, Sendable,
  CustomStringConvertible
{
  /// The sample has no data rows.
  case emptySample
  /// A row count that is not positive (the option that gave it, and the value).
  case rowCount(option: String, found: Int)
  /// A column named by an option (`--by`, `--target`) that the sample lacks.
  case unknownColumn(option: String, name: String, columns: [String])
  /// The `--by` column has more distinct values than ``CopulaSynthesizer/maxSegments``.
  case tooManySegments(column: String, found: Int)
  /// The `--by` column is numeric with more than ``SynthesisColumn/maxCategoricalNumbers``
  /// distinct values.
  case numericSegmentColumn(column: String)
  /// A target column that does not hold exactly two classes, or has blank cells.
  case target(String)
  /// A level order given for a column that lacks those levels or misses some.
  case levelOrder(column: String, message: String)
  /// Synthetic row `row` (0-based) copied a sample row on every one of `attempts` draws.
  case copies(row: Int, attempts: Int)
  /// A model could not be trained for the train-on-synthetic evaluation.
  case training(String)

  /// The message, naming the option or column and what was expected.
  public var description: String {
    switch self {
    case .emptySample:
      return "the sample has a header but no data rows"
    case .rowCount(let option, let found):
      return "'\(option)' expects a positive integer, found \(found)"
    case .unknownColumn(let option, let name, let columns):
      var message = "'\(option)': the sample has no column '\(name)'"
      if let hint = Suggestion.nearest(to: name, among: columns) {
        message += "; did you mean '\(hint)'?"
      }
      return message + " (columns: \(columns.joined(separator: ", ")))"
    case .tooManySegments(let column, let found):
      return
        "'--by \(column)': expected a column with at most \(CopulaSynthesizer.maxSegments) distinct values, found \(found)"
    case .numericSegmentColumn(let column):
      return
        "'--by \(column)': expected a categorical column or one with at most \(SynthesisColumn.maxCategoricalNumbers) distinct numbers, found a numeric column with more"
    case .target(let message):
      return message
    case .levelOrder(let column, let message):
      return "column '\(column)': \(message)"
    case .copies(let row, let attempts):
      return
        "synthetic row \(row + 1) copied a sample row on all \(attempts) draws: the sample has too few distinct rows to synthesise new ones"
    case .training(let message):
      return "train-on-synthetic evaluation: \(message)"
    }
  }
}
