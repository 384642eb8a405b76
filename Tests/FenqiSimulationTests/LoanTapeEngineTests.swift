import FenqiCore
import FenqiCredit
import Foundation
import Testing

@testable import FenqiSimulation

/// The run's loan tape, bucket-dependent cure and roll, and collections.
@Suite struct LoanTapeEngineTests {
  /// The baseline at 20,000 customers with an empty starting book and the flat delinquency
  /// model (the same cure and roll in every bucket), edited.
  static func baseline(
    _ edit: (inout [String: Any]) -> Void = { _ in }
  ) throws -> Scenario {
    try DefectRegressionTests.load("baseline.json") { json in
      var population = json["population"] as? [String: Any] ?? [:]
      population["size"] = 20_000
      json["population"] = population
      json.removeValue(forKey: "seasoning")
      var repayment = json["repayment"] as? [String: Any] ?? [:]
      var roll = repayment["roll"] as? [String: Any] ?? [:]
      roll.removeValue(forKey: "byBucket")
      repayment["roll"] = roll
      repayment.removeValue(forKey: "cure")
      json["repayment"] = repayment
      edit(&json)
    }
  }

  static func run(_ s: Scenario, threads: Int, tape: Int) -> RunResult {
    var engine = SimulationEngine(scenario: s, threads: threads)
    engine.tapeLoans = tape
    return engine.run()
  }

  static func rows(_ t: LoanTapeSample) -> [LoanTapeRow] {
    (0..<t.count).map(t.row)
  }

  @Test func theTapeIsTheSameAtAnyThreadCountAndHoldsExactlyTheSample() throws {
    let s = try Self.baseline()
    let one = try #require(Self.run(s, threads: 1, tape: 400).tape)
    let two = try #require(Self.run(s, threads: 2, tape: 400).tape)
    #expect(one.loanCount == 400)
    #expect(Self.rows(one) == Self.rows(two))
    // A bigger sample contains the smaller one (the smallest keys).
    let big = try #require(Self.run(s, threads: 2, tape: 800).tape)
    let small = Set(Self.rows(one).map(\.loanID))
    let large = Set(Self.rows(big).map(\.loanID))
    #expect(small.isSubset(of: large) && large.count == 800)
  }

  @Test func everyLoanRunsMonthByMonthUntilItClosesAndItsMoneyAddsUp() throws {
    let tape = try #require(
      Self.run(try Self.baseline(), threads: 2, tape: 1_000).tape)
    let rows = Self.rows(tape)
    var byLoan: [String: [LoanTapeRow]] = [:]
    for r in rows { byLoan[r.loanID, default: []].append(r) }
    #expect(byLoan.count == 1_000)
    var closedLoans = 0
    for (_, loan) in byLoan {
      #expect(loan.map(\.monthOnBook) == Array(1...loan.count))
      #expect(loan.dropLast().allSatisfy { $0.status == .open })
      let last = loan[loan.count - 1]
      #expect(last.originationPeriod + last.monthOnBook <= 12)
      if last.status.isTerminal {
        closedLoans += 1
        #expect(last.balance == 0)
      }
      // Principal leaves the book only as repayment or charge-off: the first balance plus
      // what was repaid equals the principal.
      let principal = loan[0].principal
      let finalBalance = last.balance
      let chargedOff = loan.map(\.chargeOff).reduce(0, +)
      #expect(chargedOff <= principal + 1e-6)
      #expect(finalBalance <= principal + 1e-6)
      if last.status == .chargedOff {
        #expect(chargedOff > 0 && last.bucket == .dpd90plus)
        #expect(abs(last.recovery - 0.15 * chargedOff) < 1e-6)
      }
    }
    #expect(closedLoans > 50)
  }

  @Test func rollRatesRiseAndCuresFallByBucketWhenTheScenarioSaysSo() throws {
    // Count the tape's transitions out of 1-30 and 61-90.
    func rates(_ s: Scenario) throws -> (roll1: Double, roll3: Double) {
      let rows = Self.rows(
        try #require(Self.run(s, threads: 2, tape: 20_000).tape))
      var from: [DelinquencyBucket: (n: Double, worse: Double)] = [:]
      for k in rows.indices.dropFirst()
      where rows[k].loanID == rows[k - 1].loanID {
        let b = rows[k - 1].bucket
        guard b == .dpd1to30 || b == .dpd61to90 else { continue }
        from[b, default: (0, 0)].n += 1
        if rows[k].bucket > b { from[b, default: (0, 0)].worse += 1 }
      }
      let one = try #require(from[.dpd1to30])
      let three = try #require(from[.dpd61to90])
      return (one.worse / one.n, three.worse / three.n)
    }
    let flat = try rates(try Self.baseline())
    let rising = try rates(
      try Self.baseline { json in
        var repayment = json["repayment"] as? [String: Any] ?? [:]
        var roll = repayment["roll"] as? [String: Any] ?? [:]
        roll["byBucket"] = [-1.0, 0.0, 1.5, 2.0]
        repayment["roll"] = roll
        repayment["cure"] = ["byBucket": [0.5, -0.5, -1.5, -2.5]]
        json["repayment"] = repayment
      })
    // Flat: the same roll probability in every bucket, so only the riskier mix of loans that
    // reach 61-90 separates the two; by bucket, the shifts add far more.
    #expect(abs(flat.roll1 - flat.roll3) < 0.15)
    #expect(rising.roll3 - rising.roll1 > flat.roll3 - flat.roll1 + 0.3)
  }

  @Test func collectionsCostIsChargedPerDelinquentLoanAndLowersNetIncome()
    throws
  {
    let plain = Self.run(try Self.baseline(), threads: 2, tape: 0)
    let worked = Self.run(
      try Self.baseline { json in
        var repayment = json["repayment"] as? [String: Any] ?? [:]
        repayment["collections"] = [
          "cureShift": 0.0, "rollShift": 0.0, "costPerDelinquentLoan": 10.0,
        ]
        json["repayment"] = repayment
      }, threads: 2, tape: 0)
    for a in plain.arms.indices {
      let b = worked.arms[a].totals.book
      #expect(b.collectionsAccounts > 0)
      #expect(b.collectionsCost == 10 * b.collectionsAccounts)
      // No shift: the same loans, so net income falls by exactly the cost.
      #expect(
        abs(
          plain.arms[a].netIncome - b.collectionsCost - worked.arms[a].netIncome
        )
          < 1e-6 * abs(plain.arms[a].netIncome) + 1e-3)
    }
  }

  @Test func moreCollectionsEffortCuresMoreLoans() throws {
    func cured(_ shift: Double) throws -> Double {
      let r = Self.run(
        try Self.baseline { json in
          var repayment = json["repayment"] as? [String: Any] ?? [:]
          repayment["collections"] = [
            "cureShift": shift, "costPerDelinquentLoan": 5.0,
          ]
          json["repayment"] = repayment
        }, threads: 2, tape: 0)
      let b = r.arms[0].totals.book
      return b.cured / max(1, b.collectionsAccounts)
    }
    #expect(try cured(1.0) > cured(0.0) + 0.1)
  }

  @Test func badBucketShiftsAreRefusedWithTheirPath() throws {
    let found = try problems(editing: "baseline.json") { json in
      var repayment = json["repayment"] as? [String: Any] ?? [:]
      var roll = repayment["roll"] as? [String: Any] ?? [:]
      roll["byBucket"] = [0.0, 1.0, 2.0]
      repayment["roll"] = roll
      repayment["collections"] = ["costPerDelinquentLoan": -1.0]
      json["repayment"] = repayment
    }
    #expect(found.count == 2)
    #expect(found.contains { $0.hasPrefix("$.repayment.roll.byBucket") })
    #expect(
      found.contains {
        $0.hasPrefix("$.repayment.collections.costPerDelinquentLoan")
      })
  }
}
