import FenqiExperiment
import FenqiSimulation

/// `tests.csv`: one row per metric × treatment arm with the estimate, its interval, p-values, the
/// decision, the sample-ratio check and, for a test that could not be computed, why.
///
/// A test that is not computable (an empty arm, zero variance in both arms, a zero denominator)
/// has the decision "not computable", empty numbers written as `null`, and its reason in
/// `not_computable`.
public enum TestsTable {
  /// The columns every `tests.csv` starts with, through `srm_p_value`.
  static let baseHeader = [
    "metric", "arm", "control_arm", "control_value", "treatment_value",
    "estimate", "ci_low", "ci_high",
    "relative_lift", "relative_ci_low", "relative_ci_high", "statistic",
    "p_value", "p_holm", "p_bh",
    "probability_better", "confidence_level", "method", "decision",
    "srm_p_value",
  ]

  /// The table of `fenqi analyze`.
  ///
  /// - Parameters:
  ///   - results: the tests.
  ///   - alpha: the family-wise error rate.
  ///   - sampleRatioPValues: the sample-ratio check's p-value per metric (from `--allocation`);
  ///     a metric without one gets an empty cell.
  /// - Returns: the table, one row per test.
  public static func table(
    _ results: [TestResult], alpha: Double,
    sampleRatioPValues: [String: Double] = [:]
  ) -> CSVTable {
    var t = CSVTable(header: baseHeader + ["not_computable"])
    for r in results {
      t.append(
        cells(r, alpha: alpha, srm: sampleRatioPValues[r.metric]) + [
          CSVTable.cell(r.effect.notComputable?.reason ?? "")
        ])
    }
    return t
  }

  /// The cells of ``baseHeader`` for one test.
  static func cells(_ r: TestResult, alpha: Double, srm: Double?) -> [String] {
    let e = r.effect
    return [r.metric, r.arm, r.controlArm].map(CSVTable.cell)
      + [
        e.control, e.treatment, e.difference,
        e.differenceInterval.lowerBound, e.differenceInterval.upperBound,
        e.relative, e.relativeInterval.lowerBound,
        e.relativeInterval.upperBound, e.statistic, e.pValue,
        r.holmPValue, r.bhPValue, r.probabilityBetter, 1 - alpha,
      ].map(CSVTable.cell) + [
        CSVTable.cell(e.method), CSVTable.cell(r.decision),
        srm.map(CSVTable.cell) ?? "",
      ]
  }

  /// A fixed-width text table for the terminal; a test that is not computable says why.
  public static func text(_ results: [TestResult]) -> String {
    var lines = [
      "metric · arm vs control            estimate [95% CI]                    p (Holm)   P(better)  decision"
    ]
    for r in results {
      let e = r.effect
      let name = "\(r.metric) · \(r.arm) vs \(r.controlArm)"
      let estimate =
        "\(Formatting.compact(e.difference)) [\(Formatting.compact(e.differenceInterval.lowerBound)), \(Formatting.compact(e.differenceInterval.upperBound))]"
      lines.append(
        pad(name, 34) + pad(estimate, 37)
          + pad(Formatting.fixed(r.holmPValue, digits: 4), 11)
          + pad(Formatting.fixed(r.probabilityBetter, digits: 3), 11)
          + (e.notComputable.map { "\(r.decision): \($0.reason)" }
            ?? r.decision))
    }
    return lines.joined(separator: "\n")
  }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width
      ? s + " " : s + String(repeating: " ", count: width - s.count)
  }

  /// `tests.csv` of an experiment run: the columns of ``table(_:alpha:sampleRatioPValues:)``
  /// plus the always-valid sequential p-value, the true effect the simulator knows and whether
  /// the interval covers it; `not_computable` also names a sequential test that could not run.
  ///
  /// - Parameters:
  ///   - outcomes: the outcomes.
  ///   - alpha: the family-wise error rate.
  ///   - sampleRatioPValue: the run's sample-ratio p-value (split mode), the same on every row.
  /// - Returns: the table, one row per outcome.
  public static func table(
    _ outcomes: [ExperimentOutcome], alpha: Double,
    sampleRatioPValue: Double? = nil
  ) -> CSVTable {
    var t = CSVTable(
      header: baseHeader + [
        "p_sequential", "true_effect", "covers_truth", "not_computable",
      ])
    for o in outcomes {
      t.append(
        cells(o.test, alpha: alpha, srm: sampleRatioPValue) + [
          o.sequentialPValue.map(CSVTable.cell) ?? "",
          o.trueEffect.map(CSVTable.cell) ?? "",
          o.covers.map { $0 ? "true" : "false" } ?? "",
          CSVTable.cell(o.notComputableReasons),
        ])
    }
    return t
  }
}
