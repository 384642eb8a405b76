import FenqiCore
import FenqiModels
import Testing

@Suite struct IsolationForestTests {
  @Test func averagePathMatchesItsFormula() {
    // c(256) = 2(ln 255 + γ) − 2·255/256.
    #expect(abs(IsolationForest.averagePath(256) - 10.244_770) < 1e-5)
    #expect(
      IsolationForest.averagePath(2) == 1 && IsolationForest.averagePath(1) == 0
    )
  }

  /// 2,000 points of a correlated Gaussian cloud and 40 injected points far from it.
  static func data() -> (x: [Double], anomalous: [Double]) {
    var x: [Double] = []
    var labels: [Double] = []
    for r in 0..<2040 {
      var rng = StreamFamily(seed: 8, period: 0, purpose: .modelRowSample)
        .stream(for: UInt64(r))
      let a = rng.normal()
      let b = 0.8 * a + 0.6 * rng.normal()
      let c = rng.normal()
      if r < 2000 {
        x += [a, b, c]
        labels.append(0)
      } else {
        // Off the correlation ridge: plausible margins, implausible combination.
        x += [
          2.5 * (rng.uniform() < 0.5 ? 1 : -1), 0, 4 * (rng.uniform() - 0.5),
        ]
        x[x.count - 2] = -x[x.count - 3]
        labels.append(1)
      }
    }
    return (x, labels)
  }

  @Test func injectedAnomaliesScoreHighAndTheForestIsReproducible() {
    let (x, labels) = Self.data()
    let forest = IsolationForest(x: x, width: 3, seed: 1)
    let scores = forest.scores(x)
    #expect(RankMetrics.auc(scores: scores, labels: labels) > 0.95)
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
    #expect(IsolationForest(x: x, width: 3, seed: 1) == forest)
    #expect(IsolationForest(x: x, width: 3, seed: 2) != forest)
  }
}
