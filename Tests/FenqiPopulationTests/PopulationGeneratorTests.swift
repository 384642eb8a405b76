import FenqiCore
import FenqiPopulation
import Testing

@Suite struct PopulationGeneratorTests {
  static let spec = PopulationSpec(
    size: 60_000,
    segments: [
      SegmentProfile(
        name: "a", share: 0.7,
        marginals: [.monthlyIncome: .logNormal(median: 9000, sigma: 0.4)]),
      SegmentProfile(
        name: "b", share: 0.3,
        marginals: [
          .creditScore: .normal(mean: 580, standardDeviation: 40),
          .cityTier: .categorical(probabilities: [0.5, 0.5, 0, 0, 0]),
        ]),
    ],
    correlations: [
      (.latentRisk, .creditScore, -0.8), (.age, .creditHistoryMonths, 0.5),
    ])

  @Test func segmentSharesAndMarginsMatchTheSpec() throws {
    let g = try PopulationGenerator(spec: Self.spec)
    let c = g.generate(range: 0..<Self.spec.size, seed: 11)
    let n = Double(c.count)
    let shareB = Double(c.segment.filter { $0 == 1 }.count) / n
    #expect(abs(shareB - 0.3) < 4 * (0.21 / n).squareRoot())
    let scoresB = c.creditScore.indices.filter { c.segment[$0] == 1 }.map {
      Double(c.creditScore[$0])
    }
    let meanB = scoresB.reduce(0, +) / Double(scoresB.count)
    #expect(abs(meanB - 580) < 4 * 40 / Double(scoresB.count).squareRoot())
    #expect(
      c.cityTier.indices.filter { c.segment[$0] == 1 }.allSatisfy {
        c.cityTier[$0] <= 1
      })
    let incomesA = c.monthlyIncome.indices.filter { c.segment[$0] == 0 }.map {
      c.monthlyIncome[$0]
    }.sorted()
    #expect(abs(incomesA[incomesA.count / 2] / 9000 - 1) < 0.02)
    #expect(
      c.age.allSatisfy { $0 >= 18 }
        && c.incomeStability.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func copulaCorrelationShowsInTheAttributes() throws {
    let g = try PopulationGenerator(
      spec: PopulationSpec(
        size: 40_000, segments: [SegmentProfile(name: "all", share: 1)],
        correlations: [(.latentRisk, .creditScore, -0.8)]))
    let c = g.generate(range: 0..<40_000, seed: 3)
    let x = c.latentRisk.map(Double.init)
    let y = c.creditScore.map(Double.init)
    let mx = x.reduce(0, +) / Double(x.count)
    let my = y.reduce(0, +) / Double(y.count)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) * (x[i] - mx)
      syy += (y[i] - my) * (y[i] - my)
    }
    // Both margins are normal, so Pearson's r estimates ρ directly (se ≈ (1 − ρ²)/√n = 0.0018).
    #expect(abs(sxy / (sxx * syy).squareRoot() + 0.8) < 0.01)
  }

  @Test(arguments: [1, 777, 8192])
  func anyBlockEqualsTheSameCustomersGeneratedWhole(blockSize: Int) throws {
    let g = try PopulationGenerator(spec: Self.spec)
    let whole = g.generate(range: 0..<20_000, seed: 5)
    var start = 0
    while start < 20_000 && start < 3 * blockSize + 100 {
      let block = g.generate(
        range: start..<min(20_000, start + blockSize), seed: 5)
      for i in 0..<block.count {
        #expect(block.monthlyIncome[i] == whole.monthlyIncome[start + i])
        #expect(
          block.segment[i] == whole.segment[start + i]
            && block.latentRisk[i] == whole.latentRisk[start + i])
      }
      start += blockSize
    }
  }
}
