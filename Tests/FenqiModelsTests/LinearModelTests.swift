import FenqiCore
import FenqiModels
import Foundation
import Testing

@Suite struct LinearModelTests {
  /// Rows with two informative columns and one pure-noise column.
  static func data(rows: Int) -> (x: [Double], y: [Double]) {
    var x: [Double] = []
    var y: [Double] = []
    for r in 0..<rows {
      var rng = StreamFamily(seed: 3, period: 0, purpose: .modelRowSample)
        .stream(for: UInt64(r))
      let a = rng.normal()
      let b = rng.normal()
      let c = rng.normal()
      x += [a, b, c]
      y.append(
        rng.uniform() < 1 / (1 + exp(-(0.5 + 1.5 * a - 0.8 * b))) ? 1 : 0)
    }
    return (x, y)
  }

  /// The gradient of the mean log-loss at the fitted model, per coefficient (intercept first).
  static func gradient(_ m: LogisticRegression, x: [Double], y: [Double])
    -> [Double]
  {
    let margins = m.margins(x)
    var g = [Double](repeating: 0, count: m.coefficients.count + 1)
    for r in y.indices {
      let residual = 1 / (1 + exp(-margins[r])) - y[r]
      g[0] += residual
      for j in m.coefficients.indices { g[j + 1] += residual * x[r * 3 + j] }
    }
    return g.map { $0 / Double(y.count) }
  }

  @Test func ridgeFitSatisfiesItsOptimalityConditions() {
    let (x, y) = Self.data(rows: 3000)
    var options = LogisticRegression.Options()
    options.l2 = 0.01
    let m = LogisticRegression.fit(x: x, width: 3, labels: y, options: options)
    let g = Self.gradient(m, x: x, y: y)
    // ∂/∂β₀ = 0 and ∂/∂βⱼ + λ₂βⱼ = 0 at the optimum.
    #expect(abs(g[0]) < 1e-7)
    for j in 0..<3 {
      #expect(abs(g[j + 1] + options.l2 * m.coefficients[j]) < 1e-7)
    }
    // Near the true 1.5 and −0.8 (sampling error and a little shrinkage aside).
    #expect(
      abs(m.coefficients[0] - 1.5) < 0.3 && abs(m.coefficients[1] + 0.8) < 0.3)
    #expect(abs(m.coefficients[2]) < 0.15)
  }

  @Test func lassoZeroesTheNoiseColumnAndSatisfiesKKT() {
    let (x, y) = Self.data(rows: 3000)
    var options = LogisticRegression.Options()
    options.l2 = 0
    options.l1 = 0.02
    let m = LogisticRegression.fit(x: x, width: 3, labels: y, options: options)
    let g = Self.gradient(m, x: x, y: y)
    #expect(m.coefficients[2] == 0)
    for j in 0..<3 {
      if m.coefficients[j] == 0 {
        #expect(abs(g[j + 1]) <= options.l1 + 1e-7)
      } else {
        #expect(
          abs(g[j + 1] + options.l1 * (m.coefficients[j] > 0 ? 1 : -1)) < 1e-7)
      }
    }
  }

  @Test func woeAndInformationValueMatchTheirDefinition() {
    // Category a: 40 good 10 bad; b: 30 good 30 bad; c: 10 good 40 bad → 80 good, 80 bad.
    var codes: [Int32] = []
    var labels: [Double] = []
    for (code, good, bad) in [(Int32(0), 40, 10), (1, 30, 30), (2, 10, 40)] {
      codes += [Int32](repeating: code, count: good + bad)
      labels +=
        [Double](repeating: 0, count: good) + [Double](repeating: 1, count: bad)
    }
    let binning = WOEBinning(
      fitting: .categorical(codes: codes, levels: ["a", "b", "c"]),
      labels: labels)
    let expected = [(40.5, 10.5), (30.5, 30.5), (10.5, 40.5)].map {
      log(($0 / 80) / ($1 / 80))
    }
    for k in 0..<3 { #expect(abs(binning.woe[k] - expected[k]) < 1e-12) }
    #expect(binning.woe[3] == 0)  // no missing rows: no evidence
    var iv = 0.0
    for (k, (g, b)) in [(40.0, 10.0), (30, 30), (10, 40)].enumerated() {
      iv += (g / 80 - b / 80) * binning.woe[k]
    }
    #expect(abs(binning.informationValue - iv) < 1e-12)
  }

  @Test func numericWOEIsMonotoneAfterCoarseClassing() throws {
    let data = try GermanCredit.load()
    for name in ["duration_in_month", "credit_amount", "age_in_years"] {
      let column = try #require(data.features.column(named: name))
      let binning = WOEBinning(fitting: column, labels: data.labels)
      let w = Array(binning.woe.dropLast())
      let rising = zip(w, w.dropFirst()).allSatisfy { $0 <= $1 }
      let falling = zip(w, w.dropFirst()).allSatisfy { $0 >= $1 }
      #expect(rising || falling, "\(name): \(w)")
      let n = Double(data.labels.count)
      #expect(
        zip(binning.goods, binning.bads).dropLast().allSatisfy {
          ($0 + $1) >= 0.05 * n
        })
    }
  }

  @Test func scorecardPointsFollowTheScalingFormula() throws {
    let data = try GermanCredit.load()
    var scaling = Scorecard.Scaling()
    scaling.baseScore = 600
    scaling.baseOdds = 50
    scaling.pointsToDoubleOdds = 20
    let card = Scorecard(
      fitting: data.features, labels: data.labels, scaling: scaling)
    let factor = 20 / log(2.0)
    let offset = 600 - factor * log(50.0)
    #expect(abs(card.scaling.factor - factor) < 1e-12)
    #expect(abs(card.scaling.offset - offset) < 1e-12)
    let scores = try card.scores(for: data.features)
    let probabilities = try card.probabilities(for: data.features)
    for r in 0..<data.labels.count {
      // score = offset + factor · ln(odds of good)
      let oddsGood = (1 - probabilities[r]) / probabilities[r]
      #expect(abs(scores[r] - (offset + factor * log(oddsGood))) < 1e-9)
    }
    // 600 points at 50 : 1, and 20 more points double the odds.
    func odds(_ score: Double) -> Double { exp((score - offset) / factor) }
    #expect(abs(odds(600) - 50) < 1e-9)
    #expect(abs(odds(620) / odds(600) - 2) < 1e-12)
    // Riskier rows score lower: the card ranks bads below goods.
    #expect(
      RankMetrics.auc(scores: scores.map { -$0 }, labels: data.labels) > 0.75)
  }

  @Test func encoderStandardisesFlagsMissingAndOneHotsCategories() throws {
    let table = FeatureTable(
      names: ["amount", "city"],
      columns: [
        .numeric([1, 3, .nan, 5, 1, 3, 5, 3]),
        .categorical(
          codes: [0, 0, 0, 0, 0, 2, 2, -1], levels: ["sh", "gz", "bj"]),
      ], rowCount: 8)
    var encoder = try DenseEncoder(fitting: table)
    // "sh" is the most frequent level: the reference; "gz" and "bj" are too rare.
    #expect(encoder.outputNames == ["amount", "amount=missing"])
    let wide = FeatureTable(
      names: ["amount", "city"],
      columns: [
        .numeric(
          [1, 3, .nan, 5, 1, 3, 5, 3] + [Double](repeating: 3, count: 10)),
        .categorical(
          codes: [0, 0, 0, 0, 0, 2, 2, -1] + [Int32](repeating: 2, count: 10),
          levels: ["sh", "gz", "bj"]),
      ], rowCount: 18)
    #expect(
      try DenseEncoder(fitting: wide).outputNames == [
        "amount", "amount=missing", "city=sh",
      ])
    encoder = try DenseEncoder(fitting: table)
    let x = try encoder.encode(table)
    // Mean 3 of the seven present values, sample sd √(16/6).
    let sd = (16.0 / 6).squareRoot()
    #expect(abs(x[0] - (1 - 3) / sd) < 1e-12)
    #expect(x[2 * 2] == 0 && x[2 * 2 + 1] == 1)
    #expect(x.count == 8 * 2)
    let wideX = try (try DenseEncoder(fitting: wide)).encode(wide)
    // "bj" (12 rows) is the reference now; "sh" gets a column; missing is all zeros.
    #expect(
      wideX[0 * 3 + 2] == 1 && wideX[5 * 3 + 2] == 0 && wideX[7 * 3 + 2] == 0)
  }
}
