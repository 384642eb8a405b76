import FenqiCore

/// The last name cell interned, so that a name repeated on the next row is not hashed again.
struct InternedCell {
  var cell = CSVCellRange(start: -1)
  var index: Int32 = 0
}

/// The interned name tables of a tape besides the loans'.
enum NameTable: Int {
  case customer, segment, product
}

extension LoanTapeParser {
  /// The longest text quoted back in a message, in characters.
  static let quotedLength = 40

  /// A cell's text for a message: quoted and cut at ``quotedLength``, or "an empty cell".
  func found(_ cell: CSVCell) -> String {
    scanner.isBlank(cell) ? "an empty cell" : quoted(scanner.text(of: cell))
  }

  /// Text in double quotes, cut at ``quotedLength`` characters.
  func quoted(_ text: String) -> String {
    let cut =
      text.count > Self.quotedLength
      ? String(text.prefix(Self.quotedLength)) + "…" : text
    return "\"\(cut)\""
  }

  /// A required, non-empty identifier cell (reported when blank).
  mutating func name(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int, _ expectation: String
  ) -> CSVCell? {
    nonEmpty(slot, column, line, expectation)
  }

  /// The cell, unless it is blank (then reported).
  mutating func nonEmpty(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int, _ expectation: String
  ) -> CSVCell? {
    let cell = cells[slot]
    guard !scanner.isBlank(cell) else {
      problems.report(
        line: line, column: column,
        message: "expected \(expectation), found an empty cell")
      return nil
    }
    return cell
  }

  /// A number accepted by `accepts`, or nil (reported with `expectation`).
  mutating func number(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int, _ expectation: String,
    accepts: (Double) -> Bool
  ) -> Double? {
    let cell = cells[slot]
    guard let x = scanner.number(of: cell), accepts(x) else {
      problems.report(
        line: line, column: column,
        message: "expected \(expectation), found \(found(cell))")
      return nil
    }
    return x
  }

  /// An amount of money in yuan, ≥ 0 (or > 0 when `positive`).
  mutating func amount(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int, positive: Bool = false
  ) -> Double? {
    positive
      ? number(slot, column, line, "an amount in yuan > 0") { $0 > 0 }
      : number(slot, column, line, "an amount in yuan ≥ 0") { $0 >= 0 }
  }

  /// An integer in `range`.
  mutating func integer(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int,
    _ range: ClosedRange<Int32>, _ expectation: String
  ) -> Int32? {
    let x = number(slot, column, line, expectation) {
      $0 == $0.rounded() && $0 >= Double(range.lowerBound)
        && $0 <= Double(range.upperBound)
    }
    return x.map { Int32($0) }
  }

  /// The position of the cell's text (spaces trimmed) among `names`, or nil (reported with
  /// every allowed name).
  mutating func named(
    _ slot: Int, _ column: LoanTapeColumn, _ line: Int, _ names: [[UInt8]]
  ) -> Int? {
    let cell = cells[slot]
    var start = cell.start
    var end = cell.end
    let bytes = scanner.bytes
    while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
    while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    for (i, name) in names.enumerated() where name.count == end - start {
      if bytes[start..<end].elementsEqual(name) { return i }
    }
    let allowed = names.map { String(decoding: $0, as: UTF8.self) }
    problems.report(
      line: line, column: column,
      message:
        "expected one of \(allowed.joined(separator: ", ")), found \(found(cell))"
    )
    return nil
  }

  /// Whether two cells hold the same bytes with the same quoting.
  func sameBytes(_ a: CSVCellRange, _ b: CSVCellRange) -> Bool {
    guard a.quoted == b.quoted, a.end - a.start == b.end - b.start,
      a.start >= 0, b.start >= 0
    else { return false }
    let bytes = scanner.bytes
    var i = a.start
    var j = b.start
    while i < a.end {
      if bytes[i] != bytes[j] { return false }
      i += 1
      j += 1
    }
    return true
  }

  /// The index of a name cell's text, hashing it only when it differs from the last one.
  mutating func intern(_ cell: CSVCell, _ table: NameTable) -> Int32 {
    let range = CSVCellRange(
      start: cell.start, end: cell.end, quoted: cell.quoted)
    let last = lastNames[table.rawValue]
    if sameBytes(range, last.cell) { return last.index }
    let text = scanner.text(of: cell)
    let index: Int32
    switch table {
    case .customer: index = tape.internCustomer(text)
    case .segment: index = tape.internSegment(text)
    case .product: index = tape.internProduct(text)
    }
    lastNames[table.rawValue] = InternedCell(cell: range, index: index)
    return index
  }
}
