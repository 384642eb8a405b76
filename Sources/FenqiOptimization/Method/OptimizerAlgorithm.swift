/// The optimisers a run can name (`"algorithm": "cmaes"`), and the factory that makes one.
public enum OptimizerAlgorithm: String, Sendable, CaseIterable {
  /// ``CMAES``: the optimiser.
  case cmaes
  /// ``RandomSearch``: the baseline it is judged against.
  case random

  /// A fresh search of `space` with this algorithm.
  ///
  /// - Parameters:
  ///   - space: the space searched.
  ///   - seed: the search's seed.
  ///   - start: CMA-ES's initial mean in [0, 1]^d (the current plan, encoded); random search
  ///     ignores it.
  ///   - stepSize: CMA-ES's initial σ in unit-cube units; random search ignores it.
  /// - Returns: the search; both kinds hand out batches of 4 + ⌊3 ln d⌋ points.
  public func makeOptimizer(
    space: SearchSpace, seed: UInt64, start: [Double]? = nil,
    stepSize: Double = CMAES.defaultStepSize
  ) -> any BlackBoxOptimizer {
    switch self {
    case .cmaes:
      return CMAES(space: space, seed: seed, start: start, stepSize: stepSize)
    case .random:
      return RandomSearch(space: space, seed: seed)
    }
  }
}
