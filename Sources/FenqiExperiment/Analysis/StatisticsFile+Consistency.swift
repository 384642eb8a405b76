import FenqiCore

extension StatisticsFile {
  /// Relative slack for sums rounded on export: Σy² may fall short of (Σy)²/n by this share
  /// (read as zero variance), and a correlation may exceed 1 in size by it.
  public static let roundingSlack = 1e-6

  /// Why one row's sums cannot come from any data, each as `line N, column: …`.
  ///
  /// - a square that overflows: (Σy)² or Σy² beyond the largest double;
  /// - Σy² < (Σy)²/n, a negative variance (Cauchy–Schwarz: Σy² ≥ (Σy)²/n for any values);
  /// - for the second variable the same, and Σxy implying a correlation outside [−1, 1].
  ///
  /// Proportions are checked by ``parse(_:header:)`` (successes in [0, n]).
  static func consistencyProblems(
    _ s: ArmStatistics, line: Int, secondPrefix: String
  ) -> [String] {
    var problems: [String] = []
    if s.kind != .proportion {
      problems += moments(
        s.outcome, line: line, sum: "sum", squares: "sum_squares")
    }
    if let second = s.second {
      let secondProblems = moments(
        second.moments, line: line, sum: "\(secondPrefix)_sum",
        squares: "\(secondPrefix)_sum_squares")
      problems += secondProblems
      if problems.isEmpty {
        problems += correlation(
          s, second: second, line: line, secondPrefix: secondPrefix)
      }
    }
    return problems
  }

  /// The checks of one variable's n, Σ and Σ².
  static func moments(
    _ m: SampleMoments, line: Int, sum: String, squares: String
  ) -> [String] {
    let floor = m.sum * m.sum / m.n
    guard floor.isFinite else {
      return [
        "line \(line), \(sum): \(JSONWriter.format(m.sum)) is too large to analyse (its square overflows a double); rescale the metric, e.g. to thousands"
      ]
    }
    guard m.sumSquares >= 0 else {
      return [
        "line \(line), \(squares): expected a sum of squares ≥ 0, found \(JSONWriter.format(m.sumSquares))"
      ]
    }
    guard m.sumSquares >= floor * (1 - roundingSlack) else {
      return [
        "line \(line), \(squares): expected at least \(sum)²/n = \(JSONWriter.format(floor)) (a sum of squares is never below that: the variance would be negative), found \(JSONWriter.format(m.sumSquares))"
      ]
    }
    return []
  }

  /// Σxy must imply a correlation of y and x in [−1, 1].
  static func correlation(
    _ s: ArmStatistics, second: (moments: SampleMoments, sumCross: Double),
    line: Int, secondPrefix: String
  ) -> [String] {
    let n = s.outcome.n
    let y = s.outcome
    let x = second.moments
    let syy = y.sumSquares - y.sum * y.sum / n
    let sxx = x.sumSquares - x.sum * x.sum / n
    let sxy = second.sumCross - y.sum * x.sum / n
    guard sxy.isFinite else {
      return [
        "line \(line), sum_cross: \(JSONWriter.format(second.sumCross)) is too large to analyse; rescale the metric"
      ]
    }
    let limit = (max(0, syy) * max(0, sxx)).squareRoot()
    guard
      abs(sxy) <= limit * (1 + roundingSlack) + roundingSlack
        * abs(second.sumCross)
    else {
      let r = limit > 0 ? sxy / limit : Double.infinity
      return [
        "line \(line), sum_cross: implies a correlation of \(JSONWriter.format(r)) between the outcome and \(secondPrefix == "pre" ? "the pre-period value" : "the denominator"); expected one in [−1, 1], i.e. |sum_cross − sum·\(secondPrefix)_sum/n| ≤ \(JSONWriter.format(limit))"
      ]
    }
    return []
  }
}
