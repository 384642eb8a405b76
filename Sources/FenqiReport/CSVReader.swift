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

  /// Parses CSV text whose first line is the header.
  ///
  /// - Throws: ``Failure`` when a row has the wrong number of cells or a quote is unterminated.
  public init(csv text: String) throws(Failure) {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var line = 1
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
      if let p = pending {
        pending = nil
        return p
      }
      return iterator.next()
    }
    while let ch = next() {
      if quoted {
        if ch == "\"" {
          if let following = next() {
            if following == "\"" {
              cell.append("\"")
            } else {
              quoted = false
              pending = following
            }
          } else {
            quoted = false
          }
        } else {
          if ch == "\n" { line += 1 }
          cell.append(ch)
        }
        continue
      }
      switch ch {
      case "\"" where cell.isEmpty: quoted = true
      case ",":
        record.append(cell)
        cell = ""
      case "\n", "\r\n":
        record.append(cell)
        records.append(record)
        record = []
        cell = ""
        line += 1
      case "\r": break
      default: cell.append(ch)
      }
    }
    if quoted { throw Failure(line: line, message: "unterminated quoted cell") }
    if !cell.isEmpty || !record.isEmpty {
      record.append(cell)
      records.append(record)
    }
    guard let header = records.first else {
      throw Failure(line: 1, message: "no header line")
    }
    for (i, r) in records.enumerated() where r.count != header.count {
      throw Failure(
        line: i + 1, message: "expected \(header.count) cells, found \(r.count)"
      )
    }
    self.header = header
    self.rows = Array(records.dropFirst())
  }

  /// The index of a column, if present.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The cell of `row` in column `name` as a number (NaN when absent or not a number).
  public func number(_ row: [String], _ name: String) -> Double {
    guard let c = column(name), let v = Double(row[c]) else { return .nan }
    return v
  }

  /// The cell of `row` in column `name` as text ("" when absent).
  public func text(_ row: [String], _ name: String) -> String {
    guard let c = column(name) else { return "" }
    return row[c]
  }

  /// The rows whose column `name` equals `value`.
  public func rows(where name: String, is value: String) -> [[String]] {
    guard let c = column(name) else { return [] }
    return rows.filter { $0[c] == value }
  }
}
