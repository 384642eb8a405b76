import FenqiCore
import FenqiExperiment
import FenqiSimulation

/// The search: the shipped plan first, then the optimiser's batches until the budget is spent,
/// every plan on the same seeds (common random numbers).
public enum Optimization {
  /// What the search reports as it goes.
  public struct Progress: Sendable {
    /// Plans evaluated (or replayed) so far.
    public var evaluated: Int
    /// The budget.
    public var budget: Int
    /// The best trial so far.
    public var best: OptimizationTrial
    /// Every trial so far.
    public var trials: [OptimizationTrial]
  }

  /// Runs the search.
  ///
  /// - Parameters:
  ///   - inputs: the optimisation.
  ///   - threads: worker threads per simulation; results do not depend on it.
  ///   - restart: the restart (shard) index, mixed into the optimiser's seed.
  ///   - replay: trials of an earlier run of the same search (`--resume`): a plan asked again
  ///     at the same index is taken from them instead of simulated.
  ///   - progress: called after each batch.
  /// - Returns: every trial, the shipped plan first.
  public static func run(
    _ inputs: OptimizationInputs, threads: Int, restart: Int = 0,
    replay: [OptimizationTrial] = [], progress: (Progress) -> Void = { _ in }
  ) -> [OptimizationTrial] {
    let settings = inputs.settings
    let space = settings.space
    let evaluator = PlanEvaluator(
      inputs,
      seeds: PlanEvaluator.seeds(
        from: inputs.scenario.seed, count: settings.replicates),
      threads: threads)
    var trials: [OptimizationTrial] = []
    func evaluate(_ unit: [Double], batch: Int, offset: Int = 0)
      -> OptimizationTrial
    {
      let k = trials.count + offset
      if k < replay.count, replay[k].unit == unit {
        var t = replay[k]
        t.batch = batch
        return t
      }
      let outcome = evaluator.evaluate(space.decode(unit))
      return OptimizationTrial(
        index: k, batch: batch, unit: unit, outcome: outcome, settings: settings
      )
    }
    let start = inputs.shippedValues.map(space.encode)
    trials.append(
      evaluate(start ?? space.encode(space.decode(half(space))), batch: 0))
    var optimizer = settings.algorithm.makeOptimizer(
      space: space, seed: settings.seed &+ UInt64(restart) &* 0x9E37_79B9,
      start: start)
    var batch = 1
    while trials.count < settings.budget {
      let points = optimizer.ask()
      guard !points.isEmpty else { break }
      let room = settings.budget - trials.count
      let done = points.prefix(room).enumerated().map {
        evaluate($1, batch: batch, offset: $0)
      }
      trials += done
      if done.count == points.count {
        optimizer.tell(points, done.map { $0.outcome().evaluation(settings) })
      }
      batch += 1
      progress(
        Progress(
          evaluated: trials.count, budget: settings.budget,
          best: best(trials, settings: settings), trials: trials))
    }
    return trials
  }

  /// The centre of the cube.
  static func half(_ space: SearchSpace) -> [Double] {
    [Double](repeating: 0.5, count: space.count)
  }

  /// The best trial by Deb's rules (feasible first, then the objective; the earlier on ties).
  public static func best(
    _ trials: [OptimizationTrial], settings: OptimizationSettings
  )
    -> OptimizationTrial
  {
    let order = FeasibilityRanking.order(
      trials.map { $0.outcome().evaluation(settings) })
    return trials[order[0]]
  }

  /// The trials on the frontier of the objective against the main (first) constraint, by the
  /// main constraint's figure; empty without constraints.
  public static func frontier(
    _ trials: [OptimizationTrial], settings: OptimizationSettings
  )
    -> [OptimizationTrial]
  {
    guard !settings.constraints.isEmpty else { return [] }
    let ran = trials.filter { $0.problem.isEmpty && $0.objective.isFinite }
    let sign = settings.minimise ? -1.0 : 1.0
    let lowerIsBetter = settings.constraints[0].maximum != nil
    let pairs = ran.map {
      (
        objective: sign * $0.objective,
        constraint: (lowerIsBetter ? 1 : -1) * $0.constraints[0]
      )
    }
    return Frontier.pareto(pairs).map { ran[$0] }.sorted {
      $0.constraints[0] < $1.constraints[0]
    }
  }
}
