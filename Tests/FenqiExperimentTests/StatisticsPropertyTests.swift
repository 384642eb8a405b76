import FenqiCore
import FenqiExperiment
import Foundation
import Testing

/// Properties that must hold whatever the data: error rates under the null, the SRM alarm.
@Suite struct StatisticsPropertyTests {
  static func stream(_ entity: UInt64, _ purpose: UInt32) -> RandomStream {
    RandomStream(
      key: StreamKey(
        seed: 41, entity: entity, period: 0, purpose: Purpose(rawValue: purpose)
      ))
  }

  @Test func peekingEveryPeriodKeepsTheSequentialFalsePositiveRate() {
    // 2,000 A/A experiments, 12 looks each, 500 new units per arm per look; σ = 1.
    let experiments = 2000
    let looks = 12
    let perLook = 500
    var sequentialRejections = 0
    var naiveRejections = 0
    for e in 0..<experiments {
      var rng = Self.stream(UInt64(e), 1)
      var test = SequentialTest(mixingVariance: 0.01)
      var c = SampleMoments(n: 0, sum: 0, sumSquares: 0)
      var t = c
      var naive = false
      for _ in 0..<looks {
        for _ in 0..<perLook {
          let a = rng.normal()
          let b = rng.normal()
          c = SampleMoments(
            n: c.n + 1, sum: c.sum + a, sumSquares: c.sumSquares + a * a)
          t = SampleMoments(
            n: t.n + 1, sum: t.sum + b, sumSquares: t.sumSquares + b * b)
        }
        let effect = MeanTest.welch(control: c, treatment: t)
        test.look(
          difference: effect.difference,
          variance: effect.standardError * effect.standardError)
        if effect.pValue < 0.05 { naive = true }
      }
      if test.pValue < 0.05 { sequentialRejections += 1 }
      if naive { naiveRejections += 1 }
    }
    let sequential = Double(sequentialRejections) / Double(experiments)
    let naive = Double(naiveRejections) / Double(experiments)
    // Always valid: at most α (plus 3 binomial standard errors); naive peeking inflates it.
    #expect(
      sequential <= 0.05 + 3 * (0.05 * 0.95 / Double(experiments)).squareRoot(),
      "sequential FPR \(sequential)")
    #expect(naive > 0.12, "naive peeking FPR \(naive)")
  }

  @Test func theSequentialTestDetectsARealEffect() {
    var rng = Self.stream(1, 2)
    var test = SequentialTest(mixingVariance: 0.01)
    var c = SampleMoments(n: 0, sum: 0, sumSquares: 0)
    var t = c
    for _ in 0..<12 {
      for _ in 0..<500 {
        let a = rng.normal()
        let b = rng.normal() + 0.15
        c = SampleMoments(
          n: c.n + 1, sum: c.sum + a, sumSquares: c.sumSquares + a * a)
        t = SampleMoments(
          n: t.n + 1, sum: t.sum + b, sumSquares: t.sumSquares + b * b)
      }
      let e = MeanTest.welch(control: c, treatment: t)
      test.look(
        difference: e.difference, variance: e.standardError * e.standardError)
    }
    #expect(test.pValue < 0.001)
  }

  @Test func theSampleRatioCheckFiresOnABrokenAllocation() {
    #expect(
      SampleRatioMismatch.check(
        observed: [50_210, 49_790], expectedShares: [0.5, 0.5]
      ).pValue > 0.05)
    #expect(
      SampleRatioMismatch.check(
        observed: [50_900, 49_100], expectedShares: [0.5, 0.5]
      ).pValue < 1e-6)
  }

  @Test(arguments: 0..<3 as Range<UInt64>)
  func welchIntervalsCoverTheTruthAtTheirLevel(seed: UInt64) {
    var rng = Self.stream(seed, 3)
    var covered = 0
    let trials = 1000
    for _ in 0..<trials {
      var c: [Double] = []
      var t: [Double] = []
      for _ in 0..<60 {
        c.append(rng.logNormal(mu: 0, sigma: 0.5))
        t.append(rng.logNormal(mu: 0, sigma: 0.5) + 0.2)
      }
      let e = MeanTest.welch(
        control: SampleMoments(c), treatment: SampleMoments(t))
      if e.differenceInterval.contains(0.2) { covered += 1 }
    }
    // 95% nominal; 1,000 trials give a standard error of 0.7 points.
    #expect(abs(Double(covered) / Double(trials) - 0.95) < 0.025)
  }

  @Test func holmAndBHAreMonotoneAndBounded() {
    var rng = Self.stream(9, 4)
    for _ in 0..<100 {
      let p = (0..<8).map { _ in rng.uniform() }
      let holm = MultipleTesting.holm(p)
      let bh = MultipleTesting.benjaminiHochberg(p)
      for i in p.indices {
        #expect(
          holm[i] >= p[i] && holm[i] <= 1 && bh[i] >= p[i]
            && bh[i] <= holm[i] + 1e-15)
      }
    }
  }
}

@Suite struct DegenerateDataTests {
  @Test func zeroCountsAndEmptyArmsGiveNaNSafeResultsInsteadOfTrapping() {
    // No successes in either arm: not computable (it used to read p = 1).
    let zero = ProportionTest.compare(control: (0, 1000), treatment: (0, 1000))
    #expect(zero.notComputable != nil && zero.difference == 0)
    let oneSided = ProportionTest.compare(
      control: (0, 1000), treatment: (5, 1000))
    #expect(oneSided.relativeInterval == -Double.infinity...Double.infinity)
    let ratio = RatioMetric.compare(
      control: JointMoments(
        y: SampleMoments([0, 0, 0]), x: SampleMoments([0, 0, 0]), sumCross: 0),
      treatment: JointMoments(
        y: SampleMoments([1, 0, 2]), x: SampleMoments([3, 0, 4]), sumCross: 11))
    #expect(
      ratio.differenceInterval.lowerBound <= ratio.differenceInterval.upperBound
    )
    #expect(
      Interval.of(.nan, 1) == -Double.infinity...Double.infinity
        && Interval.of(2, 1) == 1...2)
  }
}
