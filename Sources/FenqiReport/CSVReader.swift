import FenqiCore

/// A parsed CSV table (RFC 4180: quoted cells may hold commas, quotes and line breaks).
public struct Table: Sendable, Equatable {
  /// The column names.
  public let header: [String]
  /// The rows, each with one cell per column.
  public let rows: [[String]]

  /// Why a text is not a usable table.
  public struct Failure: Error, Equatable, Sendable {
    /// 1-based line of the problem.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates a failure.
    public init(line: Int, message: String) {
      self.line = line
      self.message = message
    }
  }

  /// Parses CSV text whose first line is the header (blank lines are skipped).
  ///
  /// - Throws: ``Failure`` when a row has the wrong number of cells or a quote is unterminated.
  public init(csv text: String) throws(Failure) {
    var scanner = CSVScanner(bytes: Array(text.utf8))
    var cells: [CSVCell] = []
    var records: [[String]] = []
    do {
      while try scanner.next(into: &cells) {
        let record = cells.map { scanner.text(of: $0) }
        if let header = records.first, record.count != header.count {
          throw Failure(
            line: scanner.line,
            message: "expected \(header.count) cells, found \(record.count)")
        }
        records.append(record)
      }
    } catch let e as CSVFailure {
      throw Failure(line: e.line, message: e.message)
    } catch let e as Failure {
      throw e
    } catch {
      throw Failure(line: scanner.line, message: "\(error)")
    }
    guard let header = records.first else {
      throw Failure(line: 1, message: "no header line")
    }
    self.header = header
    self.rows = Array(records.dropFirst())
  }

  /// A table of cells parsed already (see ``restoringNeutralisedText()``).
  init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  /// The index of a column, if present.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The cell of `row` in column `name` as a number (NaN when absent, not a number, or `row`
  /// is shorter than the header, as the empty row of an empty table is).
  public func number(_ row: [String], _ name: String) -> Double {
    guard let c = column(name), c < row.count, let v = Double(row[c]) else {
      return .nan
    }
    return v
  }

  /// The cell of `row` in column `name` as text ("" when absent or `row` is too short).
  public func text(_ row: [String], _ name: String) -> String {
    guard let c = column(name), c < row.count else { return "" }
    return row[c]
  }

  /// The rows whose column `name` equals `value`.
  public func rows(where name: String, is value: String) -> [[String]] {
    guard let c = column(name) else { return [] }
    return rows.filter { $0[c] == value }
  }
}
