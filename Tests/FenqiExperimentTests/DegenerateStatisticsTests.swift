import FenqiExperiment
import Foundation
import Testing

/// Degenerate input — empty and one-unit arms, zero variance, a zero control or denominator,
/// NaN and infinite sums — gives an explicit "not computable" with a reason: never a trap, never
/// a silent p = 1.
@Suite struct DegenerateStatisticsTests {
  /// One comparison that must not be computable, and a phrase its reason must hold.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var reason: String
    var effect: @Sendable () -> EffectEstimate
    var testDescription: String { name }
  }

  static func moments(_ n: Double, _ sum: Double, _ squares: Double)
    -> SampleMoments
  {
    SampleMoments(n: n, sum: sum, sumSquares: squares)
  }

  static func joint(_ y: [Double], _ x: [Double]) -> JointMoments {
    JointMoments(y: y, x: x)
  }

  static let welchCases: [Case] = [
    Case(name: "Welch, empty control", reason: "control arm has 0 units") {
      MeanTest.welch(control: moments(0, 0, 0), treatment: moments(10, 5, 5))
    },
    Case(name: "Welch, one-unit treatment", reason: "treatment arm has 1 unit")
    {
      MeanTest.welch(control: moments(10, 5, 5), treatment: moments(1, 3, 9))
    },
    Case(name: "Welch, zero variance, equal means", reason: "zero variance") {
      MeanTest.welch(
        control: SampleMoments([2, 2, 2]), treatment: SampleMoments([2, 2]))
    },
    Case(name: "Welch, zero variance, different means", reason: "zero variance")
    {
      MeanTest.welch(
        control: SampleMoments([5, 5, 5]), treatment: SampleMoments([7, 7, 7]))
    },
    Case(name: "Welch, NaN sum", reason: "not finite") {
      MeanTest.welch(
        control: moments(10, .nan, 5), treatment: moments(10, 5, 5))
    },
    Case(name: "Welch, infinite sum of squares", reason: "not finite") {
      MeanTest.welch(
        control: moments(10, 5, 5), treatment: moments(10, 5, .infinity))
    },
    Case(name: "Welch, a sum whose square overflows", reason: "overflows") {
      MeanTest.welch(
        control: moments(10, 1e200, 1e300), treatment: moments(10, 5, 5))
    },
    Case(name: "Welch, α = 0", reason: "α must be in (0, 1)") {
      MeanTest.welch(
        control: SampleMoments([1, 2, 3]), treatment: SampleMoments([2, 3, 4]),
        alpha: 0)
    },
    Case(name: "Welch, α NaN", reason: "α must be in (0, 1)") {
      MeanTest.welch(
        control: SampleMoments([1, 2, 3]), treatment: SampleMoments([2, 3, 4]),
        alpha: .nan)
    },
  ]

  static let proportionCases: [Case] = [
    Case(name: "z-test, no control trials", reason: "control arm has no trials")
    {
      ProportionTest.compare(control: (0, 0), treatment: (5, 100))
    },
    Case(
      name: "z-test, more successes than trials",
      reason: "expected successes in [0, trials]"
    ) {
      ProportionTest.compare(control: (5, 100), treatment: (120, 100))
    },
    Case(
      name: "z-test, negative successes",
      reason: "expected successes in [0, trials]"
    ) {
      ProportionTest.compare(control: (-1, 100), treatment: (5, 100))
    },
    Case(name: "z-test, NaN trials", reason: "not finite") {
      ProportionTest.compare(control: (5, .nan), treatment: (5, 100))
    },
    Case(name: "z-test, both rates 0", reason: "both rates are 0") {
      ProportionTest.compare(control: (0, 1000), treatment: (0, 1000))
    },
    Case(name: "z-test, both rates 1", reason: "both rates are 1") {
      ProportionTest.compare(control: (50, 50), treatment: (80, 80))
    },
    Case(name: "z-test, α = 1", reason: "α must be in (0, 1)") {
      ProportionTest.compare(control: (5, 100), treatment: (9, 100), alpha: 1)
    },
  ]

  static let ratioCases: [Case] = [
    Case(name: "ratio, control denominator 0", reason: "denominator sums to 0")
    {
      RatioMetric.compare(
        control: joint([0, 0, 0], [0, 0, 0]),
        treatment: joint([1, 0, 2], [3, 0, 4]))
    },
    Case(name: "ratio, one-unit arm", reason: "has 1 unit") {
      RatioMetric.compare(
        control: joint([1], [2]), treatment: joint([1, 0, 2], [3, 0, 4]))
    },
    Case(name: "ratio, zero variance", reason: "zero variance") {
      RatioMetric.compare(
        control: joint([1, 1], [2, 2]), treatment: joint([3, 3], [2, 2]))
    },
    Case(name: "ratio, NaN cross sum", reason: "not finite") {
      RatioMetric.compare(
        control: JointMoments(
          y: SampleMoments([1, 2]), x: SampleMoments([3, 4]), sumCross: .nan),
        treatment: joint([1, 0, 2], [3, 0, 4]))
    },
    Case(name: "CUPED, empty arm", reason: "control arm has 0 units") {
      CUPED.compare(
        control: JointMoments(
          y: SampleMoments(n: 0, sum: 0, sumSquares: 0),
          x: SampleMoments(n: 0, sum: 0, sumSquares: 0), sumCross: 0),
        treatment: joint([1, 0, 2], [3, 0, 4])
      ).effect
    },
    Case(name: "CUPED, infinite covariate", reason: "covariate is not finite") {
      CUPED.compare(
        control: joint([1, 2, 3], [1, .infinity, 2]),
        treatment: joint([1, 0, 2], [3, 0, 4])
      ).effect
    },
  ]

  @Test(arguments: welchCases + proportionCases + ratioCases)
  func degenerateInputIsNotComputableWithAReason(_ c: Case) throws {
    let e = c.effect()
    let why = try #require(e.notComputable, "\(c.name) was computed: \(e)")
    #expect(why.reason.contains(c.reason), "\(why.reason)")
    #expect(!e.isComputable)
    #expect(e.pValue.isNaN && e.statistic.isNaN && e.standardError.isNaN)
    #expect(e.differenceInterval == -Double.infinity...Double.infinity)
    #expect(e.relativeInterval == -Double.infinity...Double.infinity)
  }

  @Test func zeroVarianceArmsWithDifferentMeansKeepTheirValuesButNoPValue() {
    let e = MeanTest.welch(
      control: SampleMoments([5, 5, 5]), treatment: SampleMoments([7, 7, 7]))
    #expect(e.control == 5 && e.treatment == 7 && e.difference == 2)
    #expect(!(e.pValue == 1), "the old silent p = 1")
  }

  @Test func oneConstantArmOrAZeroControlIsStillComputable() {
    let oneConstant = MeanTest.welch(
      control: SampleMoments([5, 5, 5]), treatment: SampleMoments([6, 7, 8]))
    #expect(oneConstant.isComputable && oneConstant.pValue > 0)
    #expect(oneConstant.pValue < 1)
    let zeroControl = MeanTest.welch(
      control: SampleMoments([-1, 0, 1]), treatment: SampleMoments([2, 3, 4]))
    #expect(zeroControl.isComputable && zeroControl.relative.isNaN)
    #expect(zeroControl.relativeInterval == -Double.infinity...Double.infinity)
    let zeroRate = ProportionTest.compare(
      control: (0, 1000), treatment: (5, 1000))
    #expect(zeroRate.isComputable && zeroRate.relative.isNaN)
    // A constant covariate carries no information: CUPED is plain Welch.
    let y = [1.0, 4, 2, 8, 5]
    let cuped = CUPED.compare(
      control: JointMoments(y: y, x: [3, 3, 3, 3, 3]),
      treatment: JointMoments(y: y.map { $0 + 1 }, x: [3, 3, 3, 3, 3]))
    let welch = MeanTest.welch(
      control: SampleMoments(y), treatment: SampleMoments(y.map { $0 + 1 }))
    #expect(cuped.theta == 0 && cuped.effect.pValue == welch.pValue)
  }

  @Test func analysisLabelsNotComputableRowsAndLeavesThemOutOfHolm() {
    let rows = [
      ArmStatistics(
        metric: "flat", kind: .mean, arm: "a",
        outcome: SampleMoments([5, 5, 5])),
      ArmStatistics(
        metric: "flat", kind: .mean, arm: "b",
        outcome: SampleMoments([7, 7, 7])),
      ArmStatistics(
        metric: "gmv", kind: .mean, arm: "a",
        outcome: SampleMoments([1, 2, 3, 4, 5])),
      ArmStatistics(
        metric: "gmv", kind: .mean, arm: "b",
        outcome: SampleMoments([3, 4, 5, 6, 7])),
    ]
    let results = ExperimentAnalysis.analyse(rows, control: "a")
    #expect(results.count == 2)
    #expect(results[0].decision == "not computable")
    #expect(results[0].holmPValue.isNaN && results[0].bhPValue.isNaN)
    // The computable test is a family of one: Holm leaves its p-value alone.
    #expect(results[1].holmPValue == results[1].effect.pValue)
  }
}

@Suite struct DegenerateSideStatisticsTests {
  struct BayesCase: Sendable, CustomTestStringConvertible {
    var name: String
    var run: @Sendable () -> BayesianResult
    var testDescription: String { name }
  }

  static let bayesCases: [BayesCase] = [
    BayesCase(name: "Beta–binomial, successes > trials") {
      BayesianAnalysis.proportions(control: (5, 3), treatment: (1, 10))
    },
    BayesCase(name: "Beta–binomial, NaN trials") {
      BayesianAnalysis.proportions(control: (5, .nan), treatment: (1, 10))
    },
    BayesCase(name: "Beta–binomial, zero prior") {
      BayesianAnalysis.proportions(
        control: (5, 30), treatment: (1, 10), priorAlpha: 0)
    },
    BayesCase(name: "Beta–binomial, credibility 1") {
      BayesianAnalysis.proportions(
        control: (5, 30), treatment: (1, 10), credibility: 1)
    },
    BayesCase(name: "normal, one-unit arm") {
      BayesianAnalysis.means(
        control: SampleMoments([1]), treatment: SampleMoments([1, 2]))
    },
    BayesCase(name: "normal, zero variance") {
      BayesianAnalysis.means(
        control: SampleMoments([1, 1]), treatment: SampleMoments([2, 2]))
    },
    BayesCase(name: "normal, infinite sum") {
      BayesianAnalysis.means(
        control: SampleMoments(n: 3, sum: .infinity, sumSquares: 1),
        treatment: SampleMoments([2, 3]))
    },
  ]

  @Test(arguments: bayesCases)
  func bayesianDegenerateInputIsNotComputable(_ c: BayesCase) {
    let b = c.run()
    #expect(b.notComputable != nil)
    #expect(b.probabilityTreatmentBetter.isNaN)
    #expect(b.differenceInterval == -Double.infinity...Double.infinity)
  }

  @Test func aBetaBinomialArmWithNoTrialsHasThePriorAsPosterior() {
    let b = BayesianAnalysis.proportions(control: (0, 0), treatment: (0, 0))
    #expect(b.notComputable == nil)
    #expect(abs(b.probabilityTreatmentBetter - 0.5) < 1e-6)
  }

  struct RatioCase: Sendable, CustomTestStringConvertible {
    var name: String
    var observed: [Double]
    var shares: [Double]
    var reason: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    RatioCase(
      name: "lengths differ", observed: [10, 10], shares: [1],
      reason: "2 observed counts for 1 shares"),
    RatioCase(
      name: "one arm", observed: [10], shares: [1], reason: "at least 2 arms"),
    RatioCase(
      name: "nobody observed", observed: [0, 0], shares: [1, 1],
      reason: "no unit"),
    RatioCase(
      name: "negative count", observed: [-1, 5], shares: [1, 1], reason: "≥ 0"),
    RatioCase(
      name: "NaN count", observed: [.nan, 5], shares: [1, 1], reason: "≥ 0"),
    RatioCase(
      name: "zero share", observed: [5, 5], shares: [0, 1], reason: "share"),
    RatioCase(
      name: "infinite share", observed: [5, 5], shares: [.infinity, 1],
      reason: "share"),
  ])
  func sampleRatioCheckOnDegenerateCountsIsNotComputable(_ c: RatioCase) throws
  {
    let check = SampleRatioMismatch.check(
      observed: c.observed, expectedShares: c.shares)
    let why = try #require(check.notComputable)
    #expect(why.reason.contains(c.reason), "\(why.reason)")
    #expect(check.pValue.isNaN)
  }

  @Test(arguments: [0.0, -1, .nan, .infinity])
  func aSequentialTestWithoutAPositiveMixingVarianceIsNotComputable(
    _ tau2: Double
  ) {
    var test = SequentialTest(mixingVariance: tau2)
    #expect(test.notComputable != nil && test.pValue.isNaN)
    #expect(test.look(difference: 1, variance: 0.01).isNaN)
  }

  @Test func aSequentialLookWithoutEvidenceIsSkipped() {
    var test = SequentialTest(mixingVariance: 0.01)
    #expect(test.look(difference: .nan, variance: 0.01) == 1)
    #expect(test.look(difference: 0.5, variance: 0) == 1)
    #expect(test.look(difference: 0.5, variance: .infinity) == 1)
    #expect(test.look(difference: 0.5, variance: 0.001) < 1)
  }

  @Test func multipleTestingLeavesNotComputablePValuesOutOfTheFamily() {
    let holm = MultipleTesting.holm([0.01, .nan, 0.04])
    #expect(holm[0] == 0.02 && holm[1].isNaN && holm[2] == 0.04)
    let bh = MultipleTesting.benjaminiHochberg([0.01, .nan, 0.04])
    #expect(bh[0] == 0.02 && bh[1].isNaN && bh[2] == 0.04)
    #expect(MultipleTesting.holm([]).isEmpty)
    #expect(MultipleTesting.holm([.nan, 2]).allSatisfy { $0.isNaN })
  }

  struct BootstrapCase: Sendable, CustomTestStringConvertible {
    var name: String
    var control: [Double]
    var treatment: [Double]
    var resamples = 200
    var alpha = 0.05
    var reason: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    BootstrapCase(
      name: "one value", control: [1], treatment: [1, 2], reason: "1 value"),
    BootstrapCase(
      name: "empty arm", control: [1, 2], treatment: [], reason: "0 values"),
    BootstrapCase(
      name: "NaN value", control: [1, .nan], treatment: [1, 2],
      reason: "not finite"),
    BootstrapCase(
      name: "overflowing mean", control: [1e308, 1e308], treatment: [1, 2],
      reason: "overflow"),
    BootstrapCase(
      name: "10 resamples", control: [1, 2], treatment: [1, 2], resamples: 10,
      reason: "more than 10 resamples"),
    BootstrapCase(
      name: "α = 0", control: [1, 2], treatment: [1, 2], alpha: 0, reason: "α"),
  ])
  func bootstrapRefusesDegenerateInput(_ c: BootstrapCase) {
    let error = #expect(throws: NotComputable.self) {
      try Bootstrap.differenceOfMeans(
        control: c.control, treatment: c.treatment, resamples: c.resamples,
        alpha: c.alpha, seed: 1)
    }
    #expect(
      error?.reason.contains(c.reason) == true, "\(String(describing: error))")
  }

  @Test func bootstrapOfConstantArmsIsThePointEstimate() throws {
    let r = try Bootstrap.differenceOfMeans(
      control: [2, 2, 2], treatment: [5, 5], resamples: 100, seed: 3)
    #expect(r.percentile == 3...3 && r.bca == 3...3 && r.estimate == 3)
  }
}
