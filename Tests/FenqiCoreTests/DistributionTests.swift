import FenqiCore
import Foundation
import Testing

/// Moments of the samplers against their known values, with 5-standard-error tolerances.
@Suite struct DistributionTests {
  static func stream(_ seed: UInt64) -> RandomStream {
    RandomStream(
      key: StreamKey(
        seed: seed, entity: 0, period: 0, purpose: Purpose(rawValue: 99)))
  }

  static func moments(_ n: Int, _ draw: () -> Double) -> (
    mean: Double, variance: Double
  ) {
    var sum = 0.0
    var sumSq = 0.0
    for _ in 0..<n {
      let x = draw()
      sum += x
      sumSq += x * x
    }
    let mean = sum / Double(n)
    return (mean, sumSq / Double(n) - mean * mean)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let mean: Double
    let variance: Double
    let draw: @Sendable (inout RandomStream) -> Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "normal(2, 3)", mean: 2, variance: 9) {
      $0.normal(mean: 2, standardDeviation: 3)
    },
    Case(
      name: "logNormal(0, 0.5)", mean: exp(0.125),
      variance: (exp(0.25) - 1) * exp(0.25)
    ) { $0.logNormal(mu: 0, sigma: 0.5) },
    Case(name: "gamma(2.5, 2)", mean: 5, variance: 10) {
      $0.gamma(shape: 2.5, scale: 2)
    },
    Case(name: "gamma(0.4, 1)", mean: 0.4, variance: 0.4) {
      $0.gamma(shape: 0.4)
    },
    Case(name: "beta(2, 5)", mean: 2.0 / 7, variance: 10.0 / (49 * 8)) {
      $0.beta(alpha: 2, beta: 5)
    },
    Case(name: "poisson(3)", mean: 3, variance: 3) {
      Double($0.poisson(mean: 3))
    },
    Case(name: "poisson(40)", mean: 40, variance: 40) {
      Double($0.poisson(mean: 40))
    },
    Case(name: "bernoulli(0.3)", mean: 0.3, variance: 0.21) {
      $0.bernoulli(0.3) ? 1 : 0
    },
    Case(name: "exponential(2)", mean: 0.5, variance: 0.25) {
      $0.exponential(rate: 2)
    },
  ]

  @Test(arguments: cases)
  func meanAndVarianceMatchTheory(c: Case) {
    var s = Self.stream(1)
    let n = 200_000
    let m = Self.moments(n) { c.draw(&s) }
    let seMean = (c.variance / Double(n)).squareRoot()
    #expect(abs(m.mean - c.mean) < 5 * seMean, "mean \(m.mean) vs \(c.mean)")
    // The variance's standard error is at most about variance·√(2/n)·(1 + kurtosis term); 5% is ample at n = 200k.
    #expect(
      abs(m.variance - c.variance) < 0.05 * c.variance,
      "variance \(m.variance) vs \(c.variance)")
  }

  @Test func aliasTableMatchesWeightsByChiSquare() {
    let weights = [0.5, 0.2, 0.15, 0.1, 0.05]
    let table = AliasTable(weights: weights)
    var s = Self.stream(2)
    let n = 100_000
    var counts = [Int](repeating: 0, count: weights.count)
    for _ in 0..<n { counts[table.sample(using: &s)] += 1 }
    let chi2 = zip(counts, weights).reduce(0.0) { r, p in
      let e = p.1 * Double(n)
      return r + (Double(p.0) - e) * (Double(p.0) - e) / e
    }
    #expect(chi2 < 18.47)  // χ²(4) 99.9th percentile
  }

  @Test func multivariateNormalRecoversItsCovariance() throws {
    let covariance = [4.0, 1.2, 1.2, 1.0]
    let mvn = try MultivariateNormal(mean: [1, -1], covariance: covariance)
    var s = Self.stream(3)
    var x: [Double] = []
    let n = 100_000
    var sums = [0.0, 0.0]
    var cross = [0.0, 0.0, 0.0]
    for _ in 0..<n {
      mvn.sample(into: &x, using: &s)
      sums[0] += x[0]
      sums[1] += x[1]
      cross[0] += x[0] * x[0]
      cross[1] += x[0] * x[1]
      cross[2] += x[1] * x[1]
    }
    let m0 = sums[0] / Double(n)
    let m1 = sums[1] / Double(n)
    #expect(abs(m0 - 1) < 0.03 && abs(m1 + 1) < 0.015)
    #expect(abs(cross[0] / Double(n) - m0 * m0 - 4) < 0.08)
    #expect(abs(cross[1] / Double(n) - m0 * m1 - 1.2) < 0.04)
    #expect(abs(cross[2] / Double(n) - m1 * m1 - 1) < 0.02)
  }

  @Test func choleskyRejectsAMatrixThatIsNotPositiveDefinite() {
    #expect(throws: Cholesky.Failure.notPositiveDefinite(order: 3)) {
      try Cholesky(
        matrix: [1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1], dimension: 3)
    }
    #expect(throws: Cholesky.Failure.notSymmetric(row: 1, column: 0)) {
      try Cholesky(matrix: [1, 0.2, 0.3, 1], dimension: 2)
    }
  }

  @Test func gaussianCopulaKeepsRankCorrelationWhateverTheMargins() throws {
    let rho = 0.6
    let copula = try GaussianCopula(
      correlation: [1, rho, rho, 1], dimension: 2)
    let a = Marginal(.logNormal(median: 5000, sigma: 0.8))
    let b = Marginal(.beta(alpha: 2, beta: 5, minimum: 0, maximum: 1))
    var s = Self.stream(4)
    var latent = [0.0, 0.0]
    var scratch = [0.0, 0.0]
    var pairs: [(Double, Double)] = []
    for _ in 0..<20_000 {
      latent.withUnsafeMutableBufferPointer { l in
        scratch.withUnsafeMutableBufferPointer { sc in
          copula.sampleLatent(into: l, scratch: sc, using: &s)
        }
      }
      pairs.append(
        (a.value(standardNormal: latent[0]), b.value(standardNormal: latent[1]))
      )
    }
    // Spearman's ρ_S = (6/π)·asin(ρ/2) for a Gaussian copula.
    let expected = 6 / Double.pi * asin(rho / 2)
    func ranks(_ v: [Double]) -> [Double] {
      var r = [Double](repeating: 0, count: v.count)
      for (rank, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() {
        r[i] = Double(rank)
      }
      return r
    }
    let ra = ranks(pairs.map(\.0))
    let rb = ranks(pairs.map(\.1))
    let n = Double(pairs.count)
    let mean = (n - 1) / 2
    var num = 0.0
    var da = 0.0
    var db = 0.0
    for i in 0..<pairs.count {
      num += (ra[i] - mean) * (rb[i] - mean)
      da += (ra[i] - mean) * (ra[i] - mean)
      db += (rb[i] - mean) * (rb[i] - mean)
    }
    #expect(abs(num / (da * db).squareRoot() - expected) < 0.02)
  }

  @Test func betaMarginalQuantilesMatchTheIncompleteBeta() {
    let m = Marginal(.beta(alpha: 2, beta: 3, minimum: 0, maximum: 1))
    for x in [-2.0, -0.5, 0, 0.7, 2.2] {
      let v = m.value(standardNormal: x)
      #expect(
        abs(IncompleteBeta.regularized(v, a: 2, b: 3) - Normal.cdf(x)) < 1e-4)
    }
  }

  @Test func categoricalAndPoissonMarginalsHitTheirProbabilities() {
    let m = Marginal(.categorical(probabilities: [0.2, 0.5, 0.3]))
    #expect(m.value(standardNormal: Normal.quantile(0.19)) == 0)
    #expect(m.value(standardNormal: Normal.quantile(0.21)) == 1)
    #expect(m.value(standardNormal: Normal.quantile(0.69)) == 1)
    #expect(m.value(standardNormal: Normal.quantile(0.71)) == 2)
    let p = Marginal(.poisson(mean: 1))  // P(0) = e⁻¹ = 0.3679, P(≤1) = 0.7358
    #expect(p.value(standardNormal: Normal.quantile(0.36)) == 0)
    #expect(p.value(standardNormal: Normal.quantile(0.37)) == 1)
    #expect(p.value(standardNormal: Normal.quantile(0.74)) == 2)
  }
}

@Suite struct FlatMarginalTests {
  @Test func flatMarginsGiveExactlyTheValuesOfTheirMarginals() {
    let margins: [Marginal] = [
      Marginal(
        .normal(mean: 3, standardDeviation: 2), lowerBound: 0, upperBound: 7),
      Marginal(.logNormal(median: 8000, sigma: 0.5)),
      Marginal(.uniform(minimum: 18, maximum: 60)),
      Marginal(.beta(alpha: 0.7, beta: 3, minimum: 0, maximum: 2)),
      Marginal(.poisson(mean: 2.5)),
      Marginal(.categorical(probabilities: [0.1, 0.6, 0.3])),
    ]
    var tables: [Double] = []
    let flat = margins.map { $0.flattened(appendingTablesTo: &tables) }
    tables.withUnsafeBufferPointer { t in
      for x in stride(from: -9.0, through: 9.0, by: 0.37) {
        for (m, f) in zip(margins, flat) {
          #expect(
            m.value(standardNormal: x) == f.value(standardNormal: x, tables: t))
        }
      }
    }
  }
}
