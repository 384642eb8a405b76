import FenqiCore

/// What the reports take for granted of a run folder's files, checked when a folder is read
/// from disk: a file edited or cut short by hand is refused with its name and line, instead of
/// trapping or drawing nonsense.
extension RunData {
  /// The most months a scenario runs (the validator's limit on `periods`).
  static let maxPeriods = 600

  /// Columns that hold whole months, with their ranges; the reports index by them.
  static let monthColumns: [String: ClosedRange<Int>] = [
    "period": 1...maxPeriods, "calendar_month": 1...12,
    "origin_period": 1...maxPeriods, "months_on_book": 1...maxPeriods,
  ]

  /// Columns that hold names or labels, never only numbers, whatever a name looks like (an arm
  /// may be "2024"; contact counts end in "4+").
  static let nameColumns: Set<String> = [
    "arm", "segment", "kind", "channel", "category", "policy", "score",
    "metric", "control_arm", "best_fixed_offer", "mode", "phase", "method",
    "decision", "contacts_in_month", "horizon", "item", "unit",
  ]

  /// The columns each table must have for the reports to be drawn.
  static let requiredColumns: [RunFile: [String]] = [
    .arms: ["arm"],
    .periods: ["period", "arm", "calendar_month"],
    .segments: ["arm", "segment"],
    .vintages: ["arm", "origin_period", "months_on_book"],
  ]

  /// The largest magnitude a number in `summary.json` may have: a seed is below 2^53 ≈ 9·10^15.
  static let largestSummaryNumber = 1e16

  /// The tables read, by file, in ``RunFile`` order.
  var tablesRead: [(file: RunFile, table: Table)] {
    let required: [(file: RunFile, table: Table)] = [
      (.periods, periods), (.arms, arms), (.segments, segments),
      (.vintages, vintages),
    ]
    let others = tables.sorted { $0.key.position < $1.key.position }
    return (required + others.map { (file: $0.key, table: $0.value) })
      .sorted { $0.file.position < $1.file.position }
  }

  /// Checks the files read from `folder` (their texts, by name, for line numbers).
  ///
  /// - Throws: ``Failure/malformed(file:message:)`` naming the file, and the line or JSON
  ///   path, of the first problem.
  func validate(texts: [String: String], folder: String) throws(Failure) {
    try validateSummary(folder: folder)
    for (file, table) in tablesRead {
      let path = folder + "/" + file.name
      for column in Self.requiredColumns[file] ?? []
      where table.column(column) == nil {
        throw .malformed(
          file: path, message: "line 1: no column '\(column)'")
      }
      let line = { (row: Int) in
        Self.line(ofRow: row, in: texts[file.name] ?? "")
      }
      if let problem = Self.cellProblem(table, file: file, line: line) {
        throw .malformed(file: path, message: problem)
      }
    }
    try validateArms(folder: folder, texts: texts)
    if summary["experiment"] != nil {
      let path = folder + "/" + RunFile.tests.name
      guard let tests else {
        throw .malformed(
          file: path,
          message: "missing, though summary.json declares an experiment")
      }
      guard !tests.rows.isEmpty else {
        throw .malformed(
          file: path,
          message:
            "no tests after the header, though summary.json declares an experiment"
        )
      }
    }
  }

  /// `summary.json`: an object naming the scenario, whose seed, size and months are whole
  /// numbers in range and whose every number is finite and below ``largestSummaryNumber``.
  func validateSummary(folder: String) throws(Failure) {
    let path = folder + "/" + RunFile.summary.name
    guard case .object = summary else {
      throw .malformed(file: path, message: "expected a JSON object")
    }
    guard summary["scenario"]?.stringValue != nil else {
      throw .malformed(
        file: path, message: "$.scenario: expected the scenario's name")
    }
    let wholes: [(String, ClosedRange<Double>)] = [
      ("seed", 0...9_007_199_254_740_991),
      ("customers", 0...1e12), ("periods", 1...Double(Self.maxPeriods)),
    ]
    for (key, range) in wholes {
      guard let x = summary[key]?.numberValue, range.contains(x),
        x == x.rounded()
      else {
        throw .malformed(
          file: path,
          message:
            "$.\(key): expected a whole number in \(JSONWriter.format(range.lowerBound))…\(JSONWriter.format(range.upperBound)), found \(summary[key]?.shortDescription ?? "nothing")"
        )
      }
    }
    if let (at, x) = Self.hugeNumber(in: summary, at: "$") {
      throw .malformed(
        file: path,
        message:
          "\(at): expected a finite number of magnitude at most 1e16, found \(JSONWriter.format(x))"
      )
    }
  }

  /// The first number in `value` that is not finite or too large, with its JSON path.
  static func hugeNumber(in value: JSONValue, at path: String) -> (
    String, Double
  )? {
    switch value {
    case .number(let x):
      return x.isFinite && abs(x) <= largestSummaryNumber ? nil : (path, x)
    case .array(let elements):
      for (i, e) in elements.enumerated() {
        if let found = hugeNumber(in: e, at: "\(path)[\(i)]") { return found }
      }
      return nil
    case .object(let members):
      for (key, member) in members {
        if let found = hugeNumber(in: member, at: path + "." + key) {
          return found
        }
      }
      return nil
    default: return nil
    }
  }

  /// The first bad cell of a table, as `line N, column c: …`: a month that is not a whole
  /// number in range, a number that is not finite, or text in a column of numbers.
  static func cellProblem(
    _ table: Table, file: RunFile, line: (Int) -> Int
  ) -> String? {
    for (c, name) in table.header.enumerated() {
      if let months = monthColumns[name] {
        for (r, row) in table.rows.enumerated() {
          let cell = row[c]
          // channels.csv closes each arm × channel with a total row (an empty period).
          if file == .channels && cell.isEmpty { continue }
          guard let m = Int(cell), months.contains(m) else {
            return
              "line \(line(r)), column \(name): expected a whole month in \(months.lowerBound)…\(months.upperBound), found '\(cell)'"
          }
        }
      } else if !nameColumns.contains(name) {
        var numbers = false
        var text: Int?
        for (r, row) in table.rows.enumerated() {
          let cell = row[c]
          if let x = Double(cell) {
            guard x.isFinite else {
              return
                "line \(line(r)), column \(name): expected a finite number, found '\(cell)'"
            }
            numbers = true
          } else if !["", "null", "true", "false"].contains(cell) {
            text = text ?? r
          }
          if numbers, let t = text {
            return
              "line \(line(t)), column \(name): expected a number like the rest of the column, found '\(table.rows[t][c])'"
          }
        }
      }
    }
    return nil
  }

  /// Every arm of `arms.csv` once, and in `periods.csv` every arm of `arms.csv` (and no other)
  /// with the months 1…`periods` of `summary.json`, in order.
  func validateArms(folder: String, texts: [String: String]) throws(Failure) {
    let armsPath = folder + "/" + RunFile.arms.name
    guard !arms.rows.isEmpty else {
      throw .malformed(file: armsPath, message: "no arms after the header")
    }
    let names = armNames
    for (r, name) in names.enumerated() where names[..<r].contains(name) {
      throw .malformed(
        file: armsPath,
        message:
          "line \(Self.line(ofRow: r, in: texts[RunFile.arms.name] ?? "")): the arm '\(name)' appears twice"
      )
    }
    let path = folder + "/" + RunFile.periods.name
    let months = Int(summaryNumber("periods"))
    let armColumn = periods.column("arm") ?? 0
    for (r, row) in periods.rows.enumerated()
    where !names.contains(row[armColumn]) {
      throw .malformed(
        file: path,
        message:
          "line \(Self.line(ofRow: r, in: texts[RunFile.periods.name] ?? "")): the arm '\(row[armColumn])' is not in arms.csv"
      )
    }
    for name in names {
      let found = series(name, "period").map { Int($0) }
      guard found == Array(1...months) else {
        throw .malformed(
          file: path,
          message:
            "expected months 1…\(months) (summary.json's periods) for the arm '\(name)', found \(found.count) row\(found.count == 1 ? "" : "s")\(found.isEmpty ? "" : " (months \(found.map(String.init).joined(separator: ",")))")"
        )
      }
    }
  }

  /// The 1-based line on which data row `row` (0-based, after the header) starts in `text`.
  static func line(ofRow row: Int, in text: String) -> Int {
    var scanner = CSVScanner(bytes: Array(text.utf8))
    var cells: [CSVCell] = []
    var record = 0
    while (try? scanner.next(into: &cells)) == true {
      if record == row + 1 { return scanner.line }
      record += 1
    }
    return row + 2
  }
}
