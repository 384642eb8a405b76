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

/// Validation that refuses early and precisely.
@Suite struct ValidationLimitTests {
  @Test func aTooLargePopulationIsRefusedUpFrontWithTheMemoryItNeeds() throws {
    let url = repositoryRoot.appendingPathComponent("Scenarios/double11.json")
    let text = try String(contentsOf: url, encoding: .utf8)
    let json = try JSONParser.parse(text)
    let need = MemoryPlan.estimatedBytes(
      try ScenarioLoader.decode(json, file: "double11.json"))
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.decode(
        json, file: "double11.json", availableMemory: need - 1)
    }
    let problem = try #require(error?.problems.first)
    #expect(problem.path == "$.population.size")
    #expect(problem.message.contains("customers need about"))
    #expect(problem.message.contains("customers fit"))
  }

  /// Whole-process peaks of `fenqi run … --threads 2 --quiet` at 1,000,000 customers
  /// (`/usr/bin/time -v`, maximum resident set size, the largest of 4–12 runs; README, Speed and
  /// memory), bytes a customer, for every shipped scenario.
  static let measuredPeaks: [(String, Int)] = [
    ("aa-check.json", 208), ("ab-first-period-free.json", 201),
    ("b2b-supply-chain.json", 398), ("baseline.json", 136),
    ("co-lending.json", 221), ("double11.json", 370),
    ("peer-lifecycle.json", 130), ("prepaid-education.json", 326),
    ("recession-stress.json", 295), ("reference.json", 111),
    ("risk-stack.json", 286), ("targeting.json", 1751),
  ]

  /// The estimate at 1,000,000 customers must not fall below the measured peak, nor exceed it by
  /// more than 40% (peaks of one scenario vary by up to a fifth between runs; see
  /// `MemoryPlan.margin`).
  @Test(arguments: measuredPeaks)
  func theMemoryEstimateCoversMeasuredPeaks(file: String, measured: Int) throws
  {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(file)").path
    ).scenario
    s.population.size = 1_000_000
    let estimate = Double(MemoryPlan.estimatedBytes(s)) / 1_000_000
    #expect(
      estimate >= Double(measured) && estimate <= Double(measured) * 1.4,
      "\(file): \(estimate) bytes a customer, measured \(measured)")
  }

  /// Seasoning's share of the estimate covers what a seasoned book and its burn-in cost: measured
  /// at 1,000,000 customers, the baseline peaks 24 bytes a customer above the same scenario
  /// without seasoning (135.9 against 111.5).
  @Test func theEstimateCountsASeasonedBook() throws {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/baseline.json")
        .path
    ).scenario
    let seasoned = MemoryPlan.bytesPerCustomer(s)
    s.seasoning = nil
    #expect(seasoned - MemoryPlan.bytesPerCustomer(s) >= 24)
  }

  /// Every shipped scenario has a measured peak for
  /// ``theMemoryEstimateCoversMeasuredPeaks(file:measured:)`` to check.
  @Test func everyShippedScenarioHasAMeasuredPeak() throws {
    let files = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("Scenarios").path
    ).filter {
      $0.hasSuffix(".json") && !$0.hasPrefix("calibrate-")
        && !$0.hasPrefix("optimize-") && !$0.hasSuffix(".schema.json")
    }
    #expect(files.sorted() == Self.measuredPeaks.map(\.0).sorted())
  }

  @Test func tooManySegmentsAreRefusedBeforeAnyIsDecoded() throws {
    let found = try problems(editing: "baseline.json") { json in
      var population = json["population"] as! [String: Any]
      let segment = (population["segments"] as! [Any])[0]
      population["segments"] = Array(repeating: segment, count: 10_000)
      json["population"] = population
    }
    // One problem: no duplicate-name or share complaint from 10,000 decoded segments.
    #expect(
      found == [
        "$.population.segments: expected at most 250 segments, found 10000"
      ])
  }

  @Test func aRepeatedCorrelationPairIsRefused() throws {
    let found = try problems(editing: "baseline.json") { json in
      var population = json["population"] as! [String: Any]
      var pairs = population["correlations"] as! [[String: Any]]
      var again = pairs[0]
      again["between"] = Array((again["between"] as! [String]).reversed())
      pairs.append(again)
      population["correlations"] = pairs
      json["population"] = population
    }
    #expect(
      found.contains {
        $0.contains("expected each pair of attributes once")
          && $0.contains("(first at $.population.correlations[0])")
      }, "\(found)")
  }

  @Test(arguments: [String(repeating: "x", count: 101), "", "two\nlines"])
  func namesThatCannotBeWrittenAreRefused(name: String) throws {
    let found = try problems(editing: "baseline.json") { json in
      var arms = json["arms"] as! [[String: Any]]
      arms[0]["name"] = name
      json["arms"] = arms
      json["name"] = name
    }
    #expect(
      found.contains { $0.hasPrefix("$.name: expected a name") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("$.arms[0].name: expected a name") })
  }
}
