import FenqiCore
import FenqiPopulation

extension SimulationEngine {
  /// The number of fixed-size chunks the population is cut into.
  var chunkCount: Int {
    (scenario.population.size + ChunkState.size - 1) / ChunkState.size
  }

  /// A function from chunk index to that chunk's generated customers (from the scenario's
  /// population spec, or its population sample when it has one).
  func customerGenerator() -> @Sendable (Int) -> CustomerColumns {
    // The decoder has already checked that the correlation matrix factors.
    guard let generator = try? PopulationGenerator(spec: scenario.population)
    else {
      preconditionFailure(
        "scenario \(scenario.name) passed validation with a non-positive-definite correlation matrix"
      )
    }
    let n = scenario.population.size
    let seed = scenario.seed
    let sample = scenario.populationSample
    return { c in
      let lower = c * ChunkState.size
      let range = lower..<Swift.min(n, lower + ChunkState.size)
      return sample?.customers(range: range, seed: seed, generator: generator)
        ?? generator.generate(range: range, seed: seed)
    }
  }

  /// The scenario's customers for its seed, generated chunk by chunk in parallel: the part of
  /// ``prepare(reusing:)`` that depends only on the population and the seed, to hand back to
  /// it for other runs of the same population (calibration and optimisation points, common
  /// random numbers).
  public func population() -> PopulationDraw {
    let generate = customerGenerator()
    return PopulationDraw(
      scenario: scenario,
      customers: Self.chunks(count: chunkCount, threads: threads, generate))
  }

  /// `make(c)` for every chunk c in `0..<count`, made in parallel, in chunk order.
  static func chunks<T>(
    count: Int, threads: Int, _ make: @Sendable (Int) -> T
  ) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let shared = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: count, threads: threads) { c in
        (shared.buffer.baseAddress.unsafelyUnwrapped + c).initialize(
          to: make(c))
      }
      initialized = count
    }
  }
}
