import FenqiExperiment

/// `replicates.csv` and `replicates-summary.csv` of a replicate study.
public enum ReplicatesTable {
  /// One row per replicate × metric × treatment arm; `not_computable` says why a test (or its
  /// sequential watch) had no value.
  public static func rows(_ rows: [ReplicateRow], alpha: Double) -> CSVTable {
    var t = CSVTable(header: [
      "replicate", "seed", "metric", "arm", "estimate", "ci_low", "ci_high",
      "p_value", "p_holm", "p_sequential",
      "true_effect", "covers_truth", "rejected", "not_computable",
    ])
    for r in rows {
      let o = r.outcome
      let e = o.test.effect
      t.append(
        [
          String(r.replicate), String(r.seed), CSVTable.cell(o.test.metric),
          CSVTable.cell(o.test.arm),
        ]
          + [
            e.difference, e.differenceInterval.lowerBound,
            e.differenceInterval.upperBound, e.pValue, o.test.holmPValue,
          ]
          .map(CSVTable.cell)
          + [
            o.sequentialPValue.map(CSVTable.cell) ?? "",
            o.trueEffect.map(CSVTable.cell) ?? "",
            o.covers.map { $0 ? "true" : "false" } ?? "",
            o.test.holmPValue < alpha ? "true" : "false",
            CSVTable.cell(o.notComputableReasons),
          ])
    }
    return t
  }

  /// One row per metric × treatment arm; `not_computable` counts the replicates left out of
  /// the other figures because their test was not computable.
  public static func summary(_ s: [ReplicateSummary]) -> CSVTable {
    var t = CSVTable(header: [
      "metric", "arm", "replicates", "mean_estimate", "monte_carlo_low",
      "monte_carlo_high", "mean_true_effect",
      "coverage", "rejection_rate", "sequential_rejection_rate",
      "not_computable",
    ])
    for r in s {
      t.append(
        [CSVTable.cell(r.metric), CSVTable.cell(r.arm), String(r.count)]
          + [
            r.meanEstimate, r.monteCarloInterval.lowerBound,
            r.monteCarloInterval.upperBound, r.meanTrueEffect, r.coverage,
            r.rejectionRate,
          ]
          .map(CSVTable.cell) + [
            r.sequentialRejectionRate.map(CSVTable.cell) ?? "",
            String(r.notComputable),
          ])
    }
    return t
  }

  /// The summary for the terminal.
  public static func text(_ s: [ReplicateSummary], alpha: Double) -> String {
    var lines = [
      "replicates: metric · arm                        mean estimate [MC 95%]        true effect   coverage   rejected (α=\(Formatting.fixed(alpha, digits: 2)))   sequential"
    ]
    for r in s {
      let name = "\(r.metric) · \(r.arm)"
      let est =
        "\(Formatting.compact(r.meanEstimate)) [\(Formatting.compact(r.monteCarloInterval.lowerBound)), \(Formatting.compact(r.monteCarloInterval.upperBound))]"
      lines.append(
        "  " + TestsTable.pad(name, 46) + TestsTable.pad(est, 30)
          + TestsTable.pad(Formatting.compact(r.meanTrueEffect), 14)
          + TestsTable.pad(Formatting.percent(r.coverage, digits: 1), 11)
          + TestsTable.pad(Formatting.percent(r.rejectionRate, digits: 1), 20)
          + (r.sequentialRejectionRate.map { Formatting.percent($0, digits: 1) }
            ?? "–")
          + (r.notComputable > 0
            ? "   (\(r.notComputable) of \(r.count) not computable)" : ""))
    }
    return lines.joined(separator: "\n")
  }
}
