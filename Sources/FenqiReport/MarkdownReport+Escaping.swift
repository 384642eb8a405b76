extension MarkdownReport {
  /// Escapes text for inline Markdown (GitHub Flavored), so that a name renders as the text it is.
  ///
  /// - Backslash-escapes `\`, `` ` ``, `*`, `[`, `]`, `~`, `#` and `|` (a pipe would end a table
  ///   cell; every pipe of the result is preceded by a backslash), and `_` unless it sits between
  ///   two letters or digits, where it cannot start or end emphasis (`bad_debt_rate` stays as is).
  /// - Writes `<`, `>` and `&` as character references, so no tag or entity of the input survives.
  /// - Turns line breaks and other control characters into spaces: the result is one line, so a
  ///   table row stays one row.
  ///
  /// The result is meant for the middle of a line; ``paragraph(_:)`` also guards a line's start.
  public static func escape(_ s: String) -> String {
    var out = ""
    let characters = Array(s)
    for (i, ch) in characters.enumerated() {
      switch ch {
      case "\\", "`", "*", "[", "]", "~", "#", "|":
        out += "\\" + String(ch)
      case "_":
        let between =
          i > 0 && i + 1 < characters.count
          && isWordCharacter(characters[i - 1])
          && isWordCharacter(characters[i + 1])
        out += between ? "_" : "\\_"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      default:
        if ch.unicodeScalars.contains(where: {
          $0.value < 0x20 || $0 == "\u{7F}"
        }) {
          out += " "
        } else {
          out.append(ch)
        }
      }
    }
    return out
  }

  /// Escapes text for a paragraph of its own: ``escape(_:)``, without leading blanks (an indented
  /// line is code), and with a first character that would start a list, a heading or a rule
  /// (`-`, `+`, `=`, or digits and then `.` or `)`) backslash-escaped.
  public static func paragraph(_ s: String) -> String {
    var text = Substring(escape(s))
    while text.first == " " { text.removeFirst() }
    guard let first = text.first else { return "" }
    if first == "-" || first == "+" || first == "=" { return "\\" + text }
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    let rest = text.dropFirst(digits.count)
    if !digits.isEmpty, let marker = rest.first, marker == "." || marker == ")"
    {
      return digits + "\\" + rest
    }
    return String(text)
  }

  /// A Markdown table with every cell escaped (so callers pass raw names and formatted numbers):
  /// the first `textColumns` columns left-aligned, the rest right-aligned.
  ///
  /// - Precondition: every row has one cell per header column.
  static func table(
    _ header: [String], _ rows: [[String]], textColumns: Int = 1
  ) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map(escape).joined(separator: " | ") + " |\n"
    }
    var out = line(header)
    out +=
      "|" + String(repeating: "---|", count: min(textColumns, header.count))
      + String(repeating: "---:|", count: max(0, header.count - textColumns))
      + "\n"
    for r in rows {
      precondition(
        r.count == header.count,
        "Markdown row has \(r.count) cells for \(header.count) columns")
      out += line(r)
    }
    return out
  }

  private static func isWordCharacter(_ ch: Character) -> Bool {
    ch.isLetter || ch.isNumber
  }
}
