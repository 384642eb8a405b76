import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct DecisionBundleRunTests {
  static func scenario() throws -> Scenario {
    var s = try RiskStackTests.scenario(size: 12_000, periods: 7)
    s.riskStack?.burnInCustomers = 10_000
    return s
  }

  @Test func aRiskRunWritesTheSameBundleAtOneAndTwoThreads() throws {
    let s = try Self.scenario()
    let one = try #require(
      SimulationEngine(scenario: s, threads: 1).run().risk?.bundle)
    let two = try #require(
      SimulationEngine(scenario: s, threads: 2).run().risk?.bundle)
    #expect(one.text == two.text)
    #expect(one.arms.map(\.name) == s.arms.map(\.name))
    #expect(one.version.hasSuffix("-m7"))
    #expect(one.fraud?.forest != nil)
    #expect(one.features.count == LenderFeature.count)
  }

  /// The service, loaded from the run's bundle file, decides the run's applications as the
  /// run's own stack does.
  @Test func theServiceDecidesTheRunsRowsAsItsStack() throws {
    let s = try Self.scenario()
    let engine = SimulationEngine(scenario: s, threads: 2)
    let prepared = engine.prepare()
    let rows = try #require(prepared.decisionBenchmark(scenario: s)?.rows)
    let bundle = try #require(engine.run(prepared).risk?.bundle)
    let service = DecisionService(bundle: try DecisionBundle(text: bundle.text))
    typealias F = LenderFeature
    var outcomes = Set<String>()
    for a in bundle.arms.indices {
      let stack = bundle.stack(arm: a)
      let arm = bundle.arms[a]
      for r in stride(from: 0, to: rows.count, by: max(1, rows.count / 150)) {
        var row = [Double](repeating: 0, count: F.count)
        row.withUnsafeMutableBufferPointer {
          rows.row(r, into: $0.start)
        }
        func v(_ f: F) -> Double { row[f.rawValue] }
        let instalment = v(.instalmentToIncome) * max(v(.declaredIncome), 1)
        let fields: [(String, Double)] =
          [
            ("declaredIncome", v(.declaredIncome)),
            ("bureauScore", v(.bureauScore)),
            ("debtToIncome", v(.debtToIncome)),
            ("creditHistoryMonths", v(.creditHistoryMonths)),
            ("priorDelinquencies", v(.priorDelinquencies)), ("age", v(.age)),
            ("cityTier", v(.cityTier)),
            ("requestedAmount", v(.requestedAmount)),
            ("termMonths", v(.termMonths)), ("instalment", instalment),
            ("externalApplications", v(.externalApplications3m)),
            ("deviceApplicants", v(.deviceApplicants)),
            ("openLoans", v(.openLoans)),
          ]
          + [
            F.applications1m, .applications3m, .applications6m, .bookings6m,
            .bookedPrincipal6m, .contacts3m, .missedPayments3m,
            .missedPayments6m,
            .monthsSinceLastBooking, .monthsSinceLastMiss, .lineUtilisation,
            .tenureMonths,
          ].map { (F.names[$0.rawValue], v($0)) }
        // The derived columns as the simulator computes them from the form.
        row[F.instalmentToIncome.rawValue] =
          instalment / max(v(.declaredIncome), 1)
        row[F.burdenTimesTerm.rawValue] =
          row[F.instalmentToIncome.rawValue] * v(.termMonths)
        var scratch = ScoringModel.Scratch()
        let d = row.withUnsafeMutableBufferPointer {
          stack.decide(
            $0.start, balance: 0, mode: arm.mode,
            threshold: arm.threshold,
            fundingRate: arm.fundingRate, cap: arm.cap, scratch: &scratch)
        }
        let body: JSONValue = .object(
          fields.map { (key: $0.0, value: JSONValue.number($0.1)) }
            + [(key: "arm", value: .string(arm.name))])
        let reply = service.decide(body: Array(JSONWriter.compact(body).utf8))
        try #require(
          reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let out = try JSONParser.parse(
          String(decoding: reply.body, as: UTF8.self))
        #expect(out["outcome"] == .string(d.outcome.name))
        #expect(out["pd"] == .number(d.pd))
        #expect(out["apr"] == (d.apr.map { .number($0) } ?? .null))
        outcomes.insert(d.outcome.name)
      }
    }
    #expect(outcomes.count >= 2)
  }
}
