import FenqiCore
import FenqiRisk
import Testing

@testable import FenqiSimulation

@Suite struct StressAnalysisTests {
  /// The shipped recession at 8,000 customers, 12 paths.
  static func analysed() throws -> (
    Scenario, StressRunner.Result, StressAnalysis
  ) {
    let s = try StressTests.recession(size: 8_000)
    let r = StressRunner(scenario: s, paths: 12, threads: 2).run()
    let a = StressAnalysis(scenario: s, stress: r, set: .standard, threads: 2)
    return (s, r, a)
  }

  @Test func scenarioSetReusesTheMeanPathsAndLossRisesWithSeverity() throws {
    let (s, r, a) = try Self.analysed()
    #expect(
      a.scenarioSet.map(\.member.name) == [
        "baseline", "adverse", "severelyAdverse",
      ])
    let lgd = s.repayment.lossGivenDefault
    for k in s.arms.indices {
      let losses = a.scenarioSet.map {
        $0.run.arms[k].totals.book.chargeOffPrincipal * lgd
      }
      #expect(
        losses[0] == r.baseline.arms[k].totals.book.chargeOffPrincipal * lgd)
      // Twice the recession adds little on a small book beyond the sector collapse both carry.
      #expect(losses[0] < losses[1] && losses[0] < losses[2])
    }
  }

  @Test func eachShockAloneIsItsOwnRunAndThePartsAddUp() throws {
    let (s, r, a) = try Self.analysed()
    let lgd = s.repayment.lossGivenDefault
    var only = s
    only.macro = s.macro?.only(shock: 0)
    let recession = SimulationEngine(scenario: only, threads: 1).run()
    for k in s.arms.indices {
      let x = a.attribution[k]
      let base = r.baseline.arms[k].totals.book.chargeOffPrincipal * lgd
      #expect(x.alone[0].name == "recession")
      #expect(
        x.alone[0].effect == recession.arms[k].totals.book.chargeOffPrincipal
          * lgd - base)
      let parts = x.base + x.alone.reduce(0) { $0 + $1.effect } + x.interaction
      #expect(abs(parts - x.joint) < 1e-6 * x.joint)
    }
  }

  /// Before the recession (month 4) the lender's weighted ECL, which sees it coming in its
  /// adverse members, is above its point-in-time ECL; the true ECL is computed beside it.
  @Test func weightedProvisionLeadsThePointInTimeOneBeforeTheRecession() throws
  {
    let (s, _, a) = try Self.analysed()
    for k in s.arms.indices {
      // Month 3: two months of the lender's own history before the recession of month 4.
      let before = a.provisions[k].filter { $0.period == 3 }
      #expect(!before.isEmpty)
      for p in before {
        #expect(p.lender.provision > p.pointInTime)
        #expect(p.truth > 0)
      }
      #expect(a.capital[k].regulatory > 0 && a.capital[k].pd > 0)
    }
  }

  @Test func reverseStressFindsTheBreakInsideItsInterval() throws {
    let s = try StressTests.recession(size: 8_000)
    let limit = StressLimit(measure: .lossRate, value: 0.2)
    let r = limit.search(
      scenario: s, shock: 0, arm: 0, maximum: 4, tolerance: 0.25, threads: 2)
    // Either it breaks inside [0, 4] with a bracket ≤ 0.25 wide, or it holds at 4.
    if let above = r.above {
      #expect(above - r.below <= 0.25)
      #expect(r.trials.contains { $0.severity == above && $0.breaks })
    } else {
      #expect(r.below == 4)
    }
    #expect(
      StressLimit(parsing: "loss_rate=0.08")
        == StressLimit(measure: .lossRate, value: 0.08))
    #expect(StressLimit(parsing: "loss=0.08") == nil)
  }
}
