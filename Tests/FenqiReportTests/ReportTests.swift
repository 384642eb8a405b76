import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func smallResult(name: String? = nil, threads: Int = 2) throws -> RunResult {
  var s = try ScenarioLoader.load(
    path: repositoryRoot.appendingPathComponent("Scenarios/baseline.json").path
  ).scenario
  s.population.size = 5_000
  if let name {
    s.name = name
    s.arms[0].name = name
  }
  return SimulationEngine(scenario: s, threads: threads).run()
}

func temporaryFolder() -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent(
    "fenqi-report-tests-\(UUID().uuidString)")
}

@Suite struct ReportTests {
  @Test func csvCellsAreQuotedOnlyWhenNeeded() {
    #expect(CSVTable.cell("plain") == "plain")
    #expect(CSVTable.cell("a,b") == "\"a,b\"")
    #expect(CSVTable.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVTable.cell(0.25) == "0.25" && CSVTable.cell(3) == "3")
  }

  @Test func tablesHaveOneRowPerArmAndPeriodAndTheDocumentedColumns() throws {
    let r = try smallResult()
    let periods = ResultTables.periods(r).text.split(separator: "\n")
    #expect(periods.count == 1 + r.scenario.periods * r.arms.count)
    #expect(
      periods[0].hasPrefix(
        "period,calendar_month,arm,customers,reached,needs,applications"))
    let arms = ResultTables.arms(r).text.split(separator: "\n")
    #expect(arms.count == 1 + r.arms.count)
    #expect(
      arms[0].contains(
        "conversion,approval_rate,average_order_value,repayment_rate,dpd30_plus_rate"
      ))
    let summary = try JSONParser.parse(JSONWriter.text(ResultTables.summary(r)))
    #expect(summary["scenario"] == .string("baseline"))
    guard case .array(let armList) = summary["arms"] ?? .null else {
      Issue.record("no arms")
      return
    }
    #expect(armList.count == 2)
    #expect(armList[1]["conversion"] == .number(r.arms[1].conversion))
  }

  @Test func scenarioTextIsEscapedInTheMarkdownReport() throws {
    let (data, _) = try runData(
      try smallResult(name: "<script>alert(1)</script>|x"))
    let text = MarkdownReport.text(data)
    #expect(!text.contains("<script>"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x"))
  }

  @Test(arguments: [
    ("bad_debt_rate", "bad_debt_rate"), ("_e_", "\\_e\\_"),
    ("a *b*", "a \\*b\\*"),
    ("a\\|b", "a\\\\\\|b"), ("`x`", "\\`x\\`"), ("[x](y)", "\\[x\\](y)"),
    ("x\ny\r\tz", "x y  z"), ("a & <b>", "a &amp; &lt;b&gt;"),
    ("~x~ #1", "\\~x\\~ \\#1"),
  ])
  func markdownEscapesEveryMarkOfANameAndKeepsItOnOneLine(
    name: String, escaped: String
  ) {
    #expect(MarkdownReport.escape(name) == escaped)
  }

  @Test(arguments: [
    ("- x", "\\- x"), ("+ x", "\\+ x"), ("=== x", "\\=== x"),
    ("12. x", "12\\. x"),
    ("3) x", "3\\) x"), ("   # x", "\\# x"), ("plain - text", "plain - text"),
    ("12 x", "12 x"),
  ])
  func aParagraphCannotStartAListAHeadingOrARule(text: String, escaped: String)
  {
    #expect(MarkdownReport.paragraph(text) == escaped)
  }

  @Test func filesAreByteIdenticalAcrossThreadCounts() throws {
    let manifest = RunManifest(
      scenarioFile: "s.json", scenarioSHA256: "x", fenqiVersion: "t",
      startedAt: "a", finishedAt: "b", threads: 1)
    let one = RunFolderWriter.files(
      try smallResult(threads: 1), manifest: manifest)
    let three = RunFolderWriter.files(
      try smallResult(threads: 3), manifest: manifest)
    #expect(
      one.map(\.name) == [
        "manifest.json", "summary.json", "periods.csv", "arms.csv",
        "segments.csv", "vintages.csv", "roll_rates.csv",
        "report.md", "report.html",
      ])
    for (a, b) in zip(one, three) where a.name != "manifest.json" {
      #expect(a.text == b.text, "\(a.name) differs")
    }
  }

  @Test func theWriterRefusesAnExistingFolderAndLeavesNothingHalfWritten()
    throws
  {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = [(name: "report.md", text: "one")]
    try RunFolderWriter.write(files, to: folder.path, force: false)
    #expect(throws: OutputError.exists(folder.path)) {
      try RunFolderWriter.write(
        [(name: "report.md", text: "two")], to: folder.path, force: false)
    }
    #expect(
      try String(
        contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        == "one")
    try RunFolderWriter.write(
      [(name: "summary.json", text: "two")], to: folder.path, force: true)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == [
        "summary.json"
      ])
    let siblings = try FileManager.default.contentsOfDirectory(
      atPath: folder.deletingLastPathComponent().path)
    #expect(
      !siblings.contains { $0.contains(folder.lastPathComponent + ".partial") })
  }

  @Test func aFailedWriteLeavesNoFolder() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A file inside "x", after "x" was written as a file, cannot be written.
    #expect(throws: OutputError.self) {
      try RunFolderWriter.write(
        [(name: "x", text: "1"), (name: "x/y.txt", text: "2")], to: folder.path,
        force: false)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path))
    let siblings = try FileManager.default.contentsOfDirectory(
      atPath: folder.deletingLastPathComponent().path)
    #expect(!siblings.contains { $0.contains(folder.lastPathComponent) })
  }
}
