import FenqiCore

/// The Experiment section of the reports: verdicts, the tests, and a forest plot of relative lifts
/// with the true effects the simulator knows — all read from `tests.csv` and `summary.json`.
enum ExperimentSection {
  static func verdicts(_ d: RunData) -> [(
    arm: String, recommendation: String, reason: String
  )] {
    guard case .array(let list) = d.summary["experiment"]?["verdicts"] ?? .null
    else { return [] }
    return list.map {
      (
        $0["arm"]?.stringValue ?? "", $0["recommendation"]?.stringValue ?? "",
        $0["reason"]?.stringValue ?? ""
      )
    }
  }

  static func describe(_ d: RunData) -> String {
    let e = d.summary["experiment"]
    var parts = [
      "\(e?["mode"]?.stringValue ?? "split") test",
      "control arm: \(e?["control"]?.stringValue ?? "")",
    ]
    if let alpha = e?["alpha"]?.numberValue {
      parts.append("α = \(JSONWriter.format(alpha)) with Holm's correction")
    }
    if e?["stratifiedBySegment"] == .bool(true) {
      parts.append("stratified by segment")
    }
    if let pre = e?["cupedPrePeriods"]?.numberValue, pre > 0 {
      parts.append("CUPED on \(Int(pre)) pre-period months")
    }
    if let p = e?["sampleRatio"]?["pValue"]?.numberValue {
      parts.append(
        "sample-ratio check p = \(Formatting.fixed(p, digits: 3))\(p < 0.001 ? " — MISMATCH" : "")"
      )
    }
    if e?["sequentialRelativeEffect"]?.numberValue != nil {
      parts.append("watched every month with the mSPRT")
    }
    return parts.joined(separator: " · ")
  }

  static func percent(_ x: Double) -> String {
    Formatting.percent(x, digits: 1)
  }

  /// The decision of a `tests.csv` row, followed by why something was not computable.
  static func decision(_ t: Table, _ row: [String]) -> String {
    let note = t.text(row, "not_computable")
    return t.text(row, "decision") + (note.isEmpty ? "" : " (\(note))")
  }

  static func html(_ d: RunData) -> String {
    guard let t = d.tests else { return "" }
    var verdictTable =
      "<table id=\"verdicts\"><thead><tr><th>Arm</th><th class=\"text\">Recommendation</th><th class=\"text\">Why</th></tr></thead><tbody>"
    for v in verdicts(d) {
      verdictTable +=
        "<tr><td>\(Formatting.xml(v.arm))</td><td class=\"text\"><strong>\(Formatting.xml(v.recommendation))</strong></td><td class=\"text\">\(Formatting.xml(v.reason))</td></tr>"
    }
    verdictTable += "</tbody></table>"
    let forest = SVGChart.forestPanels(
      id: "effects",
      title:
        "Treatment − control with \(Formatting.percent(t.number(t.rows.first ?? [], "confidence_level"), digits: 0)) intervals, one scale per metric",
      rows: forestRows(d, t))
    var tests =
      "<table id=\"tests\"><thead><tr><th>Metric · arm</th><th>Control</th><th>Treatment</th><th>Difference [interval]</th><th>p (Holm)</th><th>P(better)</th><th>True effect</th><th class=\"text\">Decision</th></tr></thead><tbody>"
    for row in t.rows {
      let f = { (x: Double) in Formatting.compact(x) }
      tests +=
        "<tr><td>\(Formatting.xml(t.text(row, "metric"))) · \(Formatting.xml(t.text(row, "arm")))</td>"
      tests +=
        "<td>\(f(t.number(row, "control_value")))</td><td>\(f(t.number(row, "treatment_value")))</td>"
      tests +=
        "<td>\(f(t.number(row, "estimate"))) [\(f(t.number(row, "ci_low"))), \(f(t.number(row, "ci_high")))]</td>"
      tests +=
        "<td>\(Formatting.fixed(t.number(row, "p_holm"), digits: 4))</td><td>\(Formatting.fixed(t.number(row, "probability_better"), digits: 3))</td>"
      let truth = t.number(row, "true_effect")
      tests +=
        "<td>\(truth.isFinite ? f(truth) : "–")</td><td class=\"text\">\(Formatting.xml(decision(t, row)))</td></tr>"
    }
    tests += "</tbody></table>"
    return HTMLReport.section(
      "Experiment", verdictTable + HTMLReport.figure(forest) + tests,
      note: describe(d)
        + ". The diamond marks the true effect the simulator knows from running every customer under every arm."
    )
  }

  /// The forest plot's rows: every test, the primary metric first and emphasised, guardrails
  /// with their limit; rates in percentage points, money and counts compact.
  static func forestRows(_ d: RunData, _ t: Table) -> [ForestPanelRow] {
    let limits = HeadlineSection.guardrailLimits(d)
    let primary = t.rows.map { t.text($0, "metric") }.first { m in
      !limits.contains { $0.0 == m }
    }
    let ordered =
      t.rows.filter { t.text($0, "metric") == primary }
      + t.rows.filter { t.text($0, "metric") != primary }
    return ordered.map { row in
      let metric = t.text(row, "metric")
      let format = metricFormat(metric)
      let truth = t.number(row, "true_effect")
      return ForestPanelRow(
        label: "\(metric) · \(t.text(row, "arm"))",
        estimate: t.number(row, "estimate"), low: t.number(row, "ci_low"),
        high: t.number(row, "ci_high"), truth: truth.isFinite ? truth : nil,
        limit: limits.first { $0.0 == metric }?.1, primary: metric == primary,
        format: format)
    }
  }

  /// How a difference in `metric` is written: rates in percentage points, the rest compact.
  static func metricFormat(_ metric: String) -> @Sendable (Double) -> String {
    metric == "conversion" || metric.hasSuffix("_rate")
      ? percentagePoints : Formatting.compact
  }

  /// A difference of two rates in percentage points: 0.0025 → "0.25 pp".
  @Sendable static func percentagePoints(_ x: Double) -> String {
    x.isFinite ? Formatting.fixed(x * 100, digits: 2) + " pp" : "–"
  }

  static func markdown(_ d: RunData) -> String {
    guard let t = d.tests else { return "" }
    var out =
      "## Experiment\n\n" + MarkdownReport.escape(describe(d))
      + ".\n\n| arm | recommendation | why |\n|---|---|---|\n"
    for v in verdicts(d) {
      out +=
        "| \(MarkdownReport.escape(v.arm)) | **\(MarkdownReport.escape(v.recommendation))** | \(MarkdownReport.escape(v.reason)) |\n"
    }
    out +=
      "\n| metric · arm | control | treatment | difference [interval] | relative lift | p (Holm) | P(better) | true effect | decision |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---|\n"
    for row in t.rows {
      let f = { (x: Double) in Formatting.compact(x) }
      let truth = t.number(row, "true_effect")
      out +=
        "| \(MarkdownReport.escape(t.text(row, "metric"))) · \(MarkdownReport.escape(t.text(row, "arm"))) | \(f(t.number(row, "control_value"))) | \(f(t.number(row, "treatment_value"))) | "
      out +=
        "\(f(t.number(row, "estimate"))) [\(f(t.number(row, "ci_low"))), \(f(t.number(row, "ci_high")))] | \(percent(t.number(row, "relative_lift"))) | "
      out +=
        "\(Formatting.fixed(t.number(row, "p_holm"), digits: 4)) | \(Formatting.fixed(t.number(row, "probability_better"), digits: 3)) | \(truth.isFinite ? f(truth) : "–") | \(MarkdownReport.escape(decision(t, row))) |\n"
    }
    return out + "\n"
  }
}
