import FenqiCore
import FenqiMarketing
import FenqiRisk
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct MarketingEngineTests {
  static func double11(size: Int = 40_000) throws -> Scenario {
    try EngineTests.scenario("double11.json", size: size)
  }

  /// Steps every chunk through every period, calling `check` after each period.
  static func stepThrough(
    _ s: Scenario, check: (Int, [ChunkState], EngineTables) throws -> Void
  ) rethrows {
    let engine = SimulationEngine(scenario: s, threads: 1)
    let prepared = engine.prepare()
    var chunks = prepared.chunks
    let tables = prepared.tables
    for period in 1...s.periods {
      let need = tables.needProbabilities(period: period)
      for c in chunks.indices {
        chunks[c].step(period: period, tables: tables, needProbability: need)
      }
      try check(period, chunks, tables)
    }
  }

  @Test func frequencyCapsAreNeverExceeded() throws {
    var s = try Self.double11()
    // Heavy contact so that the caps bind.
    for a in s.arms.indices {
      s.arms[a].marketing?.channelIntensity = s.channels.map { _ in 0.9 }
    }
    var capped = 0
    try Self.stepThrough(s) { _, chunks, tables in
      for chunk in chunks {
        let m = try #require(chunk.marketing)
        for i in 0..<chunk.customers.count {
          for (c, channel) in tables.marketing.channels.enumerated() {
            guard let cap = channel.frequencyCap else { continue }
            let inWindow = (m.history[i * m.channelCount + c] & cap.windowMask)
              .nonzeroBitCount
            #expect(inWindow <= cap.contacts)
            if inWindow == cap.contacts { capped += 1 }
          }
        }
      }
    }
    #expect(capped > 0)
  }

  @Test func channelCapacitiesAreRespected() throws {
    var s = try Self.double11()
    // Capacities small enough to bind at this population size.
    for c in s.channels.indices where s.channels[c].capacityPerPeriod != nil {
      s.channels[c].capacityPerPeriod = 1_500 + 1_000 * c
    }
    let result = SimulationEngine(scenario: s, threads: 2).run()
    var binding = 0
    for row in result.periods {
      for (c, channel) in s.channels.enumerated() {
        guard let capacity = channel.capacityPerPeriod else { continue }
        let contacted = row.reduce(0) {
          $0 + $1.counts.marketing.channels[c].contacted
        }
        let targeted = row.reduce(0) {
          $0 + $1.counts.marketing.channels[c].reached
        }
        // The capacity is for the whole population; shares are split over chunks.
        let scaled = Double(capacity)
        #expect(contacted <= scaled)
        if targeted > scaled {
          binding += 1
          #expect(contacted == scaled)
        }
      }
    }
    #expect(binding > 0)
  }

  @Test func referralsOnlyReachGraphNeighboursInTheSameArm() throws {
    let s = try Self.double11()
    var invitations = 0
    try Self.stepThrough(s) { _, chunks, _ in
      for chunk in chunks {
        let m = try #require(chunk.marketing)
        let graph = try #require(m.graph)
        for j in 0..<chunk.customers.count where m.invitedNow[j] >= 0 {
          let inviter = Int(m.invitedNow[j])
          let friends = graph.neighbours[
            Int(graph.offsets[inviter])..<Int(graph.offsets[inviter + 1])]
          #expect(friends.contains(Int32(j)))
          #expect(chunk.arm[inviter] == chunk.arm[j])
          invitations += 1
        }
      }
    }
    #expect(invitations > 0)
  }

  @Test func marketingRunsAreIdenticalAtAnyThreadCount() throws {
    let s = try Self.double11(size: 30_000)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let three = SimulationEngine(scenario: s, threads: 3).run()
    let monthly = SimulationEngine(scenario: s, threads: 2, progressEvery: 1)
      .run()
    #expect(one.periods == three.periods && one.arms == three.arms)
    #expect(one.periods == monthly.periods)
  }

  @Test func theDouble11CampaignShowsItsShape() throws {
    let s = try Self.double11(size: 200_000)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    func bookings(_ arm: Int, _ period: Int) -> Double {
      r.periods[period - 1][arm].counts.bookings
    }
    // Periods start in March: October = 8, November = 9, December = 10, January = 11.
    for arm in [1, 2] {
      let peak = (1...12).max { bookings(arm, $0) < bookings(arm, $1) }
      #expect(peak == 9, "arm \(arm) peaks in period \(peak ?? 0)")
      // Pull-forward: after the campaign the campaign arms book less than control.
      #expect(
        bookings(arm, 10) < bookings(0, 10)
          && bookings(arm, 11) < bookings(0, 11))
    }
    // Referral bookings only where a referral programme runs.
    let referral = s.channels.count
    let referralBookings = (0..<3).map { a in
      r.periods.reduce(0) {
        $0 + $1[a].counts.marketing.channels[referral].booked
      }
    }
    #expect(
      referralBookings[0] == 0 && referralBookings[1] == 0
        && referralBookings[2] > 0)
    // Costs broken down by kind for the promotion arm.
    let m = r.arms[2].totals.marketing
    #expect(
      m.discountCost > 0 && m.referralCost > 0 && m.pointsCost > 0
        && m.channelCost > 0)
    #expect(r.arms[1].totals.marketing.discountCost == 0)
    // Opt-out rates rise with contacts per month.
    for a in 0..<3 {
      let t = r.arms[a].totals.marketing
      let rates = (0..<4).map {
        t.optOutsByContacts[$0] / t.customersByContacts[$0]
      }
      #expect(rates[0] < rates[1] && rates[1] < rates[2], "\(rates)")
    }
  }

  @Test func aBannedChannelContactsNobodyFromItsBan() throws {
    var s = try Self.double11(size: 20_000)
    s.macro = MacroScenario(
      unemployment: [0.05], benchmarkRate: [0.035], confidence: [100],
      shocks: [.channelBan(channel: "smsPhone", start: 5)])
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let sms = try #require(s.channels.firstIndex { $0.name == "smsPhone" })
    for (p, row) in r.periods.enumerated() {
      let contacted = row.reduce(0) {
        $0 + $1.counts.marketing.channels[sms].contacted
      }
      if p + 1 >= 5 { #expect(contacted == 0) } else { #expect(contacted > 0) }
    }
  }

  @Test func marketingProblemsAreNamedWithTheirPaths() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/double11.json"),
      encoding: .utf8)
    let broken =
      text
      .replacingOccurrences(
        of: "\"kind\": \"smsPhone\"", with: "\"kind\": \"smsPhon\""
      )
      .replacingOccurrences(of: "\"start\": 8", with: "\"start\": 13")
      .replacingOccurrences(of: "\"from\": 1,", with: "\"from\": 2,")
      .replacingOccurrences(of: "\"risky\"\n", with: "\"risk\"\n")
      .replacingOccurrences(of: "\"appPush\": 0.7", with: "\"appPsh\": 0.7")
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: broken, file: "d.json")
    }
    let messages = error?.problems.map(\.description) ?? []
    let expected = [
      "$.channels[3].kind: expected one of \"appPush\", \"miniProgram\", \"socialFeed\", \"smsPhone\", \"offlineStore\", \"partnerBank\", \"ecommercePartner\", found \"smsPhon\"; did you mean \"smsPhone\"?",
      "$.arms[1].campaign.end: expected a period ≥ start (13), found 9",
      "$.arms[2].campaign.referral.steps[0].from: expected the first step from 1, found 2",
      "$.arms[2].segmentStrategies[2].segments[0]: expected a segment name, found \"risk\"; did you mean \"risky\"?",
      "$.arms[1].campaign.channels.appPsh: unknown field; did you mean \"appPush\"?",
    ]
    for e in expected { #expect(messages.contains(e), "\(messages)") }
  }
}
