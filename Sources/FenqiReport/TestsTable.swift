import FenqiExperiment
import FenqiSimulation

/// `tests.csv`: one row per metric × treatment arm with the estimate, its interval, p-values and
/// the decision.
public enum TestsTable {
  /// The table.
  public static func table(_ results: [TestResult], alpha: Double) -> CSVTable {
    var t = CSVTable(header: [
      "metric", "arm", "control_arm", "control_value", "treatment_value",
      "estimate", "ci_low", "ci_high",
      "relative_lift", "relative_ci_low", "relative_ci_high", "statistic",
      "p_value", "p_holm", "p_bh",
      "probability_better", "confidence_level", "method", "decision",
    ])
    for r in results {
      let e = r.effect
      t.append(
        [r.metric, r.arm, r.controlArm].map(CSVTable.cell)
          + [
            e.control, e.treatment, e.difference,
            e.differenceInterval.lowerBound, e.differenceInterval.upperBound,
            e.relative, e.relativeInterval.lowerBound,
            e.relativeInterval.upperBound, e.statistic, e.pValue,
            r.holmPValue, r.bhPValue, r.probabilityBetter, 1 - alpha,
          ].map(CSVTable.cell) + [
            CSVTable.cell(e.method), CSVTable.cell(r.decision),
          ])
    }
    return t
  }

  /// A fixed-width text table for the terminal.
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
          + r.decision)
    }
    return lines.joined(separator: "\n")
  }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width
      ? s + " " : s + String(repeating: " ", count: width - s.count)
  }

  /// `tests.csv` of an experiment run: the columns of ``table(_:alpha:)`` plus the always-valid
  /// sequential p-value, the true effect the simulator knows and whether the interval covers it.
  public static func table(_ outcomes: [ExperimentOutcome], alpha: Double)
    -> CSVTable
  {
    let base = table(outcomes.map(\.test), alpha: alpha)
    var t = CSVTable(
      header: base.header + ["p_sequential", "true_effect", "covers_truth"])
    for (row, o) in zip(base.rows, outcomes) {
      t.append(
        row + [
          o.sequentialPValue.map(CSVTable.cell) ?? "",
          o.trueEffect.map(CSVTable.cell) ?? "",
          o.covers.map { $0 ? "true" : "false" } ?? "",
        ])
    }
    return t
  }
}
