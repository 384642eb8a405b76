import FenqiCore
import FenqiCredit
import Foundation
import Testing

@testable import FenqiSimulation

/// A seasoned starting book grown by a burn-in.
@Suite struct SeasoningTests {
  static func baseline(months: Int?) throws -> Scenario {
    try LoanTapeEngineTests.baseline { json in
      if let months {
        json["seasoning"] = ["burnInMonths": months]
      } else {
        json.removeValue(forKey: "seasoning")
      }
    }
  }

  @Test func monthOneStartsFromAnOpenBookTheSameAtAnyThreadCount() throws {
    let s = try Self.baseline(months: 12)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let two = SimulationEngine(scenario: s, threads: 2).run()
    let empty = SimulationEngine(
      scenario: try Self.baseline(months: nil), threads: 2
    ).run()
    for a in s.arms.indices {
      #expect(one.arms[a].openingBalance == two.arms[a].openingBalance)
      #expect(one.arms[a].netIncome == two.arms[a].netIncome)
      #expect(empty.arms[a].openingBalance == 0)
      // Month 1 already collects instalments, misses and charges off old loans.
      let first = one.periods[0][a].counts.book
      let firstEmpty = empty.periods[0][a].counts.book
      #expect(first.instalmentsDue > 300 && firstEmpty.instalmentsDue == 0)
      // Old loans are charged off from the first months; an empty book's cannot be before
      // month 5 (120 days past due).
      let early = one.periods[0..<3].reduce(0) {
        $0 + $1[a].counts.book.chargeOffs
      }
      let earlyEmpty = empty.periods[0..<3].reduce(0) {
        $0 + $1[a].counts.book.chargeOffs
      }
      #expect(early > 0 && earlyEmpty == 0)
      #expect(one.arms[a].openingBalance > 1_000_000)
    }
  }

  @Test func aLongerBurnInSeasonsTheBookFurther() throws {
    // A 3-month burn-in leaves no loan old enough to be charged off in month 1 (120 DPD
    // needs 5 months on book); a 12-month one does.
    let short = SimulationEngine(
      scenario: try Self.baseline(months: 3), threads: 2
    ).run()
    let long = SimulationEngine(
      scenario: try Self.baseline(months: 12), threads: 2
    ).run()
    #expect(short.periods[0][0].counts.book.chargeOffs == 0)
    #expect(long.periods[0][0].counts.book.chargeOffs > 0)
    #expect(long.arms[0].openingBalance > short.arms[0].openingBalance)
  }

  @Test func theCounterfactualRunsCarryTheSeasonedBookUnderTheForcedArm() throws
  {
    var s = try Self.baseline(months: 6)
    s.experiment = ExperimentSpec(
      mode: .split, control: 0, alpha: 0.05, metrics: [],
      stratifyBySegment: false, prePeriods: 0)
    let engine = SimulationEngine(scenario: s, threads: 2)
    let prepared = engine.prepare()
    let total = engine.run(prepared).arms.reduce(0) { $0 + $1.openingBalance }
    let forced = engine.forcing(prepared, arm: 1)
    let r = forced.engine.run(forced.prepared)
    #expect(r.arms[0].openingBalance == 0)
    #expect(abs(r.arms[1].openingBalance - total) < 1e-6 * total)
  }

  @Test func seasoningIsRefusedBesideALayerItCannotCarry() throws {
    let found = try problems(editing: "risk-stack.json") { json in
      json["seasoning"] = ["burnInMonths": 6]
    }
    #expect(
      found == [
        "$.seasoning.burnInMonths: a burn-in book cannot be grown beside `riskStack` yet; remove `seasoning` or those sections"
      ])
    let months = try problems(editing: "baseline.json") { json in
      json["seasoning"] = ["burnInMonths": 0, "reach": 0.2]
    }
    #expect(months.count == 2)
  }
}
