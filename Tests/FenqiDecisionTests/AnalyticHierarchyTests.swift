import FenqiDecision
import Testing

@Suite struct AnalyticHierarchyTests {
  /// A perfectly consistent matrix, aᵢⱼ = wᵢ/wⱼ (Saaty's defining case), gives back w,
  /// λ_max = n and CR = 0.
  @Test func aConsistentMatrixGivesItsWeightsExactly() throws {
    let w = [0.6, 0.3, 0.1]
    let a = w.map { wi in w.map { wj in wi / wj } }
    let ahp = try AnalyticHierarchy(matrix: a)
    for (x, y) in zip(ahp.weights, w) { #expect(abs(x - y) < 1e-12) }
    #expect(abs(ahp.lambdaMax - 3) < 1e-12 && abs(ahp.consistencyRatio) < 1e-12)
  }

  /// A slightly inconsistent 4 × 4 matrix, checked against numpy.linalg.eig:
  /// weights (0.5650, 0.2622, 0.1175, 0.0553), λ_max 4.1170, CR 0.0433.
  @Test func anInconsistentMatrixMatchesItsEigenvector() throws {
    let a: [[Double]] = [
      [1, 3, 5, 7], [1.0 / 3, 1, 3, 5], [1.0 / 5, 1.0 / 3, 1, 3],
      [1.0 / 7, 1.0 / 5, 1.0 / 3, 1],
    ]
    let ahp = try AnalyticHierarchy(matrix: a)
    let expected = [0.5650, 0.2622, 0.1175, 0.0553]
    for (x, y) in zip(ahp.weights, expected) { #expect(abs(x - y) < 5e-4) }
    #expect(abs(ahp.lambdaMax - 4.1170) < 5e-4)
    #expect(abs(ahp.consistencyRatio - 0.0433) < 5e-4)
    #expect(ahp.isConsistent)
  }

  /// Saaty's textbook example: the relative brightness of four chairs set at different distances
  /// from a light.
  ///
  /// From Saaty 1977 (Journal of Mathematical Psychology 15), repeated in *The Analytic Hierarchy
  /// Process* (1980). Published: weights 0.61, 0.24, 0.10, 0.05 and λ_max 4.39 (numpy:
  /// 0.6187, 0.2353, 0.1009, 0.0451; 4.3907), so CI 0.130 and CR 0.145 — above 0.1.
  @Test func saatysBrightnessExample() throws {
    let a: [[Double]] = [
      [1, 5, 6, 7], [1.0 / 5, 1, 4, 6], [1.0 / 6, 1.0 / 4, 1, 4],
      [1.0 / 7, 1.0 / 6, 1.0 / 4, 1],
    ]
    let ahp = try AnalyticHierarchy(matrix: a)
    for (x, y) in zip(ahp.weights, [0.61, 0.24, 0.10, 0.05]) {
      #expect(abs(x - y) < 0.01)
    }
    for (x, y) in zip(ahp.weights, [0.6187, 0.2353, 0.1009, 0.0451]) {
      #expect(abs(x - y) < 5e-4)
    }
    #expect(abs(ahp.lambdaMax - 4.39) < 0.005)
    #expect(abs(ahp.consistencyIndex - 0.1302) < 5e-4)
    #expect(abs(ahp.consistencyRatio - 0.1447) < 5e-4 && !ahp.isConsistent)
  }

  @Test func contradictoryJudgementsFailTheRatio() throws {
    // A prefers B strongly, B prefers C strongly, but C prefers A strongly.
    let a: [[Double]] = [[1, 9, 1.0 / 9], [1.0 / 9, 1, 9], [9, 1.0 / 9, 1]]
    let ahp = try AnalyticHierarchy(matrix: a)
    #expect(ahp.consistencyRatio >= 0.1 && !ahp.isConsistent)
    #expect(throws: AnalyticHierarchy.Problem.self) {
      try AnalyticHierarchy(matrix: [[1, 2], [2, 1]])
    }
  }
}
