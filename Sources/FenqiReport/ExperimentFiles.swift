import FenqiCore
import FenqiExperiment
import FenqiSimulation

/// What an experiment adds to a run folder: `tests.csv` and the verdicts in `summary.json`.
public struct ExperimentFiles: Sendable {
  /// The outcomes, one per metric × treatment arm.
  public var outcomes: [ExperimentOutcome]
  /// The launch recommendation per treatment arm.
  public var verdicts: [Verdict]
  /// The experiment's settings.
  public var spec: ExperimentSpec
  /// The sample-ratio check: χ² and p-value of arm sizes against the allocation (nil in the
  /// counterfactual mode, where every customer is in every arm).
  public var sampleRatio: (statistic: Double, pValue: Double)?

  /// Creates the experiment's outputs.
  public init(
    outcomes: [ExperimentOutcome], verdicts: [Verdict], spec: ExperimentSpec,
    sampleRatio: (statistic: Double, pValue: Double)? = nil
  ) {
    self.outcomes = outcomes
    self.spec = spec
    self.sampleRatio = sampleRatio
    // A sample-ratio mismatch voids every recommendation.
    if let sampleRatio, sampleRatio.pValue < ExperimentRunner.sampleRatioAlarm {
      self.verdicts = verdicts.map {
        Verdict(
          arm: $0.arm, recommendation: "don't trust",
          reason:
            "sample ratio mismatch: arm sizes do not match the allocation (p < 0.001)"
        )
      }
    } else {
      self.verdicts = verdicts
    }
  }

  /// `tests.csv`: the outcomes with the run's sample-ratio p-value on every row.
  public var testsTable: CSVTable {
    TestsTable.table(
      outcomes, alpha: spec.alpha, sampleRatioPValue: sampleRatio?.pValue)
  }

  /// The `experiment` member of `summary.json`.
  func summary(arms: [String]) -> JSONValue {
    let sequential: JSONValue =
      spec.sequentialRelativeEffect.map { .number($0) } ?? .null
    let guardrails: [(key: String, value: JSONValue)] = spec.metrics.compactMap
    { m in
      m.maxIncrease.map { (m.metric.rawValue, JSONValue.number($0)) }
    }
    let verdictList: [JSONValue] = verdicts.map {
      .object([
        ("arm", .string($0.arm)),
        ("recommendation", .string($0.recommendation)),
        ("reason", .string($0.reason)),
      ])
    }
    return .object([
      ("mode", .string(spec.mode.rawValue)),
      ("control", .string(arms[spec.control])), ("alpha", .number(spec.alpha)),
      ("stratifiedBySegment", .bool(spec.stratifyBySegment)),
      ("cupedPrePeriods", .number(Double(spec.prePeriods))),
      ("sequentialRelativeEffect", sequential),
      (
        "sampleRatio",
        sampleRatio.map {
          .object([
            ("chiSquare", .number($0.statistic)),
            ("pValue", .number($0.pValue)),
          ])
        } ?? .null
      ),
      ("guardrails", .object(guardrails)),
      ("verdicts", .array(verdictList)),
    ])
  }
}
