import FenqiCore

/// Reads the summary statistics of a real experiment from CSV, one row per metric × arm.
///
/// Columns: `metric`, `kind` (proportion, mean or ratio), `arm`, `n`, `sum`, `sum_squares`; for
/// ratio metrics also `denominator_sum`, `denominator_sum_squares`, `sum_cross` (Σ numerator ×
/// denominator); for CUPED on a mean also `pre_sum`, `pre_sum_squares`, `sum_cross` (Σ outcome ×
/// pre-period value). For proportions `sum` is the count of successes and `sum_squares` may repeat
/// it or be left empty.
public enum StatisticsFile {
  /// Parses and validates the file, collecting every problem as `line N, column: message`.
  public static func parse(_ rows: [[String]], header: [String]) -> (
    rows: [ArmStatistics], problems: [String]
  ) {
    var problems: [String] = []
    for required in ["metric", "kind", "arm", "n", "sum"]
    where !header.contains(required) {
      problems.append("header: missing the column '\(required)'")
    }
    let known = [
      "metric", "kind", "arm", "n", "sum", "sum_squares", "denominator_sum",
      "denominator_sum_squares", "pre_sum", "pre_sum_squares", "sum_cross",
    ]
    for h in header where !known.contains(h) {
      var message = "header: unknown column '\(h)'"
      if let hint = Suggestion.nearest(to: h, among: known) {
        message += "; did you mean '\(hint)'?"
      }
      problems.append(message)
    }
    guard problems.isEmpty else { return ([], problems) }
    func cell(_ row: [String], _ name: String) -> String? {
      guard let i = header.firstIndex(of: name), i < row.count, !row[i].isEmpty
      else { return nil }
      return row[i]
    }
    var out: [ArmStatistics] = []
    for (index, row) in rows.enumerated() {
      let line = index + 2
      func number(
        _ name: String, required: Bool,
        rule: (Double) -> Bool = { $0.isFinite }, expected: String = "a number"
      ) -> Double? {
        guard let text = cell(row, name) else {
          if required {
            problems.append(
              "line \(line), \(name): missing (expected \(expected))")
          }
          return nil
        }
        guard let v = Double(text), rule(v) else {
          problems.append(
            "line \(line), \(name): expected \(expected), found '\(text)'")
          return nil
        }
        return v
      }
      let metric = cell(row, "metric") ?? ""
      let arm = cell(row, "arm") ?? ""
      if metric.isEmpty { problems.append("line \(line), metric: missing") }
      if arm.isEmpty { problems.append("line \(line), arm: missing") }
      let kindText = cell(row, "kind") ?? ""
      let kind = MetricKind(rawValue: kindText)
      if kind == nil {
        var message =
          "line \(line), kind: expected one of proportion, mean, ratio, found '\(kindText)'"
        if let hint = Suggestion.nearest(
          to: kindText, among: MetricKind.allCases.map(\.rawValue))
        {
          message += "; did you mean '\(hint)'?"
        }
        problems.append(message)
      }
      let n = number(
        "n", required: true, rule: { $0 >= 2 && $0 == $0.rounded() },
        expected: "an integer ≥ 2")
      let sum = number("sum", required: true)
      var sumSquares = number(
        "sum_squares", required: kind == .mean || kind == .ratio)
      if kind == .proportion, let n, let sum, !(sum >= 0 && sum <= n) {
        problems.append(
          "line \(line), sum: expected successes in [0, n], found \(JSONWriter.format(sum))"
        )
      }
      if kind == .proportion { sumSquares = sum }
      var second: (moments: SampleMoments, sumCross: Double)?
      let prefix = kind == .ratio ? "denominator" : "pre"
      let s2 = number("\(prefix)_sum", required: kind == .ratio)
      let q2 = number(
        "\(prefix)_sum_squares", required: kind == .ratio || s2 != nil)
      let cross = number("sum_cross", required: kind == .ratio || s2 != nil)
      if let n, let s2, let q2, let cross {
        second = (SampleMoments(n: n, sum: s2, sumSquares: q2), cross)
      }
      if let kind, let n, let sum, let sumSquares, !metric.isEmpty, !arm.isEmpty
      {
        out.append(
          ArmStatistics(
            metric: metric, kind: kind, arm: arm,
            outcome: SampleMoments(n: n, sum: sum, sumSquares: sumSquares),
            second: second))
      }
    }
    var seen: Set<String> = []
    for r in out where !seen.insert(r.metric + "\u{0}" + r.arm).inserted {
      problems.append(
        "metric '\(r.metric)', arm '\(r.arm)': appears more than once")
    }
    for metric in Set(out.map(\.metric)).sorted() {
      let arms = out.filter { $0.metric == metric }
      if arms.count < 2 {
        problems.append(
          "metric '\(metric)': needs at least two arms, found \(arms.count)")
      }
      if Set(arms.map(\.kind)).count > 1 {
        problems.append("metric '\(metric)': arms disagree on its kind")
      }
    }
    return (out, problems)
  }
}
