import FenqiCore
import FenqiRisk
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct StressTests {
  static func recession(size: Int = 30_000) throws -> Scenario {
    try EngineTests.scenario("recession-stress.json", size: size)
  }

  @Test func aRecessionRaisesLossesAndDelinquencyWithALag() throws {
    let s = try Self.recession()
    let shocked = SimulationEngine(scenario: s, threads: 2).run()
    let baseline = SimulationEngine(
      scenario: StressRunner.withoutShocks(s), threads: 2
    ).run()
    for a in s.arms.indices {
      // Before the shock (months 1–3) the two runs are the same run.
      for p in 0..<3 {
        #expect(shocked.periods[p][a].counts == baseline.periods[p][a].counts)
      }
      func late(_ r: RunResult, _ p: Int) -> Double {
        let b = r.periods[p - 1][a].counts.book
        return (b.balance.2 + b.balance.3 + b.balance.4)
          / Swift.max(1, b.totalBalance)
      }
      func chargeOffs(_ r: RunResult, _ months: ClosedRange<Int>) -> Double {
        months.reduce(0) {
          $0 + r.periods[$1 - 1][a].counts.book.chargeOffPrincipal
        }
      }
      // Delinquency rises first, charge-offs later.
      #expect(late(shocked, 8) > late(baseline, 8))
      #expect(chargeOffs(shocked, 4...5) <= chargeOffs(baseline, 4...5) * 1.05)
      #expect(chargeOffs(shocked, 9...15) > chargeOffs(baseline, 9...15) * 1.3)
      // Provisions move before the charge-offs arrive.
      #expect(
        shocked.periods[6][a].counts.provisions.provision
          > baseline.periods[6][a].counts.provisions.provision * 1.2)
    }
  }

  @Test func theConservativeStrategysLossDistributionSitsBelow() throws {
    let s = try Self.recession()
    let r = StressRunner(scenario: s, paths: 40, threads: 2).run()
    let aggressive = LossDistribution(r.paths.map { $0[0].lossRate })
    let conservative = LossDistribution(r.paths.map { $0[1].lossRate })
    #expect(conservative.mean < aggressive.mean)
    #expect(conservative.valueAtRisk(0.95) < aggressive.valueAtRisk(0.95))
    #expect(conservative.valueAtRisk(0.5) < aggressive.valueAtRisk(0.5))
  }

  @Test func theSpreadOfLossesRisesWithTheAssetCorrelation() throws {
    var spreads: [Double] = []
    for rho in [0.0, 0.04, 0.2] {
      var s = try Self.recession(size: 20_000)
      s.macro?.vasicek.rho = [:]
      s.macro?.vasicek.defaultRho = rho
      let r = StressRunner(scenario: s, paths: 40, threads: 2).run()
      spreads.append(
        LossDistribution(r.paths.map { $0[0].lossRate }).standardDeviation)
    }
    // ρ = 0: only idiosyncratic (binomial) noise is left; it is small but not nothing.
    #expect(spreads[0] > 0)
    #expect(spreads[0] < spreads[1] && spreads[1] < spreads[2])
    #expect(spreads[0] < 0.5 * spreads[2])
  }

  @Test func stressRunsAreIdenticalAtAnyThreadCount() throws {
    let s = try Self.recession(size: 10_000)
    let one = StressRunner(scenario: s, paths: 6, threads: 1).run()
    let three = StressRunner(scenario: s, paths: 6, threads: 3).run()
    #expect(one.paths == three.paths)
    #expect(one.shocked.periods == three.shocked.periods)
  }

  @Test func stageThreeIsProvisionedAtLossGivenDefault() throws {
    let s = try Self.recession()
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let p = r.periods[12][0].counts.provisions
    #expect(p.exposure[2] > 0)
    #expect(
      abs(p.lifetime[2] / p.exposure[2] - s.repayment.lossGivenDefault) < 1e-9)
    #expect(p.lifetime[0] >= p.twelveMonth[0])
    #expect(p.twelveMonth[1] / p.exposure[1] > p.twelveMonth[0] / p.exposure[0])
  }

  @Test func badMacroInputIsNamedWithItsPath() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/recession-stress.json"),
      encoding: .utf8)
    let broken =
      text
      .replacingOccurrences(
        of: "\"unemployment\": 0.052", with: "\"unemployment\": 1.4"
      )
      .replacingOccurrences(of: "98,\n      99,\n      100\n", with: "98\n")
      .replacingOccurrences(of: "\"default\": 0.04", with: "\"default\": 1")
      .replacingOccurrences(
        of: "\"sector\": \"education\"", with: "\"sector\": \"educaton\"")
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: broken, file: "r.json")
    }
    let messages = error?.problems.map(\.description) ?? []
    for expected in [
      "$.macro.unemployment: expected a fraction in [0, 1] or an array of them, found 1.4",
      "$.macro.confidence: expected a path of at least 15 months (the horizon), found 13",
      "$.macro.vasicek.rho.default: expected a correlation in [0, 1), found 1",
      "$.macro.shocks[2].sector: expected a category of macro.sectors.mix, found \"educaton\"; did you mean \"education\"?",
    ] {
      #expect(messages.contains(expected), "\(messages)")
    }
  }
}
