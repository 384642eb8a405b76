import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

/// Co-lending: the same book, its income, funding and losses split with a partner.
@Suite struct CoLendingTests {
  @Test func thePlatformsMoneyIsTheBookLessThePartnersShare() throws {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/co-lending.json")
        .path
    ).scenario
    s.population.size = 8_000
    s.experiment = nil
    // Every customer under each arm in turn: the same book, only the funding split differs.
    let engine = SimulationEngine(scenario: s, threads: 2)
    let prepared = engine.prepare()
    let runs = (0..<3).map { a in
      let forced = engine.forcing(prepared, arm: a)
      return forced.engine.run(forced.prepared)
    }
    let own = runs[0].arms[0]
    for (a, run) in runs.enumerated().dropFirst() {
      let arm = run.arms[a]
      let co = try #require(s.arms[a].coLending)
      let periods = run.periods.map { $0[a] }
      // Behaviour is untouched: the same loans, balances and losses.
      #expect(arm.totals.bookings == own.totals.bookings)
      #expect(
        arm.totals.book.chargeOffPrincipal == own.totals.book.chargeOffPrincipal
      )
      // The platform funds its own 30%; the partner earns its rate on its 70% of each month's
      // balance; the guarantee fee is the partner's 70% × 2.5% a year.
      #expect(
        abs(arm.fundingCost - 0.3 * own.fundingCost) < 1e-6 * own.fundingCost)
      let balances = periods.reduce(0) { $0 + $1.counts.book.totalBalance }
      let partner = balances * co.partnerShare * co.partnerRate / 12
      #expect(abs(arm.partnerInterest - partner) < 1e-6 * partner)
      let fee = balances * co.partnerShare * co.guaranteeFeeRate / 12
      #expect(abs(arm.guaranteeFees - fee) < 1e-6 * max(fee, 1))
      // Credit losses: all the platform's with the guarantee, 30% of them without.
      let bookLoss = periods.reduce(0) { $0 + $1.bookCreditLoss }
      let partnerLoss = co.guaranteed ? 0 : co.partnerShare * bookLoss
      #expect(abs(arm.partnerCreditLoss - partnerLoss) < 1e-6 * bookLoss)
      // Net income: the self-funded book's, plus the funding saved, less the partner's yield,
      // plus the guarantee fees and the losses the partner bears.
      let expected =
        own.netIncome + (own.fundingCost - arm.fundingCost)
        - arm.partnerInterest
        + arm.guaranteeFees + arm.partnerCreditLoss
      #expect(
        abs(arm.netIncome - expected) < 1e-6 * own.fundingCost,
        "\(s.arms[a].name): \(arm.netIncome) against \(expected)")
    }
  }

  @Test func coLendingIsValidatedWithItsPaths() throws {
    let found = try problems(editing: "co-lending.json") { json in
      var arms = json["arms"] as? [[String: Any]] ?? []
      arms[1]["coLending"] = [
        "partnerShare": 1.2, "partnerRate": 0.05, "guarantee": "maybe",
      ]
      arms[2]["coLending"] = [
        "partnerShare": 0.7, "partnerRate": 0.09, "guarantee": "none",
        "guaranteeFeeRate": 0.02,
      ]
      json["arms"] = arms
    }
    #expect(
      found.contains { $0.hasPrefix("$.arms[1].coLending.partnerShare:") },
      "\(found)")
    #expect(found.contains { $0.hasPrefix("$.arms[1].coLending.guarantee:") })
    #expect(
      found.contains(
        "$.arms[2].coLending.guaranteeFeeRate: a guarantee fee is paid for the platform's guarantee; with \"guarantee\": \"none\" the partner pays none"
      ), "\(found)")
  }
}
