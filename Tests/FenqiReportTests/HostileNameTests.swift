import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation
import Testing

/// Every name a scenario supplies (its own name and description, arms, segments, channels,
/// festivals, merchant categories, firm sectors, targeting offers) reaches the reports as text:
/// no tag survives into `report.md` or `report.html`, Markdown tables keep their columns, and the
/// run folder reads back to the same names.
@Suite struct HostileNameTests {
  /// A name with a tag, Markdown's table, emphasis, code, link and heading marks, a backslash
  /// before a pipe, and a line break; `i` keeps names unique.
  static func hostile(_ i: Int) -> String {
    "<script>alert(\(i))</script> a|b *c* `d` \\| [x](y) _e_ #\nnext\(i)"
  }

  static let shippedScenarios: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.contains("schema")
        && !$0.hasPrefix("calibrate-") && !$0.hasPrefix("optimize-")
    }
    .sorted()
  }()

  /// The shipped scenario, small, with every name replaced by ``hostile(_:)``.
  ///
  /// References between names are indices once a scenario is decoded, so renaming keeps it valid.
  static func renamed(_ file: String, size: Int) throws -> Scenario {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(file)").path
    ).scenario
    s.population.size = size
    var next = 0
    func name() -> String {
      defer { next += 1 }
      return hostile(next)
    }
    s.name = name()
    s.description = "- " + name()
    for i in s.arms.indices { s.arms[i].name = name() }
    for i in s.population.segments.indices {
      s.population.segments[i].name = name()
    }
    for i in s.channels.indices { s.channels[i].name = name() }
    for i in s.calendar.events.indices { s.calendar.events[i].name = name() }
    for i in s.business?.categories.indices ?? 0..<0 {
      s.business?.categories[i].name = name()
    }
    for i in s.business?.firms?.profile.sectors.indices ?? 0..<0 {
      s.business?.firms?.profile.sectors[i].name = name()
    }
    for i in s.targeting?.offers.indices ?? 0..<0 {
      s.targeting?.offers[i].name = name()
    }
    return s
  }

  /// The cells of a Markdown table row: pipes not escaped by an odd run of backslashes split it.
  static func columnCount(_ line: Substring) -> Int {
    var count = 0
    var backslashes = 0
    for ch in line {
      if ch == "|" && backslashes % 2 == 0 { count += 1 }
      backslashes = ch == "\\" ? backslashes + 1 : 0
    }
    return count - 1
  }

  /// Every row of every Markdown table has its header's number of columns.
  static func expectTablesKeepTheirColumns(
    _ markdown: String, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var header: Int? = nil
    for line in markdown.split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      guard line.hasPrefix("|") else {
        header = nil
        continue
      }
      let n = columnCount(line)
      if let header {
        #expect(
          n == header,
          "\(context): a row with \(n) of \(header) cells: \(line)",
          sourceLocation: sourceLocation)
      } else {
        header = n
      }
    }
  }

  @Test(arguments: shippedScenarios)
  func namesReachTheReportsAsText(file: String) throws {
    let scenario = try Self.renamed(file, size: 1_500)
    let (data, files) = try runData(
      SimulationEngine(scenario: scenario, threads: 2).run())
    #expect(data.armNames == scenario.arms.map(\.name))
    #expect(data.scenarioName == scenario.name)

    let markdown = try #require(files["report.md"])
    #expect(!markdown.contains("<"), "report.md has a raw tag")
    #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!markdown.contains(" *c* "), "emphasis from a name survived")
    #expect(!markdown.contains("[x](y)"), "a link from a name survived")
    #expect(!markdown.contains("\nnext"), "a line break from a name survived")
    #expect(markdown.contains("\n\\- &lt;script&gt;"), "description as a list")
    Self.expectTablesKeepTheirColumns(markdown, file)
    let html = try #require(files["report.html"])
    let parsed = parseXML(html)
    #expect(
      parsed.ok, "\(file): report.html is not well-formed: \(parsed.error)")
    #expect(!html.contains("<script"), "report.html has a raw script tag")
    #expect(parsed.collector.elements.allSatisfy { $0.name != "script" })
    #expect(parsed.collector.text.contains(Self.hostile(1)))
    // Series names reach the charts' data attributes whole (XML reads a line break in an
    // attribute as a space).
    let seriesNames = Set(
      parsed.collector.elements.compactMap { $0.attributes["data-series"] })
    #expect(
      seriesNames.isSuperset(
        of: scenario.arms.map {
          $0.name.replacingOccurrences(of: "\n", with: " ")
        }))

    // `fenqi compare` of the run against itself.
    let comparison = Comparison(runs: [("a/run", data), ("b/run", data)])
    #expect(!comparison.markdown.contains("<"), "comparison.md has a raw tag")
    Self.expectTablesKeepTheirColumns(comparison.markdown, "comparison.md")
    let compared = parseXML(comparison.html)
    #expect(compared.ok, "comparison.html: \(compared.error)")
    #expect(compared.collector.text.contains(scenario.arms[0].name))
  }

  /// A stress folder's report and summary: arms named like formulas and tags.
  @Test func stressReportsEscapeNamesAndReadThemBack() throws {
    var s = try Self.renamed("recession-stress.json", size: 1_000)
    for i in s.arms.indices { s.arms[i].name = "=" + s.arms[i].name }
    let result = StressRunner(scenario: s, paths: 3, threads: 2).run()
    let arms = s.arms.map(\.name)
    let identity = StressTables.identity(
      scenario: s, file: "s.json", sha256: "x", paths: 3, version: "t",
      shard: nil)
    let files = try StressTables.summaryFiles(
      identity: identity,
      stress: StressTables.paths(result, arms: arms).text,
      shared: [
        ("mean_paths.csv", StressTables.meanPaths(result).text),
        ("macro.csv", StressTables.macro(s).text),
      ])
    let markdown = try #require(files.first { $0.name == "report.md" }?.text)
    let html = try #require(files.first { $0.name == "report.html" }?.text)
    for arm in arms {
      #expect(
        html.contains("<td>" + Formatting.xml(arm) + "</td>"),
        "the board table lacks \(arm)")
    }
    #expect(!markdown.contains("<"), "the stress report.md has a raw tag")
    Self.expectTablesKeepTheirColumns(markdown, "stress report.md")
    // The mean-path columns matched their arms: no "–" where a value belongs.
    #expect(!markdown.contains("– → –"))
    let summary = try Table(
      csv: try #require(files.first { $0.name == "stress_summary.csv" }?.text))
    #expect(summary.rows.allSatisfy { $0[0].hasPrefix("'=") })
    #expect(
      Set(summary.restoringNeutralisedText().rows.map { $0[0] }) == Set(arms))
  }
}
