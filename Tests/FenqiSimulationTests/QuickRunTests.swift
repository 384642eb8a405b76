import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

/// The quick run behind `fenqi validate`'s warnings: each degenerate outcome is found on a
/// scenario built to have it, and a sound scenario raises none.
@Suite struct QuickRunTests {
  /// The promotion template (two generic arms, a seasoned book) at `size` customers, edited.
  static func promotion(
    size: Int = 3_000, _ edit: (inout [String: Any]) -> Void = { _ in }
  ) throws -> Scenario {
    try edited(.promotionAB, size: size, edit)
  }

  /// A template at `size` customers with `edit` applied to its JSON, validated.
  static func edited(
    _ template: ScenarioTemplate, size: Int,
    _ edit: (inout [String: Any]) -> Void
  ) throws -> Scenario {
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(template.text.utf8))
        as? [String: Any])
    var population = try #require(json["population"] as? [String: Any])
    population["size"] = size
    json["population"] = population
    edit(&json)
    let data = try JSONSerialization.data(withJSONObject: json)
    return try ScenarioLoader.parse(
      text: String(decoding: data, as: UTF8.self), file: "edited.json")
  }

  /// Applies `edit` to arm `index`.
  static func editArm(
    _ json: inout [String: Any], _ index: Int,
    _ edit: (inout [String: Any]) -> Void
  ) {
    guard var arms = json["arms"] as? [[String: Any]] else { return }
    edit(&arms[index])
    json["arms"] = arms
  }

  @Test func aSoundScenarioRaisesNoWarning() throws {
    #expect(QuickRun.warnings(try Self.promotion()) == [])
  }

  @Test func anArmAtAllocationZeroIsUnassigned() throws {
    let s = try Self.promotion {
      Self.editArm(&$0, 0) { $0["allocation"] = 1.0 }
      Self.editArm(&$0, 1) { $0["allocation"] = 0.0 }
      $0["experiment"] = nil
    }
    #expect(QuickRun.warnings(s) == [.unallocatedArm(arm: "interestFree3")])
  }

  @Test func anArmNoCustomerLandsInIsEmpty() throws {
    let s = try Self.promotion(size: 1) { $0["experiment"] = nil }
    let warnings = QuickRun.warnings(s)
    let empty = warnings.filter {
      if case .emptyArm = $0 { return true } else { return false }
    }
    #expect(empty.count == 1, "\(warnings)")
  }

  @Test func anArmThatApprovesNobodyBooksNothing() throws {
    let s = try Self.promotion {
      Self.editArm(&$0, 1) { $0["approval"] = ["minimumCreditScore": 1000] }
    }
    #expect(QuickRun.warnings(s) == [.noBookings(arm: "interestFree3")])
  }

  @Test func aSmallArmIsNotJudgedOnWhatTheQuickRunCannotTell() throws {
    // 0.001% of 200,000 customers is 2, but a twentieth of a customer of the quick run's 5,000:
    // neither its emptiness nor its lack of bookings says anything about the scenario.
    let s = try Self.promotion(size: 200_000) {
      Self.editArm(&$0, 0) { $0["allocation"] = 0.99999 }
      Self.editArm(&$0, 1) {
        $0["allocation"] = 0.00001
        $0["approval"] = ["minimumCreditScore": 1000]
      }
      $0["experiment"] = nil
    }
    #expect(QuickRun.warnings(s) == [])
    // Alone at its full size the arm is empty, and the warning says so.
    var tiny = s
    tiny.population.size = 5_000
    #expect(QuickRun.warnings(tiny) == [.emptyArm(arm: "interestFree3")])
  }

  @Test func aHoldoutAtReachZeroIsNotWarnedAbout() throws {
    let s = try Self.promotion {
      Self.editArm(&$0, 1) { $0["reachRate"] = 0.0 }
    }
    #expect(QuickRun.warnings(s) == [])
  }

  @Test func aChannelArmThatContactsNobodyIsFound() throws {
    let s = try Self.edited(.seasonalCampaign, size: 3_000) { json in
      Self.editArm(&json, 1) { arm in
        let silent = ["appPush": 0.0, "feed": 0.0, "smsPhone": 0.0]
        arm["channels"] = silent
        if var campaign = arm["campaign"] as? [String: Any] {
          campaign["channels"] = silent
          arm["campaign"] = campaign
        }
      }
    }
    #expect(QuickRun.warnings(s) == [.neverContacted(arm: "festival618")])
  }

  @Test func aRunTooShortForChargeOffsLosesNothingAndSaysWhy() throws {
    let s = try Self.promotion {
      $0["seasoning"] = nil
      $0["periods"] = 3
      $0["experiment"] = nil
    }
    #expect(
      QuickRun.warnings(s) == [
        .noCreditLosses(chargeOffDaysPastDue: 120, shortWindow: true)
      ])
    #expect(
      QuickRun.warnings(s)[0].message.contains("\"runOff\": \"matured\""))
  }

  @Test func anArmWhoseLoansNeverRollLosesNothingBesideOnesThatDo() throws {
    let s = try Self.promotion(size: 5_000) {
      Self.editArm(&$0, 1) {
        $0["collections"] = ["rollShift": -10.0, "cureShift": 10.0]
      }
      for a in 0..<2 { Self.editArm(&$0, a) { $0["reachRate"] = 1.0 } }
      $0["periods"] = 12
      $0["experiment"] = nil
    }
    let warnings = QuickRun.warnings(s)
    guard case .noLossesInArm(let arm, let loans, let expected) = warnings.first
    else {
      Issue.record("expected a no-losses warning, found \(warnings)")
      return
    }
    #expect(warnings.count == 1 && arm == "interestFree3")
    #expect(loans > 0 && expected >= QuickRun.expectedCountToWarn)
  }

  @Test func theQuickRunCutsOnlyThePopulation() throws {
    let s = try Self.promotion(size: 12_000)
    let small = QuickRun.scenario(s)
    #expect(small.population.size == QuickRun.customers)
    #expect(small.seed == s.seed && small.periods == s.periods)
    #expect(small.arms == s.arms)
    #expect(QuickRun.scenario(s, customers: 50_000).population.size == 12_000)
  }

  @Test func messagesNameTheArm() {
    let cases: [(ScenarioWarning, String)] = [
      (.unallocatedArm(arm: "b"), "arm \"b\" has allocation 0"),
      (.emptyArm(arm: "b"), "arm \"b\" got no customers"),
      (.neverContacted(arm: "b"), "arm \"b\" contacted nobody"),
      (.noBookings(arm: "b"), "arm \"b\" booked no loans"),
      (
        .noLossesInArm(arm: "b", loans: 300, expected: 12.34),
        "arm \"b\" lost nothing on 300 loans, where the other arms' loss rate predicts 12.3 charge-offs"
      ),
    ]
    for (warning, text) in cases {
      #expect(warning.message.hasPrefix(text), "\(warning.message)")
    }
    let long = ScenarioWarning.noCreditLosses(
      chargeOffDaysPastDue: 180, shortWindow: false)
    #expect(!long.message.contains("runOff"))
  }
}
