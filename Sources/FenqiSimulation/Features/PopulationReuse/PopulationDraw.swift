import FenqiCore
import FenqiPopulation

/// A population's generated customers for one seed, chunk by chunk (see
/// ``SimulationEngine/population()``).
///
/// Generating customers depends only on the population's size, segment shares and margins, its
/// correlations and the seed, so one draw serves every run that shares them — the points of a
/// calibration or an optimisation on one replicate seed (common random numbers) — and preparing
/// from it gives the same state as generating again.
public struct PopulationDraw: Sendable {
  /// The seed the customers were drawn with.
  public let seed: UInt64
  /// Customers, one block per engine chunk.
  let customers: [CustomerColumns]
  private let spec: PopulationSpec

  /// Wraps customers drawn for `scenario`'s population and seed.
  init(scenario: Scenario, customers: [CustomerColumns]) {
    seed = scenario.seed
    spec = scenario.population
    self.customers = customers
  }

  /// The number of customers.
  public var count: Int { spec.size }

  /// Whether these are exactly the customers `scenario` would generate: same seed, size,
  /// correlations, segment shares and margins, and no population sample (a sample draws its
  /// own way).
  public func matches(_ scenario: Scenario) -> Bool {
    let other = scenario.population
    return scenario.populationSample == nil && scenario.seed == seed
      && other.size == spec.size && other.correlation == spec.correlation
      && other.segments.count == spec.segments.count
      && zip(other.segments, spec.segments).allSatisfy {
        $0.share == $1.share && $0.marginals == $1.marginals
      }
  }
}
