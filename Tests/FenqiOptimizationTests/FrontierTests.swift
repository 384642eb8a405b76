import FenqiOptimization
import Testing

@Suite struct FrontierTests {
  /// Profit (objective) against loss rate (constraint): the frontier drops every plan that
  /// another beats on both, by loss rate ascending.
  @Test func keepsTheNonDominatedPlansByConstraintAscending() {
    let pairs: [(objective: Double, constraint: Double)] = [
      (10, 0.05),  // 0: frontier
      (8, 0.06),  // 1: dominated by 0
      (12, 0.07),  // 2: frontier
      (12, 0.08),  // 3: dominated by 2 (same profit, more loss)
      (5, 0.02),  // 4: frontier
      (10, 0.05),  // 5: a copy of 0: only the first is kept
      (.nan, 0.01),  // 6: skipped
      (20, 0.2),  // 7: frontier
      (4, 0.02),  // 8: dominated by 4 (same loss, less profit)
    ]
    #expect(Frontier.pareto(pairs) == [4, 0, 2, 7])
  }

  @Test func emptyAndSingleInputs() {
    #expect(Frontier.pareto([]).isEmpty)
    #expect(Frontier.pareto([(objective: 1, constraint: 1)]) == [0])
  }

  /// Checked against the definition on seeded random clouds: no frontier pair is dominated,
  /// and every other pair is dominated by (or equal to) a frontier pair.
  @Test(arguments: 0..<8 as Range<UInt64>)
  func matchesTheDefinitionOnRandomClouds(seed: UInt64) {
    let pairs = (0..<60).map { i -> (objective: Double, constraint: Double) in
      (
        (TestProblems.noise(seed: seed, index: 2 * i) * 4).rounded() / 4,
        (TestProblems.noise(seed: seed, index: 2 * i + 1) * 4).rounded() / 4
      )
    }
    func dominates(_ a: Int, _ b: Int) -> Bool {
      let (p, q) = (pairs[a], pairs[b])
      return p.objective >= q.objective && p.constraint <= q.constraint
        && (p.objective > q.objective || p.constraint < q.constraint)
    }
    let frontier = Frontier.pareto(pairs)
    for f in frontier {
      #expect(!pairs.indices.contains { dominates($0, f) }, "\(pairs[f])")
    }
    for i in pairs.indices where !frontier.contains(i) {
      #expect(
        frontier.contains {
          dominates($0, i) || pairs[$0] == pairs[i]
        }, "\(pairs[i])")
    }
  }
}
