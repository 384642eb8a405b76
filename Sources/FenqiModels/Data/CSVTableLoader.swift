import FenqiCore
import Foundation

/// Reads a CSV file with a header line into a ``FeatureTable``.
///
/// Blank cells and the markers in ``missingMarkers`` (NA, NaN, NULL, …) are missing values in
/// every column. A column whose every other cell is a finite decimal number becomes numeric. A
/// column that is mostly numbers but holds some other text — "abc", "1e999", "12,5" — is
/// refused with the line, the column and the value: read as categories it would silently turn
/// an income or a balance into hundreds of levels. A column that is mostly text becomes
/// categorical, its levels in order of first appearance (number-like codes included).
public enum CSVTableLoader {
  /// Cell texts read as missing values, as pandas and R read them.
  public static let missingMarkers: Set<String> = [
    "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None",
    "#N/A",
  ]

  /// Why a file cannot be read as a table.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with the line number where there is one.
    public var description: String
  }

  /// Loads the file at `path`.
  public static func load(path: String) throws(Failure) -> FeatureTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(description: "cannot read '\(path)'")
    }
    return try parse(bytes: [UInt8](data))
  }

  /// Runs `body`, turning a scanner's failure into ours (with its line).
  private static func scanning<T>(_ body: () throws -> T) throws(Failure) -> T {
    do { return try body() } catch let failure as CSVFailure {
      throw Failure(description: "line \(failure.line): \(failure.message)")
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(description: "\(error)")
    }
  }

  /// Parses CSV bytes whose first record is the header.
  public static func parse(bytes: [UInt8]) throws(Failure) -> FeatureTable {
    var scanner = CSVScanner(bytes: bytes)
    var cells: [CSVCell] = []
    let names: [String] = try scanning {
      guard try scanner.next(into: &cells) else {
        throw Failure(description: "the file is empty")
      }
      return cells.map {
        scanner.text(of: $0).trimmingCharacters(in: .whitespaces)
      }
    }
    var seen = Set<String>()
    for name in names {
      if name.isEmpty {
        throw Failure(
          description: "line 1: the header has an empty column name")
      }
      if !seen.insert(name).inserted {
        throw Failure(description: "line 1: column '\(name)' appears twice")
      }
    }
    let width = names.count
    var numbers = [[Double]](repeating: [], count: width)
    var kinds = [ColumnKind](repeating: ColumnKind(), count: width)
    var rows = 0
    let start = scanner
    try scanning {
      while try scanner.next(into: &cells) {
        guard cells.count == width else {
          throw Failure(
            description:
              "line \(scanner.line) has \(cells.count) cells, but the header has \(width)"
          )
        }
        for c in 0..<width {
          let cell = cells[c]
          if scanner.isBlank(cell) {
            if kinds[c].isNumeric { numbers[c].append(.nan) }
          } else if let x = scanner.number(of: cell) {
            kinds[c].numbers += 1
            if kinds[c].isNumeric { numbers[c].append(x) }
          } else if isMarker(cell, scanner) {
            if kinds[c].isNumeric { numbers[c].append(.nan) }
          } else {
            if kinds[c].isNumeric {
              kinds[c].firstText = (
                scanner.line,
                scanner.text(of: cell).trimmingCharacters(in: .whitespaces)
              )
              numbers[c] = []
            }
            kinds[c].texts += 1
          }
        }
        rows += 1
      }
    }
    guard rows > 0 else {
      throw Failure(description: "the file has a header but no data rows")
    }
    for c in 0..<width where kinds[c].isMostlyNumbersWithText {
      throw Failure(description: kinds[c].refusal(column: names[c]))
    }
    let isNumeric = kinds.map(\.isNumeric)
    var columns = numbers.map { FeatureColumn.numeric($0) }
    let textColumns = (0..<width).filter { !isNumeric[$0] }
    if !textColumns.isEmpty {
      var codes = [[Int32]](repeating: [], count: width)
      var levels = [[String]](repeating: [], count: width)
      var index = [[String: Int32]](repeating: [:], count: width)
      scanner = start
      while (try? scanner.next(into: &cells)) == true {
        for c in textColumns {
          let cell = cells[c]
          if scanner.isBlank(cell) || isMarker(cell, scanner) {
            codes[c].append(FeatureColumn.missingCode)
            continue
          }
          let text = scanner.text(of: cell).trimmingCharacters(in: .whitespaces)
          if let code = index[c][text] {
            codes[c].append(code)
          } else {
            let code = Int32(levels[c].count)
            index[c][text] = code
            levels[c].append(text)
            codes[c].append(code)
          }
        }
      }
      for c in textColumns {
        columns[c] = .categorical(codes: codes[c], levels: levels[c])
      }
    }
    return FeatureTable(names: names, columns: columns, rowCount: rows)
  }

  /// Whether a cell is one of the ``missingMarkers`` (surrounding spaces allowed).
  static func isMarker(_ cell: CSVCell, _ scanner: CSVScanner) -> Bool {
    // Markers are short; skip building text for long cells.
    guard cell.end - cell.start <= 16 else { return false }
    return missingMarkers.contains(
      scanner.text(of: cell).trimmingCharacters(in: .whitespaces))
  }

  /// What one column's non-missing cells turned out to be.
  struct ColumnKind {
    var numbers = 0
    var texts = 0
    /// The first cell that is not a number: its line and text.
    var firstText: (line: Int, text: String)?

    var isNumeric: Bool { texts == 0 }

    /// Mostly numbers, yet some text: a numeric column with bad cells.
    var isMostlyNumbersWithText: Bool { texts > 0 && numbers > texts }

    func refusal(column: String) -> String {
      let (line, text) = firstText ?? (0, "")
      let others =
        texts == 1
        ? "" : " (and \(texts - 1) other cell\(texts == 2 ? "" : "s"))"
      return
        "line \(line), column '\(column)': expected a number, found '\(text)'\(others); \(numbers) of the column's cells are numbers, so it is read as numeric — fix the cell or leave it blank (blank, NA, NaN and NULL are missing values)"
    }
  }
}
