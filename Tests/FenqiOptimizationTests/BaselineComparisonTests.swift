import FenqiOptimization
import Testing

@Suite struct BaselineComparisonTests {
  /// On a noisy 8-dimensional ellipsoid with the budget `fenqi optimize` has, 200 evaluations,
  /// CMA-ES's best plan beats random search's on the same five seeds.
  ///
  /// The objective is −Σ 10^(j/7)·(uⱼ − cⱼ)² with the optimum c far from the cube's centre
  /// (where CMA-ES starts, at −1.57; the corners are at −8.7 and −11), plus normal noise of
  /// standard deviation 0.05 per evaluation. The best plans are scored by their true
  /// (noise-free) value, so luck in the noise earns nothing.
  ///
  /// By how much it wins: over seeds 0–4 the medians are −0.18 for CMA-ES and −0.81 for random
  /// search, 4.4× closer to the optimum. Over seeds 0–39 the per-seed ratio has median 5.3 and
  /// ranges from 0.7 to 36: CMA-ES lost on one seed in forty. The test asks only that the
  /// median be at least 2× closer.
  @Test func cmaesBeatsRandomSearchOnANoisyProblemWithTheSameBudget() throws {
    let space = try TestProblems.cube(8)
    let centre = [0.15, 0.8, 0.3, 0.7, 0.2, 0.85, 0.4, 0.6]
    func truth(_ u: [Double]) -> Double {
      TestProblems.negativeEllipsoid(u, centre: centre)
    }
    func bestTruth(_ algorithm: OptimizerAlgorithm, seed: UInt64) -> Double {
      var search = algorithm.makeOptimizer(space: space, seed: seed)
      var index = 0
      let best = search.run(budget: 200) { u in
        index += 1
        let noise = 0.05 * TestProblems.noise(seed: seed, index: index)
        return Evaluation(objective: truth(u) + noise)
      }
      #expect(search.evaluationCount == 200)
      return best.map { truth($0.point) } ?? -.infinity
    }
    func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
    let seeds = 0..<5 as Range<UInt64>
    let cmaes = seeds.map { bestTruth(.cmaes, seed: $0) }
    let random = seeds.map { bestTruth(.random, seed: $0) }
    #expect(median(cmaes) > median(random) / 2, "\(cmaes) vs \(random)")
  }
}
