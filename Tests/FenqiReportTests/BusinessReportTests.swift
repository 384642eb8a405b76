import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation
import Testing

@Suite struct BusinessReportTests {
  static func result(_ name: String, size: Int) throws -> RunResult {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(name)").path
    ).scenario
    s.population.size = size
    return SimulationEngine(scenario: s, threads: 2).run()
  }

  @Test func aBusinessRunWritesItsTablesAndReadsBackToTheSameReports() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manifest = RunManifest(
      scenarioFile: "s.json", scenarioSHA256: "abc", fenqiVersion: "t",
      startedAt: "a", finishedAt: "b", threads: 1)
    let r = try Self.result("prepaid-education.json", size: 8_000)
    let files = RunFolderWriter.files(r, manifest: manifest)
    let names = files.map(\.name)
    #expect(
      ["business.csv", "value.csv", "merchants.csv"].allSatisfy(
        names.contains))
    try RunFolderWriter.write(files, to: folder.path, force: false)
    let data = try RunData.load(folder: folder.path)
    for report in RunFolderWriter.reports(data) {
      #expect(
        report.text == files.first { $0.name == report.name }?.text,
        "\(report.name) differs")
    }
    let markdown = try #require(files.first { $0.name == "report.md" }?.text)
    #expect(markdown.contains("## Business lines and customer value"))
    #expect(markdown.contains("merchant agents"))
    let merchants = try #require(data.merchants)
    #expect(merchants.rows.count == 200)
    let business = try #require(data.business)
    // One row per month × arm × kind present (people only here).
    #expect(business.rows.count == r.scenario.periods * r.scenario.arms.count)
  }

  @Test func firmsAndPeopleGetARowEachAndTheChartsAreDrawn() throws {
    let r = try Self.result("b2b-supply-chain.json", size: 6_000)
    let (data, files) = try runData(r)
    let business = try #require(data.business)
    #expect(business.rows.count == r.scenario.periods * 2 * 2)
    let html = try #require(files["report.html"])
    #expect(html.contains("business-firm-delinquency"))
    #expect(html.contains("business-loss"))
    #expect(html.contains("business-utilisation"))
    let parsed = parseXML(html)
    #expect(parsed.ok, "\(parsed.error)")
    let value = try #require(data.value)
    // Three segments and the arm's whole population, per arm.
    #expect(value.rows.count == 2 * 4)
    #expect(value.rows.filter { value.text($0, "segment") == "all" }.count == 2)
    // Eight equipment and fifteen materials anchor suppliers.
    #expect(data.merchants?.rows.count == 23)
  }
}
