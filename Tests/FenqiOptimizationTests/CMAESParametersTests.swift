import FenqiOptimization
import Testing

@Suite struct CMAESParametersTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var n: Int
    var lambda: Int
    var mu: Int
    var muEff: Double
    var cSigma: Double
    var dSigma: Double
    var cc: Double
    var c1: Double
    var cMu: Double
    var negativeTotal: Double
    var testDescription: String { "n = \(n)" }
  }

  /// Values from an independent transcription of the tutorial's Table 1 (Hansen 2016, in
  /// Python), to 1e-12.
  @Test(arguments: [
    Case(
      n: 2, lambda: 6, mu: 3, muEff: 2.028_611_464_610_061_7,
      cSigma: 0.446_204_987_378_317_15, dSigma: 1.446_204_987_378_317_2,
      cc: 0.624_554_539_026_826_4, c1: 0.154_815_399_896_413_6,
      cMu: 0.057_859_085_071_916_304, negativeTotal: 2.207_323_654_840_602),
    Case(
      n: 8, lambda: 10, mu: 5, muEff: 3.167_299_281_410_702_6,
      cSigma: 0.319_614_252_910_633_45, dSigma: 1.319_614_252_910_633_4,
      cc: 0.343_650_141_548_384_75, c1: 0.022_307_163_120_344_784,
      cMu: 0.028_749_917_692_721_56, negativeTotal: 1.775_903_547_229_707_3),
  ])
  func matchTheTutorialsDefaults(_ c: Case) {
    let p = CMAESParameters(dimension: c.n)
    let close = { (a: Double, b: Double) in abs(a - b) < 1e-12 }
    #expect(p.populationSize == c.lambda && p.parentCount == c.mu)
    #expect(close(p.effectiveParents, c.muEff))
    #expect(close(p.stepSizePathRate, c.cSigma))
    #expect(close(p.stepSizeDamping, c.dSigma))
    #expect(close(p.covariancePathRate, c.cc))
    #expect(close(p.rankOneRate, c.c1))
    #expect(close(p.rankMuRate, c.cMu))
    let positive = p.weights.prefix(c.mu)
    let negative = p.weights.dropFirst(c.mu)
    #expect(close(positive.reduce(0, +), 1))
    #expect(close(negative.reduce(0, +), -c.negativeTotal))
    #expect(p.weights == p.weights.sorted(by: >))
    #expect(close(p.marginProbability, 1 / Double(c.n * c.lambda)))
  }

  @Test(arguments: [
    (1, 4), (2, 6), (3, 7), (5, 8), (8, 10), (10, 10), (20, 12),
  ])
  func defaultPopulationIsFourPlusThreeLogN(n: Int, lambda: Int) {
    #expect(CMAESParameters.defaultPopulationSize(dimension: n) == lambda)
  }
}
