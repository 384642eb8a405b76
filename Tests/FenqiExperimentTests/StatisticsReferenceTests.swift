import FenqiCore
import FenqiExperiment
import Foundation
import Testing

/// Every statistic against SciPy / statsmodels (see reference_values.py), to a relative 1e-6.
@Suite struct StatisticsReferenceTests {
  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6)
    -> Bool
  {
    a.isApproximatelyEqual(
      to: b, absoluteTolerance: 1e-12, relativeTolerance: tolerance)
  }

  static func moments(n: Double, mean: Double, sd: Double) -> SampleMoments {
    SampleMoments(
      n: n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean)
  }

  static func joint(
    _ j: (
      n: Double, sy: Double, syy: Double, sx: Double, sxx: Double, sxy: Double
    )
  ) -> JointMoments {
    JointMoments(
      y: SampleMoments(n: j.n, sum: j.sy, sumSquares: j.syy),
      x: SampleMoments(n: j.n, sum: j.sx, sumSquares: j.sxx), sumCross: j.sxy)
  }

  @Test func twoProportionZTestMatchesStatsmodels() {
    let e = ProportionTest.compare(
      control: (480, 10_000), treatment: (560, 10_000))
    #expect(Self.close(e.statistic, Reference.proportionZ))
    #expect(Self.close(e.pValue, Reference.proportionP))
    #expect(
      Self.close(e.differenceInterval.lowerBound, Reference.proportionDiffLow))
    #expect(
      Self.close(e.differenceInterval.upperBound, Reference.proportionDiffHigh))
    #expect(
      Self.close(e.relativeInterval.lowerBound, Reference.proportionRelLow))
    #expect(
      Self.close(e.relativeInterval.upperBound, Reference.proportionRelHigh))
  }

  @Test func welchTestMatchesSciPy() {
    let e = MeanTest.welch(
      control: Self.moments(n: 500, mean: 102.3, sd: 31.7),
      treatment: Self.moments(n: 650, mean: 106.9, sd: 35.2))
    #expect(Self.close(e.statistic, Reference.welchT))
    #expect(Self.close(e.pValue, Reference.welchP))
    #expect(Self.close(e.differenceInterval.lowerBound, Reference.welchDiffLow))
    #expect(
      Self.close(e.differenceInterval.upperBound, Reference.welchDiffHigh))
  }

  @Test func distributionsMatchSciPy() {
    #expect(
      Self.close(
        StudentT.quantile(0.975, degreesOfFreedom: 7.3), Reference.tQuantile,
        1e-9))
    #expect(
      Self.close(
        StudentT.cdf(-2.1, degreesOfFreedom: 4.5), Reference.tCDF, 1e-9))
    #expect(
      Self.close(
        ChiSquare.survival(3.7, degreesOfFreedom: 2), Reference.chi2Survival,
        1e-9))
    #expect(
      Self.close(
        IncompleteBeta.inverse(0.025, a: 49, b: 953), Reference.betaQuantile,
        1e-9))
  }

  @Test func sampleRatioMismatchMatchesSciPysChiSquare() {
    let srm = SampleRatioMismatch.check(
      observed: [5100, 4900, 5050], expectedShares: [1, 1, 1])
    #expect(Self.close(srm.statistic, Reference.srmStatistic))
    #expect(Self.close(srm.pValue, Reference.srmP))
    #expect(srm.degreesOfFreedom == 2)
  }

  @Test func multipleTestingMatchesStatsmodels() {
    let p = [0.01, 0.04, 0.03, 0.2, 0.005]
    #expect(
      zip(MultipleTesting.holm(p), Reference.holm).allSatisfy {
        Self.close($0, $1)
      })
    #expect(
      zip(MultipleTesting.benjaminiHochberg(p), Reference.bh).allSatisfy {
        Self.close($0, $1)
      })
  }

  @Test func betaBinomialMatchesQuadrature() {
    let b = BayesianAnalysis.proportions(
      control: (48, 1000), treatment: (62, 1000))
    #expect(Self.close(b.probabilityTreatmentBetter, Reference.bayesBetter))
    #expect(
      Self.close(b.expectedLossShippingTreatment, Reference.bayesLoss, 1e-5))
    #expect(
      Self.close(b.controlInterval.lowerBound, Reference.bayesControlLow, 1e-9))
    #expect(
      Self.close(
        b.treatmentInterval.upperBound, Reference.bayesTreatmentHigh, 1e-9))
  }

  @Test func powerMatchesNormalIndPower() throws {
    let h = try PowerAnalysis.cohensH(0.05, 0.055)
    #expect(Self.close(h, Reference.powerH, 1e-12))
    #expect(
      Self.close(try PowerAnalysis.sampleSize(effect: h), Reference.powerN))
    #expect(
      Self.close(
        try PowerAnalysis.minimumDetectableEffect(n: 20_000), Reference.powerMDE
      ))
    #expect(
      Self.close(
        try PowerAnalysis.power(effect: 0.03, n: 15_000, ratio: 0.5),
        Reference.powerAtN))
  }

  @Test func ratioMetricDeltaMethodMatchesRawDataFormula() {
    let e = RatioMetric.compare(
      control: Self.joint(Reference.jointControl),
      treatment: Self.joint(Reference.jointTreatment))
    #expect(Self.close(e.difference, Reference.ratioDifference))
    #expect(Self.close(e.standardError, Reference.ratioSE))
    #expect(Self.close(e.pValue, Reference.ratioP))
  }

  @Test func cupedMatchesWelchOnAdjustedValuesAndNarrowsTheInterval() {
    let c = Self.joint(Reference.jointControl)
    let t = Self.joint(Reference.jointTreatment)
    let (e, theta) = CUPED.compare(control: c, treatment: t)
    #expect(Self.close(theta, Reference.cupedTheta))
    #expect(Self.close(e.statistic, Reference.cupedT))
    #expect(Self.close(e.pValue, Reference.cupedP))
    let plain = MeanTest.welch(control: c.y, treatment: t.y)
    #expect(Self.close(plain.statistic, Reference.plainT))
    let width = { (r: ClosedRange<Double>) in r.upperBound - r.lowerBound }
    #expect(width(e.differenceInterval) < 0.6 * width(plain.differenceInterval))
  }

  @Test func bootstrapBCaAgreesWithSciPyWithinResamplingNoise() throws {
    let r = try Bootstrap.differenceOfMeans(
      control: Reference.bootstrapControl,
      treatment: Reference.bootstrapTreatment, resamples: 20_000, seed: 7)
    let width = Reference.bootstrapBCaHigh - Reference.bootstrapBCaLow
    // Different resamples: agree to 3% of the interval's width.
    #expect(abs(r.bca.lowerBound - Reference.bootstrapBCaLow) < 0.03 * width)
    #expect(abs(r.bca.upperBound - Reference.bootstrapBCaHigh) < 0.03 * width)
    let again = try Bootstrap.differenceOfMeans(
      control: Reference.bootstrapControl,
      treatment: Reference.bootstrapTreatment, resamples: 20_000, seed: 7)
    #expect(again.bca == r.bca && again.percentile == r.percentile)
  }
}
