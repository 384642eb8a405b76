import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct ClusterAssignmentTests {
  func scenario(clusterSize: Int?) throws -> Scenario {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/aa-check.json")
        .path
    ).scenario
    s.experiment?.clusterSize = clusterSize
    return s
  }

  @Test func everyCommunitysCustomersShareAnArm() throws {
    let tables = EngineTables(try scenario(clusterSize: 16))
    var switches = 0
    for community in 0..<500 {
      let arms = Set(
        (0..<16).map { tables.arm(ofCustomer: community * 16 + $0) })
      #expect(arms.count == 1, "community \(community) is split across arms")
      if community > 0,
        tables.arm(ofCustomer: community * 16)
          != tables.arm(ofCustomer: community * 16 - 1)
      {
        switches += 1
      }
    }
    // Communities, not customers, are randomised: about half of neighbouring communities differ.
    #expect(switches > 150 && switches < 350)
  }

  @Test func clusteredRunsSumMetricsPerCommunity() throws {
    var s = try scenario(clusterSize: 32)
    s.population.size = 8_192
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let last = try #require(r.metricSums.last)
    // One row per community (256 of them), x = the community's size for a proportion.
    #expect(last[0].n + last[1].n == 256)
    #expect(last[0].x + last[1].x == 8_192)
    #expect(last[0].x == Double(r.arms[0].customers))
  }

  @Test func clusterSizeMustBeAPowerOfTwoAndExcludesStratification() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/aa-check.json"), encoding: .utf8)
    let bad = text.replacingOccurrences(
      of: "\"mode\": \"split\",",
      with: "\"mode\": \"split\", \"clusterSize\": 20,")
    let e1 = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: bad, file: "a.json")
    }
    #expect(
      e1?.problems.map(\.description) == [
        "$.experiment.clusterSize: expected one of 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, found 20"
      ])
    let both = text.replacingOccurrences(
      of: "\"mode\": \"split\",",
      with:
        "\"mode\": \"split\", \"clusterSize\": 16, \"stratifyBySegment\": true,"
    )
    let e2 = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: both, file: "a.json")
    }
    #expect(
      e2?.problems.map(\.description) == [
        "$.experiment.clusterSize: expected either clusterSize or stratifyBySegment, found both"
      ])
  }
}
