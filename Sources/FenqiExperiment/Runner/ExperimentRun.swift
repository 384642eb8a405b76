import FenqiSimulation

/// A scenario's whole run as `fenqi run` makes it: the simulation and, with an experiment, its
/// counterfactual truth, tests, verdicts and replicates.
///
/// The population and the risk stack's burn-in are prepared once and shared by the run and
/// every forced-arm run (``SimulationEngine/forcing(_:arm:)``); in counterfactual mode the
/// scenario's own assigned run, which that mode replaces by the forced runs, is not made at all.
public struct ExperimentRun: Sendable {
  /// The run's result (in counterfactual mode: the forced runs combined).
  public var result: RunResult
  /// Every test (empty without an experiment).
  public var outcomes: [ExperimentOutcome] = []
  /// Each treatment arm's verdict (empty without an experiment).
  public var verdicts: [Verdict] = []
  /// The sample-ratio check of a split experiment.
  public var sampleRatio: (statistic: Double, pValue: Double)? = nil
  /// Every replicate's tests, replicate 0 first (empty without `replicates` > 1).
  public var replicates: [ReplicateRow] = []
  /// The replicates summarised per metric × arm.
  public var replicateSummary: [ReplicateSummary] = []

  /// What the run is doing, for progress lines.
  public enum Stage: Sendable {
    /// The counterfactual runs for the true effects have started.
    case counterfactual
    /// The replicate study of this many replicates has started.
    case replicates(Int)
  }

  /// Runs `scenario`.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - threads: worker threads; results do not depend on it.
  ///   - replicates: replicates of a split experiment (1: none).
  ///   - progressEvery: periods between progress reports (nil: none).
  ///   - tapeLoans: booked loans to sample for the loan tape (0: none).
  ///   - progress: called after each reported period of the scenario's own run.
  ///   - stage: called when a later stage starts.
  /// - Returns: the result with its experiment's files' contents.
  public static func run(
    _ scenario: Scenario, threads: Int, replicates: Int = 1,
    progressEvery: Int? = nil, tapeLoans: Int = 0,
    progress: (SimulationEngine.Progress) -> Void = { _ in },
    stage: (Stage) -> Void = { _ in }
  ) -> ExperimentRun {
    var engine = SimulationEngine(
      scenario: scenario, threads: threads, progressEvery: progressEvery)
    engine.tapeLoans = tapeLoans
    let prepared = engine.prepare()
    guard let spec = scenario.experiment else {
      return ExperimentRun(result: engine.run(prepared, progress: progress))
    }
    var out: ExperimentRun
    if spec.mode == .counterfactual {
      stage(.counterfactual)
      let runs = ExperimentRunner.counterfactualRuns(
        scenario, threads: threads, prepared: prepared)
      out = ExperimentRun(result: ExperimentRunner.combine(runs))
      out.outcomes = ExperimentRunner.counterfactualOutcomes(runs)
    } else {
      out = ExperimentRun(result: engine.run(prepared, progress: progress))
      stage(.counterfactual)
      let runs = ExperimentRunner.counterfactualRuns(
        scenario, threads: threads, prepared: prepared)
      out.outcomes = ExperimentRunner.analyse(
        out.result, truth: ExperimentRunner.trueEffects(runs))
      out.sampleRatio = ExperimentRunner.sampleRatio(out.result)
    }
    out.verdicts = ExperimentRunner.verdicts(
      out.outcomes, spec: spec, arms: scenario.arms.map(\.name))
    if replicates > 1, spec.mode == .split {
      stage(.replicates(replicates))
      out.replicates = ReplicateStudy.run(
        scenario, replicates: replicates, threads: threads,
        first: out.outcomes)
      out.replicateSummary = ReplicateStudy.summarise(
        out.replicates, alpha: spec.alpha)
    }
    return out
  }
}
