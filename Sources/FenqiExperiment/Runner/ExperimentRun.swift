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
  /// Each treatment arm's incremental economics against the control (empty with one arm).
  public var economics: [EconomicsRow] = []

  /// What the run is doing, for progress lines.
  public enum Stage: Sendable {
    /// The counterfactual runs for the true effects have started.
    case counterfactual
    /// The replicate study of this many replicates has started.
    case replicates(Int)
    /// Counterfactual runs under this many more seeds, for the economics' intervals.
    case economicsReplicates(Int)
  }

  /// Runs `scenario`.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - threads: worker threads; results do not depend on it.
  ///   - replicates: replicates (1: the experiment's own `replicates`): a split experiment's
  ///     replicate study, a counterfactual one's runs under more seeds; both feed the
  ///     economics' intervals.
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
    // The scenario's own population is released before any replicate prepares its own, so
    // that two populations are never held at once.
    var out = own(
      scenario, threads: threads, progressEvery: progressEvery,
      tapeLoans: tapeLoans,
      progress: progress, stage: stage)
    guard let spec = scenario.experiment else {
      if scenario.arms.count > 1 {
        out.economics = IncrementalEconomics(
          [EconomicsSample(out.result, control: 0)], scenario: scenario,
          control: 0
        ).rows()
      }
      return out
    }
    let replicates = max(replicates, spec.replicates)
    var samples = [EconomicsSample(out.result, control: spec.control)]
    if replicates > 1, spec.mode == .split {
      stage(.replicates(replicates))
      let study = ReplicateStudy.study(
        scenario, replicates: replicates, threads: threads,
        first: out.outcomes, control: spec.control)
      out.replicates = study.rows
      samples += study.economics
      out.replicateSummary = ReplicateStudy.summarise(
        out.replicates, alpha: spec.alpha)
    } else if replicates > 1 {
      stage(.economicsReplicates(replicates))
      samples += ReplicateStudy.counterfactualEconomics(
        scenario, replicates: replicates, threads: threads,
        control: spec.control)
    }
    out.economics = IncrementalEconomics(
      samples, scenario: scenario, control: spec.control
    ).rows()
    return out
  }

  /// The scenario's own run: with an experiment, its counterfactual truth, tests and verdicts.
  private static func own(
    _ scenario: Scenario, threads: Int, progressEvery: Int?, tapeLoans: Int,
    progress: (SimulationEngine.Progress) -> Void, stage: (Stage) -> Void
  ) -> ExperimentRun {
    var engine = SimulationEngine(
      scenario: scenario, threads: threads, progressEvery: progressEvery)
    engine.tapeLoans = tapeLoans
    let prepared = engine.prepare()
    guard let spec = scenario.experiment else {
      return ExperimentRun(
        result: engine.run(consume prepared, progress: progress))
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
    return out
  }
}
