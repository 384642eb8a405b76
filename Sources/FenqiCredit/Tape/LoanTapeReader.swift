import FenqiCore
import Foundation

/// Reads loan-tape CSV files into a ``LoanTape``, checking every row.
///
/// The first line is the header: the required columns of ``LoanTapeColumn`` in any order, and
/// any number of extra columns (application attributes, scores), which are kept by name as
/// optional text (an empty cell is nil). Names are matched exactly, after trimming spaces.
///
/// Every row is checked, and reading stops after ``maxProblems`` problems:
/// - each row has as many cells as the header;
/// - numbers parse: `origination_period` an integer ≥ 0, `month_on_book` an integer ≥ 1, `term`
///   an integer in 1…60, `principal` > 0, `balance`, `paid`, `charge_off` and `recovery` ≥ 0
///   (money in yuan), `apr` a fraction in [0, 10];
/// - `dpd_bucket` and `status` are one of their names (see ``DelinquencyBucket/name`` and
///   ``LoanStatus/name``); the identifiers and names are not empty;
/// - a loan's rows are consecutive, start at month on book 1 and rise by exactly 1 (a month that
///   goes backwards, repeats or skips is named with both lines), no row follows a row whose
///   status is terminal, and `origination_period`, `term`, `principal` and `apr` are the same on
///   every row of a loan.
///
/// A loan's rows may stop while it is still open: it is then observed up to its last row.
public enum LoanTapeReader {
  /// Reading stops after this many problems, which are reported together.
  public static let maxProblems = 20

  /// Reads the tape at `path`.
  ///
  /// - Throws: ``LoanTapeError`` naming the file and every problem found.
  public static func load(path: String) throws(LoanTapeError) -> LoanTape {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    else {
      throw .unreadable(file: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(file: path, reason: "it is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "permission denied or unreadable")
    }
    return try read(bytes: [UInt8](data), file: path)
  }

  /// Reads CSV text; `file` only names it in messages.
  ///
  /// - Throws: ``LoanTapeError/invalid(file:problems:stoppedEarly:)``.
  public static func read(text: String, file: String = "tape")
    throws(LoanTapeError) -> LoanTape
  {
    try read(bytes: Array(text.utf8), file: file)
  }

  /// Reads UTF-8 CSV bytes; `file` only names it in messages.
  ///
  /// - Throws: ``LoanTapeError/invalid(file:problems:stoppedEarly:)``.
  /// - Complexity: O(bytes); names are hashed once per loan, not once per row.
  public static func read(bytes: [UInt8], file: String = "tape")
    throws(LoanTapeError) -> LoanTape
  {
    var parser = LoanTapeParser(bytes: bytes)
    parser.parse()
    guard parser.problems.isEmpty else {
      throw .invalid(
        file: file, problems: parser.problems.list,
        stoppedEarly: parser.problems.isFull)
    }
    return parser.tape
  }
}
