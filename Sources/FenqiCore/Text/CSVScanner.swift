/// One cell of a CSV record: a byte range of the scanned text.
public struct CSVCell: Sendable, Equatable {
  /// The first byte of the cell's content (after an opening quote).
  public var start: Int
  /// One past the last byte of the content (before a closing quote).
  public var end: Int
  /// Whether the cell was quoted, so that doubled quotes inside need undoing.
  public var quoted: Bool
}

/// Why a text is not valid CSV.
public struct CSVFailure: Error, Equatable, Sendable {
  /// The 1-based line of the problem.
  public var line: Int
  /// What is wrong.
  public var message: String

  /// Creates a failure.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
}

/// Walks CSV text (RFC 4180) record by record without copying cells.
///
/// Quoted cells may hold commas, quotes (doubled) and line breaks; records end in LF or CRLF; a
/// UTF-8 byte-order mark is skipped. Cells are byte ranges; ``text(of:)`` and ``number(of:)`` read
/// them.
public struct CSVScanner: Sendable {
  /// The whole text as UTF-8 bytes.
  public let bytes: [UInt8]
  private var position: Int
  private var nextLine = 1
  /// The 1-based line on which the record last returned by ``next(into:)`` starts.
  public private(set) var line = 0

  /// Scans `bytes`.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    position = bytes.starts(with: bom) ? 3 : 0
  }

  /// Reads the next record's cells into `cells` (cleared first).
  ///
  /// - Returns: false at the end of the text. Blank lines are skipped.
  /// - Throws: ``CSVFailure`` for an unterminated quote or text after a closing quote.
  public mutating func next(into cells: inout [CSVCell]) throws(CSVFailure)
    -> Bool
  {
    cells.removeAll(keepingCapacity: true)
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    let n = bytes.count
    // Skip blank lines between records.
    while position < n, bytes[position] == lf || bytes[position] == cr {
      if bytes[position] == lf { nextLine += 1 }
      position += 1
    }
    if position >= n { return false }
    line = nextLine
    var p = position
    while true {
      if p < n, bytes[p] == quote {
        let start = p + 1
        p = start
        while true {
          guard p < n else {
            throw CSVFailure(line: line, message: "unterminated quoted cell")
          }
          if bytes[p] == quote {
            if p + 1 < n, bytes[p + 1] == quote {
              p += 2
              continue
            }
            break
          }
          if bytes[p] == lf { nextLine += 1 }
          p += 1
        }
        cells.append(CSVCell(start: start, end: p, quoted: true))
        p += 1
        if p < n, bytes[p] == cr { p += 1 }
        if p < n, bytes[p] != comma, bytes[p] != lf {
          throw CSVFailure(
            line: nextLine, message: "text after a closing quote")
        }
      } else {
        let start = p
        while p < n, bytes[p] != comma, bytes[p] != lf { p += 1 }
        var end = p
        if end > start, bytes[end - 1] == cr { end -= 1 }
        cells.append(CSVCell(start: start, end: end, quoted: false))
      }
      if p >= n || bytes[p] == lf {
        if p < n { nextLine += 1 }
        position = p + 1
        return true
      }
      p += 1  // past the comma
    }
  }

  /// The cell's text, with doubled quotes undone.
  public func text(of cell: CSVCell) -> String {
    let raw = String(decoding: bytes[cell.start..<cell.end], as: UTF8.self)
    return cell.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
  }

  /// Whether the cell is empty or only spaces.
  public func isBlank(_ cell: CSVCell) -> Bool {
    var p = cell.start
    while p < cell.end {
      if bytes[p] != UInt8(ascii: " ") { return false }
      p += 1
    }
    return true
  }

  /// The cell as a decimal number, or nil if it is not one (surrounding spaces allowed).
  public func number(of cell: CSVCell) -> Double? {
    var start = cell.start
    var end = cell.end
    while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
    while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    return DecimalParser.parse(bytes, start, end)
  }
}
