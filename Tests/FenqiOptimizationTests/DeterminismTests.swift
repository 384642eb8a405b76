import FenqiCore
import FenqiOptimization
import Testing

@Suite struct DeterminismTests {
  /// The batches asked over `generations` generations of `algorithm` with `seed`, each told
  /// the negative sphere's values.
  static func asked(
    _ algorithm: OptimizerAlgorithm, seed: UInt64, generations: Int
  ) throws -> [[[Double]]] {
    let space = try TestProblems.cube(5)
    let centre = TestProblems.centre(5)
    var search = algorithm.makeOptimizer(space: space, seed: seed)
    var batches: [[[Double]]] = []
    for _ in 0..<generations {
      let batch = search.ask()
      #expect(search.ask() == batch)
      batches.append(batch)
      search.tell(
        batch,
        batch.map {
          Evaluation(objective: TestProblems.negativeSphere($0, centre: centre))
        })
    }
    return batches
  }

  @Test(arguments: OptimizerAlgorithm.allCases)
  func theSameSeedAsksTheSameSequence(_ algorithm: OptimizerAlgorithm) throws {
    let a = try Self.asked(algorithm, seed: 7, generations: 6)
    let b = try Self.asked(algorithm, seed: 7, generations: 6)
    #expect(a == b)
    let c = try Self.asked(algorithm, seed: 8, generations: 6)
    for (x, y) in zip(a, c) { #expect(x != y) }
  }

  /// CMA-ES's first candidate with C = I is m + σ·z, z the first d normals of the stream
  /// (seed, 0, 0, optimizerSample), mirrored into the cube.
  @Test func theFirstCandidateIsTheMeanPlusSigmaTimesTheFirstNormals() throws {
    let space = try TestProblems.cube(3)
    let search = CMAES(space: space, seed: 42, start: [0.2, 0.5, 0.9])
    var stream = RandomStream(
      key: StreamKey(seed: 42, entity: 0, period: 0, purpose: .optimizerSample))
    let expected = [0.2, 0.5, 0.9].map { m -> Double in
      let x = m + 0.3 * stream.normal()
      return x < 0 ? -x : (x > 1 ? 2 - x : x)
    }
    let first = try #require(search.ask().first)
    for (a, b) in zip(first, expected) { #expect(abs(a - b) < 1e-15) }
  }

  @Test func randomSearchPointsComeFromTheirOwnStream() throws {
    let space = try TestProblems.cube(2)
    let search = RandomSearch(space: space, seed: 3)
    let stream = RandomStream(
      key: StreamKey(
        seed: 3, entity: 5, period: 0, purpose: .optimizerRandomSearch))
    #expect(search.point(5) == [stream.uniform(at: 0), stream.uniform(at: 1)])
  }
}
