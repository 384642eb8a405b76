import Foundation
import Testing

@testable import fenqi

/// `fenqi report` on a run folder edited or cut short by hand: exit 2 with the file, and the
/// line or JSON path, of the problem; never a trap, and the old reports stay.
@Suite struct TamperedRunFolderTests {
  /// One way to spoil a run folder, and what the error must say.
  struct Tampering: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// The file changed (or removed).
    var file: String
    /// The file's new text from its old, nil to delete it.
    var edit: @Sendable (String) -> String?
    /// What stderr must hold after "<folder>/<file>: ".
    var message: String
  }

  /// Replaces the cell in `column` of data row `row` (1-based) of CSV `text`.
  static func cell(_ text: String, row: Int, column: String, to value: String)
    -> String
  {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    var cells = lines[row].split(
      separator: ",", omittingEmptySubsequences: false
    )
    .map(String.init)
    cells[header.firstIndex(of: column) ?? 0] = value
    lines[row] = cells.joined(separator: ",")
    return lines.joined(separator: "\n")
  }

  /// Removes data row `row` (1-based) of CSV `text`.
  static func dropping(row: Int, of text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.remove(at: row)
    return lines.joined(separator: "\n")
  }

  static let cases: [Tampering] = [
    Tampering(
      testDescription: "a required file removed", file: "arms.csv",
      edit: { _ in nil }, message: "missing; is this a fenqi run folder?"),
    Tampering(
      testDescription: "a CSV cut in the middle of a line",
      file: "periods.csv", edit: { String($0.prefix($0.count / 2)) },
      message: "line "),
    Tampering(
      testDescription: "an unterminated quote", file: "vintages.csv",
      edit: { $0 + "\"control,1\n" },
      message: "unterminated quoted cell"),
    Tampering(
      testDescription: "a row with one cell too many", file: "segments.csv",
      edit: { text in
        var lines = text.split(separator: "\n").map(String.init)
        lines[2] += ",9"
        return lines.joined(separator: "\n") + "\n"
      },
      message: "line 3: expected "),
    Tampering(
      testDescription: "text in a column of numbers", file: "arms.csv",
      edit: { cell($0, row: 1, column: "bookings", to: "abc") },
      message:
        "line 2, column bookings: expected a number like the rest of the column, found 'abc'"
    ),
    Tampering(
      testDescription: "an infinite number", file: "periods.csv",
      edit: { cell($0, row: 3, column: "gmv", to: "inf") },
      message: "line 4, column gmv: expected a finite number, found 'inf'"),
    Tampering(
      testDescription: "a month on book of 0", file: "vintages.csv",
      edit: { cell($0, row: 2, column: "months_on_book", to: "0") },
      message:
        "line 3, column months_on_book: expected a whole month in 1…600, found '0'"
    ),
    Tampering(
      testDescription: "a month that is not a number", file: "periods.csv",
      edit: { cell($0, row: 1, column: "calendar_month", to: "") },
      message:
        "line 2, column calendar_month: expected a whole month in 1…12, found ''"
    ),
    Tampering(
      testDescription: "a month's row removed", file: "periods.csv",
      edit: { dropping(row: 3, of: $0) },
      message: "expected months 1…6 (summary.json's periods) for the arm"),
    Tampering(
      testDescription: "a column the reports need removed",
      file: "vintages.csv",
      edit: { text in
        let header = text.prefix { $0 != "\n" }.split(separator: ",")
        let k = header.firstIndex(of: "months_on_book") ?? 0
        return text.split(separator: "\n").map {
          var cells = $0.split(separator: ",", omittingEmptySubsequences: false)
          cells.remove(at: k)
          return cells.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
      },
      message: "line 1: no column 'months_on_book'"),
    Tampering(
      testDescription: "an arm renamed in one file only", file: "arms.csv",
      edit: { $0.replacingOccurrences(of: "\ncontrolCopy,", with: "\nghost,") },
      message: "line 3: the arm 'controlCopy' is not in arms.csv"),
    Tampering(
      testDescription: "no arms", file: "arms.csv",
      edit: { String($0.prefix { $0 != "\n" }) + "\n" },
      message: "no arms after the header"),
    Tampering(
      testDescription: "tests.csv cut to its header", file: "tests.csv",
      edit: { String($0.prefix { $0 != "\n" }) + "\n" },
      message:
        "no tests after the header, though summary.json declares an experiment"
    ),
    Tampering(
      testDescription: "summary.json not JSON", file: "summary.json",
      edit: { String($0.dropLast(20)) }, message: "not valid JSON"),
    Tampering(
      testDescription: "summary.json an array", file: "summary.json",
      edit: { _ in "[]" }, message: "expected a JSON object"),
    Tampering(
      testDescription: "summary.json's months out of range",
      file: "summary.json",
      edit: {
        $0.replacingOccurrences(
          of: "\"periods\": 6,", with: "\"periods\": 1e308,")
      },
      message: "$.periods: expected a whole number in 1…600, found 1e+308"),
    Tampering(
      testDescription: "summary.json's seed not a number",
      file: "summary.json",
      edit: {
        $0.replacingOccurrences(
          of: #""seed": [0-9]+"#, with: #""seed": "x""#,
          options: .regularExpression)
      },
      message: "$.seed: expected a whole number in 0…9007199254740991"),
    Tampering(
      testDescription: "summary.json with a huge number",
      file: "summary.json",
      edit: {
        $0.replacingOccurrences(
          of: "\"customers\": 1200,",
          with: "\"customers\": 1200, \"x\": [1e300],")
      },
      message:
        "$.x[0]: expected a finite number of magnitude at most 1e16, found 1e+300"
    ),
  ]

  @Test(arguments: cases)
  func aTamperedRunFolderIsRefusedWithItsFileAndLine(_ t: Tampering) throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = dir.appendingPathComponent("aa.json")
    let folder = dir.appendingPathComponent("run").path
    let run = invoke(["run", scenario.path, "--out", folder, "-q"])
    try #require(run.code == .success, "\(run.err)")
    #expect(invoke(["report", folder]).code == .success)
    let report = try String(
      contentsOfFile: folder + "/report.md", encoding: .utf8)
    let file = folder + "/" + t.file
    let old = try String(contentsOfFile: file, encoding: .utf8)
    if let new = t.edit(old) {
      try #require(new != old, "the tampering changed nothing")
      try new.write(toFile: file, atomically: true, encoding: .utf8)
    } else {
      try FileManager.default.removeItem(atPath: file)
    }
    let r = invoke(["report", folder])
    #expect(r.code == .badInput)
    #expect(r.out.isEmpty)
    #expect(r.err.hasPrefix(folder + "/"), "\(r.err)")
    #expect(r.err.contains(": " + t.message), "\(r.err)")
    #expect(
      try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        == report)
  }

  /// Every shipped scenario, small.
  static let scenarios =
    (try? FileManager.default.contentsOfDirectory(
      atPath: path("Scenarios")))?.filter {
      $0.hasSuffix(".json") && !$0.hasPrefix("calibrate-")
        && !$0.hasPrefix("optimize-") && !$0.hasSuffix(".schema.json")
    }.sorted()
    ?? []

  @Test(arguments: scenarios)
  func everyShippedScenariosRunFolderReadsBackUnrefused(_ name: String) throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = try String(
      contentsOfFile: path("Scenarios/" + name), encoding: .utf8)
    // The population's size is the first "size" in every scenario.
    let size = try #require(
      text.range(of: #""size": [0-9]+"#, options: .regularExpression))
    text.replaceSubrange(size, with: #""size": 2000"#)
    let scenario = dir.appendingPathComponent(name)
    try text.write(to: scenario, atomically: true, encoding: .utf8)
    let folder = dir.appendingPathComponent("run").path
    let run = invoke(["run", scenario.path, "--out", folder, "-q"])
    try #require(run.code == .success, "\(run.err)")
    let before = try String(
      contentsOfFile: folder + "/report.html", encoding: .utf8)
    let report = invoke(["report", folder])
    #expect(report.code == .success, "\(report.err)")
    #expect(
      try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        == before)
  }
}
