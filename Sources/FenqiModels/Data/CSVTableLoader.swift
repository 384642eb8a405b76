import FenqiCore
import Foundation

/// Reads a CSV file with a header line into a ``FeatureTable``.
///
/// A column whose every non-blank cell is a decimal number becomes numeric; any other column
/// becomes categorical, its levels in order of first appearance. Blank cells are missing values.
public enum CSVTableLoader {
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
    var isNumeric = [Bool](repeating: true, count: width)
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
            if isNumeric[c] { numbers[c].append(.nan) }
          } else if isNumeric[c] {
            if let x = scanner.number(of: cell) {
              numbers[c].append(x)
            } else {
              isNumeric[c] = false
              numbers[c] = []
            }
          }
        }
        rows += 1
      }
    }
    guard rows > 0 else {
      throw Failure(description: "the file has a header but no data rows")
    }
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
          if scanner.isBlank(cell) {
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
}
