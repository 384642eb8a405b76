import FenqiReport
import Foundation
import Testing

@testable import fenqi

/// An arm may be called anything: names with commas and quotes survive every file that holds
/// them, headers included.
@Suite struct ArmNameTests {
  static let odd = "re,\"course"

  @Test func anArmNameWithACommaAndAQuoteRoundTripsThroughMerchantsCSV()
    throws
  {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = dir.appendingPathComponent("odd.json")
    let text = try String(
      contentsOfFile: path("Scenarios/prepaid-education.json"), encoding: .utf8)
    #expect(text.contains("\"name\": \"recourse\""))
    try text.replacingOccurrences(
      of: "\"size\": 200000", with: "\"size\": 2500"
    )
    .replacingOccurrences(
      of: "\"name\": \"recourse\"", with: "\"name\": \"re,\\\"course\""
    )
    .replacingOccurrences(
      of: "\"control\": \"recourse\"", with: "\"control\": \"re,\\\"course\""
    )
    .write(to: scenario, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("run").path
    let r = invoke(["run", scenario.path, "--out", out, "-q"])
    #expect(r.code == .success, "\(r.err)")
    let merchants = try Table(
      csv: String(contentsOfFile: out + "/merchants.csv", encoding: .utf8))
    for measure in ["financed", "exposure_at_failure", "disputed", "clawback"] {
      #expect(merchants.column("\(measure)_\(Self.odd)") != nil, "\(measure)")
    }
    #expect(merchants.header.count == 4 + 3 * 4)
    let data = try RunData.load(folder: out)
    #expect(data.armNames.first == Self.odd)
    #expect(invoke(["report", out]).code == .success)
  }

  @Test func anArmNameWithACommaAndAQuoteRoundTripsThroughASweep() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = dir.appendingPathComponent("odd.json")
    try String(
      contentsOf: dir.appendingPathComponent("small.json"), encoding: .utf8
    )
    .replacingOccurrences(
      of: "\"name\": \"interestFree3\"", with: "\"name\": \"re,\\\"course\""
    )
    .write(to: scenario, atomically: true, encoding: .utf8)
    let axis = "arms.\(Self.odd).offer.interestFreePeriods"
    let out = dir.appendingPathComponent("sweep").path
    let r = invoke([
      "sweep", scenario.path, "--grid", axis + "=0,3", "--out", out, "-q",
    ])
    #expect(r.code == .success, "\(r.err)")
    let sweep = try Table(
      csv: String(contentsOfFile: out + "/sweep.csv", encoding: .utf8))
    #expect(
      sweep.header == SweepFiles.header(axes: [axis]) && sweep.rows.count == 4)
    #expect(sweep.rows.map { sweep.text($0, "arm") }.contains(Self.odd))
    let pareto = try Table(
      csv: String(contentsOfFile: out + "/pareto.csv", encoding: .utf8))
    #expect(pareto.column(axis) == 1 && pareto.rows.count == 4)
  }
}
