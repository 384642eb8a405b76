/// A finished optimisation: its trials, the best plan, the frontier and their verification.
public struct OptimizationResult: Sendable {
  /// The optimisation.
  public var inputs: OptimizationInputs
  /// Every trial, the shipped plan first.
  public var trials: [OptimizationTrial]
  /// The chosen plan's trial: the best on the selection seeds among the search's best and the
  /// frontier (see ``Verification``).
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
    let frontier = Optimization.frontier(trials, settings: inputs.settings)
    let verification = Verification.run(
      inputs, trials: trials, frontier: frontier, threads: threads)
    self.frontier = frontier
    self.verification = verification
    best =
      trials.first { $0.values == verification.chosen }
      ?? Optimization.best(trials, settings: inputs.settings)
  }
}
