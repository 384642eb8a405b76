import Foundation

/// Populations kept between runs that share them, one per seed: a calibration's or an
/// optimisation's points on one replicate seed all run on the same customers (common random
/// numbers), so the customers are generated once per seed, not once per point.
///
/// A run whose population differs from the kept one (its size, margins, shares or correlations
/// are among the parameters searched) generates its own and keeps it in place of the old one.
/// Results are the same with or without the cache. Safe to share between threads.
public final class PopulationCache: @unchecked Sendable {
  private let lock = NSLock()
  private var kept: [UInt64: PopulationDraw] = [:]

  /// An empty cache.
  public init() {}

  /// The population `engine`'s scenario runs on: the kept one for its seed when it matches,
  /// otherwise generated (in parallel on the engine's threads) and kept.
  public func population(for engine: SimulationEngine) -> PopulationDraw {
    let seed = engine.scenario.seed
    if let draw = lock.withLock({ kept[seed] }), draw.matches(engine.scenario) {
      return draw
    }
    let draw = engine.population()
    lock.withLock { kept[seed] = draw }
    return draw
  }

  /// Prepares `engine`'s run on the kept population (see ``population(for:)``).
  public func prepare(_ engine: SimulationEngine) -> SimulationEngine.Prepared {
    engine.prepare(reusing: population(for: engine))
  }
}
