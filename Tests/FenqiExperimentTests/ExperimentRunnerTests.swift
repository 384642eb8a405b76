import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func scenario(_ name: String, size: Int, seed: UInt64? = nil) throws -> Scenario
{
  var s = try ScenarioLoader.load(
    path: repositoryRoot.appendingPathComponent("Scenarios/\(name)").path
  ).scenario
  s.population.size = size
  if let seed { s.seed = seed }
  return s
}

@Suite struct ExperimentRunnerTests {
  @Test func anAATestsTrueEffectIsExactlyZeroOnEveryMetric() throws {
    var s = try scenario("aa-check.json", size: 6_000)
    s.experiment?.metrics = OutcomeMetric.allCases.map {
      ExperimentSpec.Metric(metric: $0, maxIncrease: nil)
    }
    let truth = ExperimentRunner.trueEffects(
      ExperimentRunner.counterfactualRuns(s, threads: 2))
    #expect(truth.count == OutcomeMetric.allCases.count)
    #expect(truth.values.allSatisfy { $0 == 0 }, "\(truth)")
  }

  @Test func perCustomerMetricsAddUpToTheArmsOwnFigures() throws {
    var s = try scenario("ab-first-period-free.json", size: 8_000)
    s.experiment?.metrics = [
      .netIncomePerCustomer, .badDebtRate, .averageOrderValue, .conversion,
    ].map {
      ExperimentSpec.Metric(metric: $0, maxIncrease: nil)
    }
    s.experiment?.prePeriods = 0
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let last = try #require(r.metricSums.last)
    for (a, arm) in r.arms.enumerated() {
      let income = last[a * 4 + 0]
      let badDebt = last[a * 4 + 1]
      let order = last[a * 4 + 2]
      let conversion = last[a * 4 + 3]
      #expect(income.n == Double(arm.customers))
      // Net income per customer sums to the arm's net income (Float storage per customer: 1e-4).
      #expect(
        income.y.isApproximatelyEqual(
          to: arm.netIncome, absoluteTolerance: 1, relativeTolerance: 1e-4),
        "\(income.y) vs \(arm.netIncome)")
      #expect(
        badDebt.y.isApproximatelyEqual(
          to: arm.totals.book.chargeOffPrincipal, absoluteTolerance: 0.5,
          relativeTolerance: 1e-5))
      #expect(
        badDebt.x.isApproximatelyEqual(
          to: arm.totals.bookedPrincipal, relativeTolerance: 1e-5))
      #expect(order.x == arm.totals.bookings)
      #expect(conversion.y <= arm.totals.bookings && conversion.y > 0)
    }
  }

  @Test func stratifiedAssignmentBalancesEverySegment() throws {
    let s = try scenario("ab-first-period-free.json", size: 30_000)
    #expect(s.experiment?.stratifyBySegment == true)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for segment in Set(r.segments.map(\.segment)) {
      let rows = r.segments.filter { $0.segment == segment }
      let total = rows.reduce(0) { $0 + $1.customers }
      // Permuted blocks of 100: each arm is within half a block of its share.
      for row in rows {
        #expect(
          abs(row.customers - total / 2) <= 50,
          "\(segment) \(row.arm): \(row.customers) of \(total)")
      }
    }
    #expect(r.arms[0].customers + r.arms[1].customers == 30_000)
  }

  @Test func cupedNarrowsTheIntervalOfGMV() throws {
    var with = try scenario("ab-first-period-free.json", size: 20_000)
    with.experiment?.metrics = [
      ExperimentSpec.Metric(metric: .gmvPerCustomer, maxIncrease: nil)
    ]
    var without = with
    without.experiment?.prePeriods = 0
    func width(_ s: Scenario) -> Double {
      let o = ExperimentRunner.analyse(
        SimulationEngine(scenario: s, threads: 2).run())
      return o[0].test.effect.differenceInterval.upperBound
        - o[0].test.effect.differenceInterval.lowerBound
    }
    let a = width(with)
    let b = width(without)
    #expect(a < 0.97 * b, "CUPED width \(a) vs plain \(b)")
  }

  @Test func theCounterfactualModeGivesEveryArmTheWholePopulation() throws {
    var s = try scenario("ab-first-period-free.json", size: 5_000)
    s.experiment?.mode = .counterfactual
    let runs = ExperimentRunner.counterfactualRuns(s, threads: 2)
    let combined = ExperimentRunner.combine(runs)
    #expect(combined.arms.allSatisfy { $0.customers == 5_000 })
    let outcomes = ExperimentRunner.counterfactualOutcomes(runs)
    #expect(
      outcomes.allSatisfy {
        $0.test.effect.method == "counterfactual (true effect)"
          && $0.covers == true
      })
    let truth = ExperimentRunner.trueEffects(runs)
    for o in outcomes {
      #expect(o.trueEffect == truth[o.test.metric + "\u{0}" + o.test.arm])
    }
  }

  @Test func theSampleRatioCheckFiresWhenAssignmentIsBroken() throws {
    let s = try scenario("aa-check.json", size: 20_000)
    var r = SimulationEngine(scenario: s, threads: 2).run()
    #expect(ExperimentRunner.sampleRatio(r).pValue > 0.001)
    // Break it on purpose: 3% of one arm's customers leak into the other.
    let leak = r.arms[1].customers * 3 / 100
    r.arms[0].customers += leak
    r.arms[1].customers -= leak
    #expect(ExperimentRunner.sampleRatio(r).pValue < 1e-6)
  }

  @Test func sequentialPValuesAreNeverBelowTheFixedHorizonOnes() throws {
    let s = try scenario("ab-first-period-free.json", size: 20_000)
    let outcomes = ExperimentRunner.analyse(
      SimulationEngine(scenario: s, threads: 2).run())
    #expect(outcomes.count == s.experiment?.metrics.count)
    for o in outcomes {
      let p = try #require(o.sequentialPValue)
      // A control value of 0 (bad debt in six months at this size) leaves the mixing scale
      // τ = relative effect × |control| at 0: not computable, said so, instead of p = 1.
      if let why = o.sequentialNotComputable {
        #expect(p.isNaN && why.reason.contains("control value is 0"))
      } else {
        #expect(p >= 0 && p <= 1)
      }
    }
  }

  @Test func verdictsFollowThePrimaryMetricAndGuardrails() throws {
    let s = try scenario("ab-first-period-free.json", size: 1_000)
    let spec = try #require(s.experiment)
    func outcome(
      _ metric: String, _ d: Double, _ lo: Double, _ hi: Double, _ p: Double
    ) -> ExperimentOutcome {
      let e = EffectEstimate(
        control: 1, treatment: 1 + d, difference: d,
        differenceInterval: lo...hi, relative: d, relativeInterval: lo...hi,
        statistic: 0, pValue: p, standardError: 1, method: "test")
      return ExperimentOutcome(
        test: TestResult(
          metric: metric, arm: "firstPeriodFree", controlArm: "control",
          effect: e, probabilityBetter: 0.5, holmPValue: p, bhPValue: p,
          decision: ""),
        sequentialPValue: nil, trueEffect: nil)
    }
    let arms = ["control", "firstPeriodFree"]
    let good = [
      outcome("conversion", 0.01, 0.005, 0.015, 0.001),
      outcome("bad_debt_rate", 0.001, -0.002, 0.004, 0.5),
      outcome("dpd30_plus_rate", 0, -0.005, 0.005, 0.9),
    ]
    #expect(
      ExperimentRunner.verdicts(good, spec: spec, arms: arms)[0].recommendation
        == "ship")
    let breach = [
      good[0], outcome("bad_debt_rate", 0.01, 0.006, 0.014, 0.001), good[2],
    ]
    #expect(
      ExperimentRunner.verdicts(breach, spec: spec, arms: arms)[0]
        .recommendation == "don't ship")
    let unsure = [
      good[0], outcome("bad_debt_rate", 0.003, -0.001, 0.007, 0.2), good[2],
    ]
    #expect(
      ExperimentRunner.verdicts(unsure, spec: spec, arms: arms)[0]
        .recommendation == "inconclusive")
    let flat = [
      outcome("conversion", 0.001, -0.004, 0.006, 0.6), good[1], good[2],
    ]
    #expect(
      ExperimentRunner.verdicts(flat, spec: spec, arms: arms)[0].recommendation
        == "inconclusive")
  }

  @Test func resultsAreIdenticalAcrossThreadCountsWithAnExperiment() throws {
    let s = try scenario("ab-first-period-free.json", size: 12_000)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let three = SimulationEngine(scenario: s, threads: 3).run()
    #expect(one.metricSums == three.metricSums)
    // Compared as text: a not-computable p-value is NaN, and NaN ≠ NaN under ==.
    #expect(
      "\(ExperimentRunner.analyse(one))" == "\(ExperimentRunner.analyse(three))"
    )
  }
}

@Suite struct ClusterAnalysisTests {
  @Test func clusterRandomisedTestsUseCommunityTotalsAndTheSameTruth() throws {
    var s = try scenario("aa-check.json", size: 16_384)
    s.experiment?.metrics = [.conversion, .gmvPerCustomer, .badDebtRate].map {
      ExperimentSpec.Metric(metric: $0, maxIncrease: nil)
    }
    var clustered = s
    clustered.experiment?.clusterSize = 64
    let stats = ExperimentRunner.statistics(
      SimulationEngine(scenario: clustered, threads: 2).run())
    #expect(stats.allSatisfy { $0.kind == .ratio && $0.second != nil })
    #expect(
      stats.filter { $0.metric == "conversion" }.reduce(0) { $0 + $1.outcome.n }
        == 256)
    let outcomes = ExperimentRunner.analyse(
      SimulationEngine(scenario: clustered, threads: 2).run())
    #expect(
      outcomes.allSatisfy {
        $0.test.effect.method == "delta-method z-test (ratio)"
      })
    // The truth does not depend on how customers are grouped: every customer is in every arm.
    let t1 = ExperimentRunner.trueEffects(
      ExperimentRunner.counterfactualRuns(s, threads: 2))
    let t2 = ExperimentRunner.trueEffects(
      ExperimentRunner.counterfactualRuns(clustered, threads: 2))
    #expect(t1.keys.sorted() == t2.keys.sorted())
    for (k, v) in t1 {
      #expect(
        v.isApproximatelyEqual(to: t2[k] ?? .nan, absoluteTolerance: 1e-9))
    }
  }
}
