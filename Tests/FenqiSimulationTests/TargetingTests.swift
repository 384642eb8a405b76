import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct TargetingTests {
  /// `targeting.json` shrunk: 60,000 customers, 9 months (3 of pilot), a smaller burn-in.
  static func scenario(size: Int = 60_000) throws -> Scenario {
    var s = try EngineTests.scenario("targeting.json", size: size)
    s.periods = 9
    s.riskStack?.burnInCustomers = 10_000
    return s
  }

  static func perContact(_ r: RunResult, _ name: String) throws -> Double {
    let a = try #require(r.scenario.arms.firstIndex { $0.name == name })
    let pilot = r.scenario.targeting?.pilotMonths ?? 0
    let months = r.periods.dropFirst(pilot).map { $0[a].counts.targeting }
    return months.reduce(0) { $0 + $1.incrementalBookings }
      / months.reduce(0) { $0 + $1.contacts }
  }

  /// The classic result: at the same budget, uplift targeting adds more bookings per contact
  /// than propensity targeting (which spends contacts on customers who would book anyway) —
  /// measured against the simulator's truth — and the bandit's regret against the best fixed
  /// offer falls month by month.
  @Test func upliftBeatsPropensityAndTheBanditLearns() throws {
    let r = SimulationEngine(scenario: try Self.scenario(), threads: 2).run()
    let uplift = try Self.perContact(r, "uplift")
    let propensity = try Self.perContact(r, "propensity")
    #expect(uplift > 1.05 * propensity)
    let pilot = 3
    let b = try #require(r.scenario.arms.firstIndex { $0.name == "bandit" })
    let regret = r.periods.dropFirst(pilot).map {
      $0[b].counts.targeting.regret / $0[b].counts.targeting.contacts
    }
    #expect(regret.suffix(2).reduce(0, +) / 2 < 0.6 * regret[0])
    // Every policy beats random on true incremental bookings per contact but propensity, which
    // may not; the uplift scores rank the truth better than the propensity score.
    #expect(try Self.perContact(r, "multiObjective") > uplift)
    let scores = try #require(r.targeting).uplift
    let t = try #require(scores.first { $0.name == "T-learner" })
    let prop = try #require(scores.first { $0.name == "propensity" })
    let random = try #require(scores.first { $0.name == "random" })
    #expect(t.qiniTrue > prop.qiniTrue && t.qiniTrue > random.qiniTrue)
    // The off-policy intervals hold the truth in most parts of the log.
    let ope = try #require(r.targeting).offPolicy
    #expect(ope.count == 4)
    #expect(ope.allSatisfy { $0.coverageIPS >= 0.7 && $0.coverageDR >= 0.7 })
  }

  /// Weighting the interest repaid instead of conversion moves the multi-objective policy off
  /// the interest-free offer (whose interest the lender forgoes); a heavy loss weight makes it
  /// contact fewer customers.
  @Test func multiObjectiveWeightsMoveTheOffers() throws {
    var base = try Self.scenario(size: 24_000)
    base.periods = 5
    base.arms = [base.arms[5]]
    base.arms[0].allocation = 1
    func run(_ w: ArmTargeting.Weights) -> RunResult {
      var s = base
      s.arms[0].targeting?.weights = w
      return SimulationEngine(scenario: s, threads: 2).run()
    }
    var conversion = ArmTargeting.Weights()
    conversion.repayment = 0
    conversion.orderValue = 0
    conversion.loss = 0
    var interest = conversion
    interest.conversion = 0
    interest.repayment = 10
    let a = run(conversion)
    let b = run(interest)
    // The interest-free offers, whatever their channel.
    let free = try #require(base.targeting).offers.indices.filter {
      base.targeting?.offers[$0].product.interestFreePeriods ?? 0 > 0
    }
    #expect(free.count == 2)
    let share = { (r: RunResult) -> Double in
      let t = r.periods.dropFirst(3).map { $0[0].counts.targeting }
      return t.reduce(0) { s, m in
        s + free.reduce(0) { $0 + m.offerContacts[$1] }
      }
        / t.reduce(0) { $0 + $1.contacts }
    }
    #expect(share(b) < share(a) - 0.1)
    var cautious = conversion
    cautious.loss = 200
    let c = run(cautious)
    let contacts = { (r: RunResult) in
      r.periods.dropFirst(3).reduce(0.0) {
        $0 + $1[0].counts.targeting.contacts
      }
    }
    #expect(contacts(c) < contacts(a))
  }

  @Test func targetingFieldsAreValidated() throws {
    let url = repositoryRoot.appendingPathComponent("Scenarios/targeting.json")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"policy\": \"bandit\"", with: "\"policy\": \"bandits\"")
    text = text.replacingOccurrences(
      of: "\"mainstream\": \"discount10\"",
      with: "\"mainstream\": \"discount20\"")
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: text, file: "t.json")
    }
    let problems = error?.problems.map(\.description) ?? []
    #expect(
      problems.contains {
        $0.hasPrefix("$.arms[4].targeting.policy: expected one of")
          && $0.contains("did you mean \"bandit\"")
      })
    #expect(
      problems.contains {
        $0.hasPrefix(
          "$.arms[1].targeting.ruleOffers.mainstream: expected the name of a targeting offer"
        )
      })
  }
}
