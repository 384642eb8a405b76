import FenqiOptimization
import Testing

@Suite struct RandomSearchTests {
  /// Batches of λ points follow each other; every point is in the cube with integers snapped,
  /// and ``RandomSearch/best`` is the largest objective told (ties keep the first).
  @Test func walksItsSequenceAndKeepsTheBest() throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(
        name: "months", lower: 0, upper: 12, isInteger: true),
      SearchSpace.Dimension(name: "discount", lower: 0, upper: 0.3),
      SearchSpace.Dimension(
        name: "budget", lower: 1e4, upper: 1e7, scale: .log),
    ])
    var search = RandomSearch(space: space, seed: 1)
    #expect(search.batchSize == 7)
    var told: [EvaluatedPoint] = []
    for round in 0..<5 {
      let batch = search.ask()
      #expect(batch == (7 * round..<7 * round + 7).map(search.point))
      for p in batch {
        #expect(p.allSatisfy { (0...1).contains($0) })
        #expect(space.snapped(p) == p)
      }
      let evaluations = batch.map {
        Evaluation(objective: ($0[1] * 10).rounded())
      }
      told += zip(batch, evaluations).map(EvaluatedPoint.init)
      search.tell(batch, evaluations)
    }
    let top = try #require(told.map(\.evaluation.objective).max())
    #expect(search.best == told.first { $0.evaluation.objective == top })
    #expect(search.evaluationCount == 35)
  }

  /// Points the caller adds (the current plan) count like any other.
  @Test func acceptsPointsItDidNotAsk() throws {
    var search = RandomSearch(space: try TestProblems.cube(2), seed: 0)
    search.tell([[0.5, 0.5]], [Evaluation(objective: 1e9)])
    search.tell(
      search.ask(), search.ask().map { _ in Evaluation(objective: 1) })
    #expect(search.best?.point == [0.5, 0.5])
  }

  @Test func theFactoryNamesBothAlgorithms() throws {
    let space = try TestProblems.cube(8)
    #expect(OptimizerAlgorithm(rawValue: "cmaes") == .cmaes)
    #expect(OptimizerAlgorithm(rawValue: "random") == .random)
    let cmaes = OptimizerAlgorithm.cmaes.makeOptimizer(space: space, seed: 0)
    let random = OptimizerAlgorithm.random.makeOptimizer(space: space, seed: 0)
    #expect(cmaes is CMAES && random is RandomSearch)
    #expect(cmaes.ask().count == 10 && random.ask().count == 10)
  }
}
