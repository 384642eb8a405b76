import FenqiCore

/// Reads the summary statistics of a real experiment from CSV, one row per metric × arm.
///
/// Columns: `metric`, `kind` (proportion, mean or ratio), `arm`, `n`, `sum`, `sum_squares`; for
/// ratio metrics also `denominator_sum`, `denominator_sum_squares`, `sum_cross` (Σ numerator ×
/// denominator); for CUPED on a mean also `pre_sum`, `pre_sum_squares`, `sum_cross` (Σ outcome ×
/// pre-period value). For proportions `sum` is the count of successes and `sum_squares` may repeat
/// it or be left empty.
///
/// Sums that no data could produce are refused with their line (see
/// ``StatisticsFile/consistencyProblems(_:line:)``), as is a file with no data rows.
public enum StatisticsFile {
  static let known = [
    "metric", "kind", "arm", "n", "sum", "sum_squares", "denominator_sum",
    "denominator_sum_squares", "pre_sum", "pre_sum_squares", "sum_cross",
  ]

  /// Parses and validates the file, collecting every problem as `line N, column: message`.
  public static func parse(_ rows: [[String]], header: [String]) -> (
    rows: [ArmStatistics], problems: [String]
  ) {
    var problems: [String] = []
    for required in ["metric", "kind", "arm", "n", "sum"]
    where !header.contains(required) {
      problems.append("header: missing the column '\(required)'")
    }
    for h in header where !known.contains(h) {
      var message = "header: unknown column '\(h)'"
      if let hint = Suggestion.nearest(to: h, among: known) {
        message += "; did you mean '\(hint)'?"
      }
      problems.append(message)
    }
    guard problems.isEmpty else { return ([], problems) }
    guard !rows.isEmpty else {
      return (
        [],
        [
          "no data rows after the header; expected one row per metric × arm (at least two arms per metric)"
        ]
      )
    }
    var out: [ArmStatistics] = []
    for (index, row) in rows.enumerated() {
      var reader = RowReader(header: header, row: row, line: index + 2)
      if let statistics = reader.statistics() { out.append(statistics) }
      problems += reader.problems
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

  /// One data row read cell by cell, collecting its problems.
  struct RowReader {
    let header: [String]
    let row: [String]
    let line: Int
    var problems: [String] = []

    func cell(_ name: String) -> String? {
      guard let i = header.firstIndex(of: name), i < row.count, !row[i].isEmpty
      else { return nil }
      return row[i]
    }

    mutating func number(
      _ name: String, required: Bool,
      rule: (Double) -> Bool = { $0.isFinite }, expected: String = "a number"
    ) -> Double? {
      guard let text = cell(name) else {
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

    /// The row's statistics, or nil when a required cell is missing or wrong; sums that are
    /// inconsistent are returned too, with their problems recorded.
    mutating func statistics() -> ArmStatistics? {
      let metric = cell("metric") ?? ""
      let arm = cell("arm") ?? ""
      if metric.isEmpty { problems.append("line \(line), metric: missing") }
      if arm.isEmpty { problems.append("line \(line), arm: missing") }
      let kindText = cell("kind") ?? ""
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
        "n", required: true,
        rule: { $0 >= 2 && $0 == $0.rounded() && $0.isFinite },
        expected: "an integer ≥ 2")
      let sum = number("sum", required: true)
      var sumSquares = number(
        "sum_squares", required: kind == .mean || kind == .ratio)
      if kind == .proportion, let n, let sum {
        if !(sum >= 0 && sum <= n) {
          problems.append(
            "line \(line), sum: expected successes in [0, n], found \(JSONWriter.format(sum))"
          )
        } else if let given = sumSquares, given != sum {
          problems.append(
            "line \(line), sum_squares: a proportion's sum of squares equals its successes (y² = y for 0/1 outcomes); expected \(JSONWriter.format(sum)) or empty, found \(JSONWriter.format(given))"
          )
        }
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
      guard let kind, let n, let sum, let sumSquares, !metric.isEmpty,
        !arm.isEmpty
      else { return nil }
      let statistics = ArmStatistics(
        metric: metric, kind: kind, arm: arm,
        outcome: SampleMoments(n: n, sum: sum, sumSquares: sumSquares),
        second: second)
      problems += StatisticsFile.consistencyProblems(
        statistics, line: line, secondPrefix: prefix)
      return statistics
    }
  }
}
