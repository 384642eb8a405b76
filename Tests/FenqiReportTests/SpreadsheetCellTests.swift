import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation
import Testing

/// CSV files meant for people are opened in spreadsheets: a text cell that starts like a formula
/// gets an apostrophe (OWASP), numbers stay numbers, and Fenqi reads its names back unchanged.
@Suite struct SpreadsheetCellTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var cell: String
    var testDescription: String { "\(text.debugDescription) → \(cell)" }
  }

  static let cases: [Case] = [
    Case(text: "=1+1", cell: "'=1+1"),
    Case(text: "+cmd", cell: "'+cmd"),
    Case(text: "-x", cell: "'-x"),
    Case(text: "-", cell: "'-"),
    Case(text: "@SUM(A1)", cell: "'@SUM(A1)"),
    Case(text: "\tx", cell: "'\tx"),
    Case(text: "\rx", cell: "\"'\rx\""),
    Case(
      text: "=HYPERLINK(\"h\",\"x\")",
      cell: "\"'=HYPERLINK(\"\"h\"\",\"\"x\"\")\""),
    Case(text: "=a,b", cell: "\"'=a,b\""),
    Case(text: "-1+2", cell: "'-1+2"),
    Case(text: "-12.5", cell: "-12.5"),
    Case(text: "-3", cell: "-3"),
    Case(text: "-1.5e-05", cell: "-1.5e-05"),
    Case(text: "1e+20", cell: "1e+20"),
    Case(text: "plain", cell: "plain"),
    Case(text: "a=b", cell: "a=b"),
    Case(text: "'quoted", cell: "'quoted"),
    Case(text: "", cell: ""),
  ]

  @Test(arguments: cases) func formulaTextIsNeutralisedAndNumbersAreNot(
    _ c: Case
  ) {
    #expect(CSVTable.cell(c.text) == c.cell)
    // Written again after reading (a merge), a cell keeps its bytes.
    let read = try? Table(csv: "x\n" + c.cell + "\n").rows.first?.first
    if let read, !c.text.isEmpty {
      #expect(CSVTable.cell(read) == c.cell)
      #expect(CSVTable.restored(read) == c.text)
    }
  }

  @Test func negativeNumbersStayNumericCells() {
    for x in [-12.5, -3, -0.000015, -1e300] {
      #expect(CSVTable.cell(CSVTable.cell(x)) == CSVTable.cell(x))
      #expect(!CSVTable.cell(x).hasPrefix("'"))
    }
  }

  static let formulaNames = [
    "=HYPERLINK(\"http://example.com\",\"x\")", "+1+2", "-x", "@SUM(1)",
  ]

  /// Every text cell of every CSV in a run folder that starts like a formula carries the
  /// apostrophe; the names read back as given.
  @Test(arguments: [
    "double11.json", "prepaid-education.json", "targeting.json",
  ])
  func runFolderCSVsAreSafeToOpenAndReadBack(file: String) throws {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(file)").path
    ).scenario
    s.population.size = 1_500
    for i in s.arms.indices {
      s.arms[i].name = Self.formulaNames[i % Self.formulaNames.count] + "\(i)"
    }
    for i in s.population.segments.indices {
      s.population.segments[i].name = "\t=seg\(i)"
    }
    for i in s.channels.indices { s.channels[i].name = "@channel\(i)" }
    for i in s.business?.categories.indices ?? 0..<0 {
      s.business?.categories[i].name = "-category\(i)"
    }
    for i in s.targeting?.offers.indices ?? 0..<0 {
      s.targeting?.offers[i].name = "+offer\(i)"
    }
    let (data, files) = try runData(
      SimulationEngine(scenario: s, threads: 2).run())
    var negativeNumbers = 0
    for (name, text) in files where name.hasSuffix(".csv") {
      let table = try Table(csv: text)
      for row in table.rows {
        for cell in row {
          guard let first = cell.first, "=+-@\t\r".contains(first) else {
            continue
          }
          #expect(Double(cell) != nil, "\(name): an unneutralised cell \(cell)")
          negativeNumbers += 1
        }
      }
    }
    #expect(negativeNumbers > 0, "no negative number to check")
    #expect(data.armNames == s.arms.map(\.name))
    #expect(
      Set(data.segments.rows.map { data.segments.text($0, "segment") })
        == Set(s.population.segments.map(\.name)))
    if let channels = data.channels {
      // Besides the scenario's channels, referrals appear as a channel of their own.
      #expect(
        Set(channels.rows.map { channels.text($0, "channel") })
          .isSuperset(of: s.channels.map(\.name)))
    }
    // The reports drawn from the folder show the names, not the apostrophes.
    let markdown = try #require(files["report.md"])
    #expect(markdown.contains("| +1+21 |") || markdown.contains(" +1+21 "))
    #expect(!markdown.contains("'+1+2"))
  }
}
