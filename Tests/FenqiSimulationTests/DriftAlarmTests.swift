import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct DriftAlarmTests {
  /// `risk-stack.json` shrunk (all four arms), as ``RiskStackTests`` runs it.
  static func run(_ change: (inout Scenario) -> Void = { _ in }) throws
    -> RunResult
  {
    var s = try RiskStackTests.scenario(size: 60_000)
    change(&s)
    return SimulationEngine(scenario: s, threads: 2).run()
  }

  static let strict = 2

  @Test
  func theStrictArmsDriftRaisesAnAlarmInTheMonthPSICrossesTheWatchThreshold()
    throws
  {
    let r = try Self.run()
    let risk = try #require(r.risk)
    let settings = DriftSettings()
    let psi = risk.periods.map { $0[Self.strict].psi }
    let crossing = try #require(
      psi.firstIndex { !$0.isNaN && $0 >= settings.watch },
      "the strict arm's PSI never reached \(settings.watch): \(psi)")
    for (p, row) in risk.periods.enumerated() {
      let alarm = row[Self.strict].drift.alarm
      if p < crossing { #expect(alarm == .stable, "month \(p + 1)") }
      #expect(alarm == settings.level(row[Self.strict].psi), "month \(p + 1)")
    }
    #expect(risk.periods[crossing][Self.strict].drift.alarm >= .watch)
    // The approve-all arm has no model to drift.
    #expect(risk.periods.allSatisfy { $0[0].drift.alarm == .stable })
  }

  @Test func anActAlarmFreezesTheScheduledReTraining() throws {
    let configure = { (s: inout Scenario, action: DriftSettings.Action) in
      s.riskStack?.drift.watch = 0.05
      s.riskStack?.drift.act = 0.1
      s.riskStack?.drift.action = action
    }
    let watched = try Self.run { configure(&$0, .none) }
    let frozen = try Self.run { configure(&$0, .freezeRetraining) }
    let a = try #require(watched.risk)
    let b = try #require(frozen.risk)
    var held = 0
    // Up to the first frozen month the runs are the same; that month re-trains only without
    // the action.
    for (p, row) in b.periods.enumerated()
    where row[Self.strict].drift.action == "frozen" {
      #expect(!row[Self.strict].retrained)
      #expect(row[Self.strict].drift.alarm == .act)
      if held == 0 { #expect(a.periods[p][Self.strict].retrained) }
      held += 1
    }
    #expect(held > 0)
  }

  @Test func anActAlarmUnderFallBackPutsBackTheLastStableModel() throws {
    let r = try Self.run { s in
      s.riskStack?.drift.watch = 0.05
      s.riskStack?.drift.act = 0.1
      s.riskStack?.drift.action = .fallBack
    }
    let risk = try #require(r.risk)
    let fellBack = risk.periods.indices.filter {
      risk.periods[$0][Self.strict].drift.action == "fellBack"
    }
    #expect(!fellBack.isEmpty)
    for p in fellBack {
      #expect(risk.periods[p][Self.strict].drift.alarm == .act)
      #expect(!risk.periods[p][Self.strict].retrained)
    }
    // Only an arm with a model acts; the approve-all arm never does.
    #expect(risk.periods.allSatisfy { $0[0].drift.action == "none" })
  }

  @Test func aBadDriftSectionNamesItsPath() throws {
    let found = try problems(editing: "risk-stack.json") { json in
      var risk = json["riskStack"] as? [String: Any] ?? [:]
      risk["drift"] = ["watch": 0.3, "act": 0.2, "action": "panic"]
      risk["rejectInference"] = ["method": "parcel", "badRateFactor": 0]
      json["riskStack"] = risk
    }
    #expect(
      found.contains {
        $0.hasPrefix("$.riskStack.drift.action: expected one of")
      })
    #expect(
      found.contains(
        "$.riskStack.drift.act: expected a PSI above the watch threshold 0.3, found 0.2"
      ))
    #expect(
      found.contains {
        $0.hasPrefix("$.riskStack.rejectInference.method: expected one of")
      })
    #expect(
      found.contains {
        $0.hasPrefix("$.riskStack.rejectInference.badRateFactor:")
      })
  }
}
