import FenqiCore
import FenqiSimulation

/// Runs a scenario's experiment: analyses the arms, watches the test period by period when asked,
/// and computes the true effect of each arm from counterfactual runs with common random numbers.
public enum ExperimentRunner {
  /// The statistics of each declared metric per arm from a run's sums at `period` (1-based).
  public static func statistics(_ result: RunResult, period: Int? = nil)
    -> [ArmStatistics]
  {
    guard let spec = result.scenario.experiment else { return [] }
    let row = result.metricSums[(period ?? result.metricSums.count) - 1]
    let m = spec.metrics.count
    var out: [ArmStatistics] = []
    for (k, declared) in spec.metrics.enumerated() {
      for (a, arm) in result.scenario.arms.enumerated() {
        let s = row[a * m + k]
        let clustered = spec.clusterSize != nil
        let y = SampleMoments(
          n: s.n, sum: s.y,
          sumSquares: declared.metric.shape == .proportion && !clustered
            ? s.y : s.yy)
        let x = SampleMoments(n: s.n, sum: s.x, sumSquares: s.xx)
        let usesSecond =
          clustered || declared.metric.shape == .ratio
          || (declared.metric.shape == .mean && spec.prePeriods > 0)
        out.append(
          ArmStatistics(
            metric: declared.metric.rawValue,
            kind: clustered ? .ratio : declared.metric.kind,
            arm: arm.name, outcome: y,
            second: usesSecond ? (x, s.xy) : nil))
      }
    }
    return out
  }

  /// The value of a metric over a set of sums: the mean for proportions and means, Σy/Σx for ratios.
  static func value(
    _ s: MomentSums, _ metric: OutcomeMetric, clustered: Bool = false
  ) -> Double {
    metric.shape == .ratio || clustered ? s.y / s.x : s.y / s.n
  }

  /// Analyses a split run; `truth` (from ``trueEffects(_:threads:)``) adds the true effects.
  public static func analyse(
    _ result: RunResult, truth: [String: Double]? = nil
  ) -> [ExperimentOutcome] {
    guard let spec = result.scenario.experiment else { return [] }
    let control = result.scenario.arms[spec.control].name
    let tests = ExperimentAnalysis.analyse(
      statistics(result), control: control, alpha: spec.alpha)
    return tests.map { test in
      var sequential: SequentialTest?
      if let relative = spec.sequentialRelativeEffect {
        sequential = watch(
          result, test: test, control: control, relativeEffect: relative,
          alpha: spec.alpha)
      }
      return ExperimentOutcome(
        test: test, sequentialPValue: sequential?.pValue,
        trueEffect: truth?[key(test.metric, test.arm)],
        sequentialNotComputable: sequential?.notComputable)
    }
  }

  /// The mSPRT watching one test every period.
  ///
  /// The mixing scale τ follows the control's value, fixed at its final value (a plug-in, like
  /// the variance): τ = relative effect × |control|. A control value of 0 or one that is not
  /// computable leaves τ = 0 and the watcher not computable; a period whose comparison is not
  /// computable is skipped.
  static func watch(
    _ result: RunResult, test: TestResult, control: String,
    relativeEffect relative: Double, alpha: Double
  ) -> SequentialTest {
    let scale = relative * abs(test.effect.control)
    guard scale > 0, scale.isFinite, (scale * scale) > 0 else {
      let value =
        test.effect.control.isNaN
        ? "the control value is not computable"
        : "the control value is \(JSONWriter.format(test.effect.control))"
      return SequentialTest(
        notComputable: NotComputable(
          "\(value), so the mSPRT's mixing scale (relative effect × |control value|) is not positive"
        ))
    }
    var watcher = SequentialTest(mixingVariance: scale * scale)
    for period in 1...result.metricSums.count {
      let rows = statistics(result, period: period).filter {
        $0.metric == test.metric
      }
      guard let c = rows.first(where: { $0.arm == control }),
        let t = rows.first(where: { $0.arm == test.arm }),
        c.outcome.n > 1, t.outcome.n > 1
      else { continue }
      let e = ExperimentAnalysis.compare(
        control: c, treatment: t, alpha: alpha, bayesian: false
      ).0
      if e.isComputable && e.standardError.isFinite && e.standardError > 0 {
        watcher.look(
          difference: e.difference,
          variance: e.standardError * e.standardError)
      }
    }
    return watcher
  }

  static func key(_ metric: String, _ arm: String) -> String {
    metric + "\u{0}" + arm
  }

  /// Every customer under every arm with common random numbers: one forced run per arm.
  public static func counterfactualRuns(_ scenario: Scenario, threads: Int)
    -> [RunResult]
  {
    scenario.arms.indices.map {
      SimulationEngine(scenario: scenario, threads: threads, forcedArm: $0)
        .run()
    }
  }

  /// The true effect of each treatment arm on each metric for this population, keyed by metric and
  /// arm: value(all customers under the arm) − value(all under the control).
  public static func trueEffects(_ runs: [RunResult]) -> [String: Double] {
    guard let first = runs.first, let spec = first.scenario.experiment else {
      return [:]
    }
    let m = spec.metrics.count
    var out: [String: Double] = [:]
    for (k, declared) in spec.metrics.enumerated() {
      func armValue(_ a: Int) -> Double {
        value(
          runs[a].metricSums[runs[a].metricSums.count - 1][a * m + k],
          declared.metric, clustered: spec.clusterSize != nil)
      }
      let c = armValue(spec.control)
      for a in first.scenario.arms.indices where a != spec.control {
        out[key(declared.metric.rawValue, first.scenario.arms[a].name)] =
          armValue(a) - c
      }
    }
    return out
  }

  /// The counterfactual mode's tests: exact true effects, no sampling error.
  public static func counterfactualOutcomes(_ runs: [RunResult])
    -> [ExperimentOutcome]
  {
    guard let first = runs.first, let spec = first.scenario.experiment else {
      return []
    }
    let m = spec.metrics.count
    let control = first.scenario.arms[spec.control].name
    var out: [ExperimentOutcome] = []
    for (k, declared) in spec.metrics.enumerated() {
      let cv = value(
        runs[spec.control].metricSums.last?[spec.control * m + k]
          ?? MomentSums(), declared.metric, clustered: spec.clusterSize != nil)
      for (a, arm) in first.scenario.arms.enumerated() where a != spec.control {
        let tv = value(
          runs[a].metricSums.last?[a * m + k] ?? MomentSums(), declared.metric,
          clustered: spec.clusterSize != nil)
        let d = tv - cv
        let method = "counterfactual (true effect)"
        let effect =
          d.isFinite
          ? EffectEstimate(
            control: cv, treatment: tv, difference: d,
            differenceInterval: Interval.of(d, d),
            relative: tv / cv - 1,
            relativeInterval: Interval.of(tv / cv - 1, tv / cv - 1),
            statistic: .nan,
            pValue: d == 0 ? 1 : 0, standardError: 0,
            method: method)
          : EffectEstimate.notComputable(
            NotComputable(
              "the \(cv.isFinite ? "treatment" : "control") arm's value is not finite (no units, or a denominator of 0)"
            ), control: cv, treatment: tv, method: method)
        let decision =
          !d.isFinite
          ? TestResult.notComputableDecision
          : d == 0
            ? "no difference" : (d > 0 ? "treatment higher" : "treatment lower")
        out.append(
          ExperimentOutcome(
            test: TestResult(
              metric: declared.metric.rawValue, arm: arm.name,
              controlArm: control, effect: effect,
              probabilityBetter: d > 0 ? 1 : 0, holmPValue: effect.pValue,
              bhPValue: effect.pValue, decision: decision),
            sequentialPValue: nil, trueEffect: d.isFinite ? d : nil))
      }
    }
    return out
  }

  /// The launch recommendation per treatment arm from the primary metric (the first without a
  /// guardrail) and every guardrail: a guardrail passes when its interval's upper end stays within
  /// the tolerated increase and fails when its lower end exceeds it.
  public static func verdicts(
    _ outcomes: [ExperimentOutcome], spec: ExperimentSpec, arms: [String]
  ) -> [Verdict] {
    guard let primary = spec.metrics.first(where: { $0.maxIncrease == nil })
    else { return [] }
    return arms.enumerated().filter { $0.offset != spec.control }.map {
      _, arm in
      let mine = outcomes.filter { $0.test.arm == arm }
      var failed: [String] = []
      var unsure: [String] = []
      for g in spec.metrics {
        guard let limit = g.maxIncrease,
          let o = mine.first(where: { $0.test.metric == g.metric.rawValue })
        else { continue }
        let interval = o.test.effect.differenceInterval
        if interval.lowerBound > limit {
          failed.append(g.metric.rawValue)
        } else if interval.upperBound > limit {
          unsure.append(g.metric.rawValue)
        }
      }
      guard
        let p = mine.first(where: { $0.test.metric == primary.metric.rawValue })
      else {
        return Verdict(
          arm: arm, recommendation: "inconclusive",
          reason: "the primary metric was not measured")
      }
      if let why = p.test.effect.notComputable, failed.isEmpty {
        return Verdict(
          arm: arm, recommendation: "inconclusive",
          reason:
            "\(primary.metric.rawValue) is not computable: \(why.reason)")
      }
      let significant = p.test.holmPValue < spec.alpha
      let good = (p.test.effect.difference > 0) == primary.metric.higherIsBetter
      if !failed.isEmpty {
        return Verdict(
          arm: arm, recommendation: "don't ship",
          reason:
            "guardrail breached: \(failed.joined(separator: ", ")) rose by more than allowed"
        )
      }
      if significant && !good {
        return Verdict(
          arm: arm, recommendation: "don't ship",
          reason:
            "\(primary.metric.rawValue) is significantly worse than control")
      }
      if significant && good && unsure.isEmpty {
        return Verdict(
          arm: arm, recommendation: "ship",
          reason:
            "\(primary.metric.rawValue) is significantly better and every guardrail holds"
        )
      }
      if significant && good {
        return Verdict(
          arm: arm, recommendation: "inconclusive",
          reason:
            "\(primary.metric.rawValue) is better, but the interval of \(unsure.joined(separator: ", ")) still reaches past its guardrail"
        )
      }
      return Verdict(
        arm: arm, recommendation: "inconclusive",
        reason:
          "no significant difference on \(primary.metric.rawValue) at α = \(JSONWriter.format(spec.alpha))"
      )
    }
  }
}

extension ExperimentRunner {
  /// The sample-ratio check of a run: customers per arm against the allocation (χ²).
  ///
  /// A p-value below 0.001 means assignment is broken and no effect should be trusted. Both are
  /// NaN when the check is not computable (see ``SampleRatioMismatch/check(observed:expectedShares:)``).
  public static func sampleRatio(_ result: RunResult) -> (
    statistic: Double, pValue: Double
  ) {
    let check = SampleRatioMismatch.check(
      observed: result.arms.map { Double($0.customers) },
      expectedShares: result.scenario.arms.map(\.allocation))
    return (check.statistic, check.pValue)
  }

  /// The threshold below which the sample-ratio p-value voids the verdicts.
  public static let sampleRatioAlarm = 0.001
}
