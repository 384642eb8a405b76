import FenqiCredit
import FenqiSimulation

extension ExperimentRunner {
  /// One run folder's result for the counterfactual mode: each arm's figures come from the run in
  /// which every customer was under that arm.
  public static func combine(_ runs: [RunResult]) -> RunResult {
    var combined = runs[0]
    let m = runs[0].scenario.experiment?.metrics.count ?? 0
    for (k, run) in runs.enumerated() {
      for t in combined.periods.indices {
        combined.periods[t][k] = run.periods[t][k]
      }
      combined.arms[k] = run.arms[k]
      let name = run.scenario.arms[k].name
      for i in combined.segments.indices where combined.segments[i].arm == name
      {
        combined.segments[i] =
          run.segments.first {
            $0.arm == name && $0.segment == combined.segments[i].segment
          } ?? combined.segments[i]
      }
      if k > 0 { combined.ledger.add(run.ledger) }
      for t in combined.metricSums.indices {
        for j in 0..<m {
          combined.metricSums[t][k * m + j] = run.metricSums[t][k * m + j]
        }
      }
    }
    combined.forcedArm = nil
    return combined
  }
}

/// One replicate's result for one metric × treatment arm.
public struct ReplicateRow: Sendable, Equatable {
  /// The replicate's index (0 = the run's own seed).
  public var replicate: Int
  /// Its seed.
  public var seed: UInt64
  /// The outcome.
  public var outcome: ExperimentOutcome
}

/// Monte-Carlo summaries over replicates for one metric × treatment arm.
public struct ReplicateSummary: Sendable, Equatable {
  /// The metric.
  public var metric: String
  /// The treatment arm.
  public var arm: String
  /// Replicates.
  public var count: Int
  /// The mean estimate.
  public var meanEstimate: Double
  /// Its Monte-Carlo 95% interval (mean ± 1.96·sd/√R).
  public var monteCarloInterval: ClosedRange<Double>
  /// The mean true effect over the replicates' populations.
  public var meanTrueEffect: Double
  /// Share of intervals that contain their population's true effect.
  public var coverage: Double
  /// Share of replicates whose test rejected "no difference" (Holm, at α).
  public var rejectionRate: Double
  /// Share rejected by the always-valid test after watching every period, over the replicates
  /// where it was computable; nil without it.
  public var sequentialRejectionRate: Double?
  /// Replicates whose test was not computable (an empty arm, zero variance, a zero control):
  /// left out of every figure above but ``count``.
  public var notComputable: Int = 0
}

/// Runs an experiment under many seeds to measure how right its statistics are.
public enum ReplicateStudy {
  /// The seed of replicate r.
  public static func seed(_ base: UInt64, replicate r: Int) -> UInt64 {
    r == 0 ? base : base &+ UInt64(r)
  }

  /// Replicates 1…count−1 of a split experiment (replicate 0 is the caller's own run), each with its
  /// own population and its own counterfactual truth.
  public static func run(
    _ scenario: Scenario, replicates: Int, threads: Int,
    first: [ExperimentOutcome]
  ) -> [ReplicateRow] {
    study(scenario, replicates: replicates, threads: threads, first: first)
      .rows
  }

  /// ``run(_:replicates:threads:first:)``, with each replicate's economics against `control`.
  public static func study(
    _ scenario: Scenario, replicates: Int, threads: Int,
    first: [ExperimentOutcome], control: Int = 0
  ) -> (rows: [ReplicateRow], economics: [EconomicsSample]) {
    var samples: [EconomicsSample] = []
    var rows = first.map {
      ReplicateRow(replicate: 0, seed: scenario.seed, outcome: $0)
    }
    for r in 1..<max(1, replicates) {
      var s = scenario
      s.seed = seed(scenario.seed, replicate: r)
      // One population and burn-in per replicate, shared by its run and its forced runs.
      let engine = SimulationEngine(scenario: s, threads: threads)
      let prepared = engine.prepare()
      let result = engine.run(prepared)
      samples.append(EconomicsSample(result, control: control))
      let truth = ExperimentRunner.trueEffects(
        ExperimentRunner.counterfactualRuns(
          s, threads: threads, prepared: prepared))
      rows += ExperimentRunner.analyse(result, truth: truth).map {
        ReplicateRow(replicate: r, seed: s.seed, outcome: $0)
      }
    }
    return (rows, samples)
  }

  /// Replicates 1…count−1 of a counterfactual experiment: each seed's own population run under
  /// every arm, for the economics' intervals.
  public static func counterfactualEconomics(
    _ scenario: Scenario, replicates: Int, threads: Int, control: Int
  ) -> [EconomicsSample] {
    (1..<max(1, replicates)).map { r in
      var s = scenario
      s.seed = seed(scenario.seed, replicate: r)
      let prepared = SimulationEngine(scenario: s, threads: threads).prepare()
      let runs = ExperimentRunner.counterfactualRuns(
        s, threads: threads, prepared: prepared)
      return EconomicsSample(ExperimentRunner.combine(runs), control: control)
    }
  }

  /// Summaries per metric × arm, in first-seen order; replicates whose test was not computable
  /// are counted in ``ReplicateSummary/notComputable`` and left out of the other figures.
  public static func summarise(_ rows: [ReplicateRow], alpha: Double)
    -> [ReplicateSummary]
  {
    var keys: [(String, String)] = []
    for r in rows
    where !keys.contains(where: {
      $0 == (r.outcome.test.metric, r.outcome.test.arm)
    }) {
      keys.append((r.outcome.test.metric, r.outcome.test.arm))
    }
    return keys.map { metric, arm in
      let all = rows.filter {
        $0.outcome.test.metric == metric && $0.outcome.test.arm == arm
      }
      let mine = all.filter { $0.outcome.test.effect.isComputable }
      let n = Double(mine.count)
      let estimates = mine.map(\.outcome.test.effect.difference)
      let mean = estimates.reduce(0, +) / n
      let sd =
        n > 1
        ? (estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1))
          .squareRoot() : 0
      let half = 1.959963984540054 * sd / n.squareRoot()
      let truths = mine.compactMap(\.outcome.trueEffect)
      let covered = mine.filter { $0.outcome.covers == true }.count
      let rejected = mine.filter { $0.outcome.test.holmPValue < alpha }.count
      let sequential = mine.compactMap(\.outcome.sequentialPValue).filter {
        !$0.isNaN
      }
      return ReplicateSummary(
        metric: metric, arm: arm, count: all.count, meanEstimate: mean,
        monteCarloInterval: Interval.of(mean - half, mean + half),
        meanTrueEffect: truths.isEmpty
          ? .nan : truths.reduce(0, +) / Double(truths.count),
        coverage: Double(covered) / n, rejectionRate: Double(rejected) / n,
        sequentialRejectionRate: sequential.isEmpty
          ? nil
          : Double(sequential.filter { $0 < alpha }.count)
            / Double(sequential.count),
        notComputable: all.count - mine.count)
    }
  }
}
