import FenqiCore
import FenqiCredit
import FenqiSimulation
import Foundation
import Testing

@Suite struct EngineTests {
  static func scenario(_ name: String, size: Int, seed: UInt64? = nil) throws
    -> Scenario
  {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(name)").path
    ).scenario
    s.population.size = size
    if let seed { s.seed = seed }
    return s
  }

  @Test(arguments: [
    ("baseline.json", 1 as UInt64), ("baseline.json", 2),
    ("peer-lifecycle.json", 3),
  ])
  func conservationLawsHold(file: String, seed: UInt64) throws {
    var s = try Self.scenario(file, size: 30_000, seed: seed)
    s.periods = 24
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for (a, summary) in r.arms.enumerated() {
      let b = summary.totals.book
      // Every booked (or seasoned) loan ends repaid, prepaid, charged off or still open.
      #expect(
        summary.totals.bookings + summary.openingLoans
          == b.loansRepaid + b.prepayments + b.chargeOffs + b.openLoans)
      // Money in equals money out plus balance.
      #expect(
        abs(r.conservationError[a]) <= 1e-9 * summary.totals.bookedPrincipal)
      // No balance ever goes negative, and the funnel narrows.
      for row in r.periods {
        let c = row[a].counts
        #expect((0..<5).allSatisfy { c.book.balance(bucket: $0) >= 0 })
        #expect(
          c.needs >= c.applications + c.paidInFull
            && c.applications == c.approvals + c.declines)
        #expect(c.book.instalmentsPaid <= c.book.instalmentsDue)
      }
      #expect(summary.totals.bookings > 0 && b.chargeOffs > 0)
    }
  }

  @Test func resultsAreIdenticalAtAnyThreadCountAndEpochLayout() throws {
    let s = try Self.scenario("baseline.json", size: 40_000)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let four = SimulationEngine(scenario: s, threads: 4).run()
    let monthly = SimulationEngine(scenario: s, threads: 3, progressEvery: 1)
      .run()
    #expect(one.periods == four.periods)
    #expect(one.periods == monthly.periods)
    #expect(one.arms == four.arms)
  }

  @Test func aDifferentSeedGivesADifferentRun() throws {
    let a = SimulationEngine(
      scenario: try Self.scenario("baseline.json", size: 20_000, seed: 1),
      threads: 2
    ).run()
    let b = SimulationEngine(
      scenario: try Self.scenario("baseline.json", size: 20_000, seed: 2),
      threads: 2
    ).run()
    #expect(a.periods != b.periods)
  }

  @Test func armsShareCommonRandomNumbers() throws {
    // With identical offers, the two arms differ only by who is in them: the same customer would
    // behave the same in either. Swapping the arms' names must swap their results exactly.
    var s = try Self.scenario("peer-lifecycle.json", size: 20_000)
    s.arms[1].offer = s.arms[0].offer
    let r = SimulationEngine(scenario: s, threads: 2).run()
    s.arms.swapAt(0, 1)
    let swapped = SimulationEngine(scenario: s, threads: 2).run()
    #expect(
      r.arms[0].totals.needs + r.arms[1].totals.needs == swapped.arms[0].totals
        .needs + swapped.arms[1].totals.needs)
    #expect(
      r.arms[0].totals.bookings + r.arms[1].totals.bookings == swapped.arms[0]
        .totals.bookings + swapped.arms[1].totals.bookings)
  }

  @Test func peerModelAcceptanceMatchesItsIntegral() throws {
    // P(accept) = E[σ(1 − 2·price/income)] for arm A, price ~ LN(ln 3000, 0.8), income ~ LN(ln 8000, 0.5):
    // a 2-D Gauss–Hermite-free midpoint integral over the two standard normals.
    var expected = 0.0
    var mass = 0.0
    let grid = stride(from: -6.0, through: 6.0, by: 0.02)
    for x in grid {
      for y in grid {
        let w = Normal.density(x) * Normal.density(y)
        let ratio = exp(log(3000) + 0.8 * x) / exp(log(8000) + 0.5 * y)
        expected += w * Logistic.sigmoid(1 - 2 * ratio)
        mass += w
      }
    }
    expected /= mass
    let r = SimulationEngine(
      scenario: try Self.scenario("peer-lifecycle.json", size: 200_000),
      threads: 2
    ).run()
    let a = r.arms[0].totals
    let observed = a.applications / a.needs
    let se = (expected * (1 - expected) / a.needs).squareRoot()
    #expect(
      abs(observed - expected) < 4 * se,
      "acceptance \(observed) vs integral \(expected) (se \(se))")
  }

  @Test func theSystematicFactorRaisesDefaults() throws {
    var calm = try Self.scenario("baseline.json", size: 30_000)
    calm.periods = 18
    var stressed = calm
    stressed.systematicFactor = 2
    let a = SimulationEngine(scenario: calm, threads: 2).run().arms[0]
    let b = SimulationEngine(scenario: stressed, threads: 2).run().arms[0]
    #expect(b.totals.book.missed > a.totals.book.missed)
    #expect(b.badDebtRate > a.badDebtRate)
  }
}
