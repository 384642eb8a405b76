import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiSimulation

/// Scenarios that once validated and then trapped, or ran with wrong figures.
@Suite struct DefectRegressionTests {
  /// A shipped scenario edited as JSON and loaded through the validator.
  static func load(
    _ name: String, _ edit: (inout [String: Any]) -> Void
  ) throws -> Scenario {
    let url = repositoryRoot.appendingPathComponent("Scenarios/\(name)")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        as? [String: Any])
    edit(&json)
    let data = try JSONSerialization.data(withJSONObject: json)
    return try ScenarioLoader.parse(
      text: try #require(String(data: data, encoding: .utf8)), file: name)
  }

  @Test(arguments: ["campaign", "points", "segmentStrategies"])
  func marketingWithoutChannelsIsRefusedWithThePath(key: String) throws {
    let found = try problems(editing: "double11.json") { json in
      json["channels"] = nil
      var arms = json["arms"] as! [[String: Any]]
      for a in arms.indices where a != 2 {
        arms[a]["channels"] = nil
        arms[a]["campaign"] = nil
        arms[a]["points"] = nil
        arms[a]["segmentStrategies"] = nil
      }
      for other in ["channels", "campaign", "points", "segmentStrategies"]
      where other != key {
        arms[2][other] = nil
      }
      json["arms"] = arms
    }
    #expect(
      found.contains {
        $0.hasPrefix("$.arms[2].\(key)") && $0.contains("defines no channels")
      }, "\(found)")
  }

  @Test func moreChannelsThanTheStreamRegistryHoldsAreRefused() throws {
    let found = try problems(editing: "double11.json") { json in
      var channels = json["channels"] as! [[String: Any]]
      let first = channels[0]
      while channels.count <= StreamRegistry.maxChannels {
        var c = first
        c["name"] = "extra\(channels.count)"
        channels.append(c)
      }
      json["channels"] = channels
    }
    #expect(
      found.contains {
        $0.contains("expected at most \(StreamRegistry.maxChannels) channels")
      }, "\(found)")
  }

  @Test func aBurnInBookWithOneOutcomeClassRunsOnAnUninformedModel() throws {
    var s = try Self.load("risk-stack.json") { json in
      var repayment = json["repayment"] as! [String: Any]
      var miss = repayment["miss"] as! [String: Any]
      miss["intercept"] = -30
      repayment["miss"] = miss
      json["repayment"] = repayment
      var stack = json["riskStack"] as! [String: Any]
      var burnIn = stack["burnIn"] as! [String: Any]
      burnIn["customers"] = 2_000
      burnIn["months"] = 3
      stack["burnIn"] = burnIn
      var fraud = stack["fraud"] as! [String: Any]
      fraud["share"] = 0
      stack["fraud"] = fraud
      json["riskStack"] = stack
    }
    s.population.size = 2_000
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let risk = try #require(r.risk)
    #expect(risk.burnInBadRate == 0)
    #expect(risk.burnInAUC.isNaN)
    #expect(r.arms.allSatisfy { $0.totals.applications > 0 })
  }
}
