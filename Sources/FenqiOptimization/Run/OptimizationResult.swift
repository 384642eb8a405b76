/// A finished optimisation: its trials, the best plan, the frontier and their verification.
public struct OptimizationResult: Sendable {
  /// The optimisation.
  public var inputs: OptimizationInputs
  /// Every trial, the shipped plan first.
  public var trials: [OptimizationTrial]
  /// The best trial by Deb's rules on the optimisation's seeds.
  public var best: OptimizationTrial
  /// The frontier of the objective against the main constraint.
  public var frontier: [OptimizationTrial]
  /// The best plan, the shipped arms and the frontier on fresh seeds.
  public var verification: Verification

  /// Verifies `trials` (all of them, or the union of shards').
  public init(
    _ inputs: OptimizationInputs, trials: [OptimizationTrial], threads: Int
  ) {
    self.inputs = inputs
    self.trials = trials
    best = Optimization.best(trials, settings: inputs.settings)
    frontier = Optimization.frontier(trials, settings: inputs.settings)
    verification = Verification.run(
      inputs, best: best, frontier: frontier, threads: threads)
  }
}
