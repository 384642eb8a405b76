extension CSVTable {
  /// The first characters that make a spreadsheet read a cell as a formula (OWASP's list for
  /// CSV injection): `=`, `+`, `-`, `@`, a tab and a carriage return.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// Text that a spreadsheet would run as a formula, with an apostrophe in front (OWASP's rule):
  /// `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`, which Excel, LibreOffice and Sheets show as text.
  ///
  /// A plain decimal number such as `-12.5` or `-1.5e-05` is a number, not a formula, and stays
  /// as it is; so does every other text. Applying it twice changes nothing. ``restored(_:)`` is
  /// its inverse for every text except one that itself starts with an apostrophe and then one of
  /// those characters (`'=x` reads back as `=x`).
  public static func neutralised(_ s: String) -> String {
    guard let first = s.first, formulaStarts.contains(first),
      !isPlainNumber(s)
    else { return s }
    return "'" + s
  }

  /// A cell as ``neutralised(_:)`` found it: the apostrophe in front of a formula's first
  /// character removed; every other cell unchanged.
  public static func restored(_ cell: String) -> String {
    guard cell.first == "'" else { return cell }
    let rest = cell.dropFirst()
    guard let first = rest.first, formulaStarts.contains(first),
      !isPlainNumber(rest)
    else { return cell }
    return String(rest)
  }

  /// Whether `s` is a decimal number as Fenqi writes them: an optional minus, digits with an
  /// optional fraction, and an optional exponent (`-12.5`, `3`, `-1.5e-05`, `1e+20`).
  static func isPlainNumber(_ s: some StringProtocol) -> Bool {
    var bytes = Array(s.utf8)[...]
    func digits() -> Int {
      let n = bytes.prefix {
        $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")
      }
      .count
      bytes = bytes.dropFirst(n)
      return n
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    var mantissa = digits()
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      mantissa += digits()
    }
    guard mantissa > 0 else { return false }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
        bytes = bytes.dropFirst()
      }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}

extension Table {
  /// The table with every cell ``CSVTable/neutralised(_:)`` changed restored: how Fenqi reads back
  /// the CSV files it wrote for people (run folders, stress folders).
  public func restoringNeutralisedText() -> Table {
    Table(
      header: header.map(CSVTable.restored),
      rows: rows.map { $0.map(CSVTable.restored) })
  }
}
