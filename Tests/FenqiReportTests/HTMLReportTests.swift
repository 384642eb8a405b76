import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects every element of an XML document with its attributes.
final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var text = ""
  func parser(
    _ parser: XMLParser, didStartElement elementName: String,
    namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    elements.append((elementName, attributeDict))
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }
}

func parseXML(_ text: String) -> (
  ok: Bool, collector: ElementCollector, error: String
) {
  let parser = XMLParser(data: Data(text.utf8))
  let collector = ElementCollector()
  parser.delegate = collector
  let ok = parser.parse()
  return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
}

func runData(_ result: RunResult) throws -> (RunData, [String: String]) {
  let manifest = RunManifest(
    scenarioFile: "s.json", scenarioSHA256: "abc", fenqiVersion: "t",
    startedAt: "a", finishedAt: "b", threads: 1)
  var files: [String: String] = [:]
  for f in RunFolderWriter.files(result, manifest: manifest) {
    files[f.name] = f.text
  }
  return (try RunData(files: files), files)
}

@Suite struct HTMLReportTests {
  @Test func reportIsWellFormedAndEveryChartIsAnSVGTree() throws {
    let (_, files) = try runData(try smallResult())
    let html = try #require(files["report.html"])
    let parsed = parseXML(html)
    #expect(parsed.ok, "report.html is not well-formed: \(parsed.error)")
    let svgs = parsed.collector.elements.filter { $0.name == "svg" }
    #expect(svgs.count >= 8)
    #expect(
      svgs.allSatisfy {
        $0.attributes["xmlns"] == "http://www.w3.org/2000/svg"
          && $0.attributes["viewBox"] != nil
      })
    // Self-contained: nothing loaded from elsewhere, no script; links only within the page
    // (the table of contents).
    #expect(
      !html.contains("src=") && !html.contains("@import")
        && !html.contains("url("))
    #expect(
      html.components(separatedBy: "href=\"").dropFirst().allSatisfy {
        $0.hasPrefix("#s-")
      })
    #expect(html.contains("<nav class=\"toc\">"))
    #expect(
      !parsed.collector.elements.contains {
        $0.name == "script" || $0.name == "link" || $0.name == "img"
      })
    #expect(html.contains("@page { size: A4"))
  }

  @Test func theFunnelDrawsTheArmsTablesNumbers() throws {
    let result = try smallResult()
    let (data, files) = try runData(result)
    let elements = parseXML(try #require(files["report.html"])).collector
      .elements
    let bars = elements.filter {
      $0.name == "rect" && $0.attributes["data-category"] != nil
    }
    for arm in data.armNames {
      for (stage, column) in [
        ("reached", "reached"), ("applied", "applications"),
        ("approved", "approvals"), ("booked", "bookings"),
      ] {
        let bar = bars.first {
          $0.attributes["data-series"] == arm
            && $0.attributes["data-category"] == stage
        }
        #expect(
          bar.flatMap { Double($0.attributes["data-value"] ?? "") }
            == data.armFigure(arm, column), "\(arm) \(stage)")
      }
    }
    // The monthly bookings line carries periods.csv's bookings, month by month.
    let control = result.arms[0].name
    let monthly = result.periods.map { $0[0].counts.bookings }
    let drawn = elements.drop { $0.attributes["id"] != "monthly-bookings" }
      .prefix { $0.attributes["id"] != "monthly-gmv" }
      .filter {
        $0.attributes["data-value"] != nil && $0.attributes["data-x"] != nil
      }
      .prefix(monthly.count)
      .compactMap { Double($0.attributes["data-value"] ?? "") }
    #expect(Array(drawn) == monthly, "\(control) monthly bookings")
  }

  @Test func scenarioTextIsEscapedInHTMLAndSVG() throws {
    let hostile = "<script>alert(1)</script>"
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/baseline.json")
        .path
    ).scenario
    s.population.size = 3_000
    s.name = hostile
    s.description = "\"quoted\" & <b>bold</b>"
    s.arms[1].name = hostile + "'arm"
    s.population.segments[0].name = "<svg onload=alert(2)>"
    let (_, files) = try runData(
      SimulationEngine(scenario: s, threads: 1).run())
    for name in ["report.html", "report.md"] {
      let text = try #require(files[name])
      #expect(!text.contains("<script"), "\(name) contains a raw script tag")
      #expect(
        !text.contains("<svg onload"),
        "\(name) contains a raw svg tag from a segment name")
      #expect(!text.contains("<b>bold"))
    }
    let html = try #require(files["report.html"])
    let parsed = parseXML(html)
    #expect(parsed.ok, "\(parsed.error)")
    #expect(
      parsed.collector.text.contains(hostile), "the name should render as text")
    #expect(
      parsed.collector.elements.allSatisfy {
        $0.name != "script" && $0.attributes["onload"] == nil
      })
  }

  @Test func readingARunFolderBackGivesTheSameReports() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manifest = RunManifest(
      scenarioFile: "s.json", scenarioSHA256: "abc", fenqiVersion: "t",
      startedAt: "a", finishedAt: "b", threads: 1)
    let files = RunFolderWriter.files(try smallResult(), manifest: manifest)
    try RunFolderWriter.write(files, to: folder.path, force: false)
    let regenerated = RunFolderWriter.reports(
      try RunData.load(folder: folder.path))
    for r in regenerated {
      #expect(
        r.text == files.first { $0.name == r.name }?.text, "\(r.name) differs")
    }
  }

  @Test func aFolderWithoutRunFilesIsReportedByName() {
    #expect(throws: RunData.Failure.missingFile("/nonexistent/summary.json")) {
      try RunData.load(folder: "/nonexistent")
    }
    #expect(throws: RunData.Failure.self) {
      try RunData(
        files: ["summary.json": "{", "periods.csv": "a\n"], folder: "f")
    }
  }

  @Test func csvReaderHandlesQuotesAndRejectsRaggedRows() throws {
    let t = try Table(csv: "a,b\n\"x, \"\"y\"\"\",2\nplain,3\n")
    #expect(t.rows == [["x, \"y\"", "2"], ["plain", "3"]])
    #expect(t.number(t.rows[1], "b") == 3)
    #expect(
      throws: Table.Failure(line: 2, message: "expected 2 cells, found 3")
    ) { try Table(csv: "a,b\n1,2,3\n") }
  }

  @Test func comparisonRowsCarryDifferencesFromTheReferenceRun() throws {
    let (a, _) = try runData(try smallResult())
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/baseline.json")
        .path
    ).scenario
    s.population.size = 5_000
    s.seed = 99
    let (b, _) = try runData(SimulationEngine(scenario: s, threads: 2).run())
    let c = Comparison(runs: [("runs/one", a), ("runs/two", b)])
    #expect(c.runs.map(\.label) == ["baseline (one)", "baseline (two)"])
    let table = try Table(csv: c.table.text)
    #expect(table.rows.count == 2 * 2 * Comparison.measures.count)
    let row = try #require(
      table.rows.first {
        table.text($0, "run") == "baseline (two)"
          && table.text($0, "arm") == "control"
          && table.text($0, "metric") == "conversion"
      })
    #expect(
      table.number(row, "difference") == b.armFigure("control", "conversion")
        - a.armFigure("control", "conversion"))
    #expect(parseXML(c.html).ok)
  }
}
