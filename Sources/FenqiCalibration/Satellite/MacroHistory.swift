import FenqiCore

/// A lender's macro history: one row per month of its tape (the `macro.csv` a run writes, or a
/// lender's own series), unemployment and the benchmark rate as fractions, confidence as an index.
public struct MacroHistory: Sendable, Equatable {
  /// The month index of each row (the tape's calendar month: `origination_period +
  /// month_on_book`), increasing.
  public var periods: [Int]
  /// Unemployment per row, a fraction.
  public var unemployment: [Double]
  /// The benchmark rate per row, annual, a fraction.
  public var benchmarkRate: [Double]
  /// Consumer confidence per row (an index).
  public var confidence: [Double]

  /// Creates a history.
  public init(
    periods: [Int], unemployment: [Double], benchmarkRate: [Double],
    confidence: [Double]
  ) {
    self.periods = periods
    self.unemployment = unemployment
    self.benchmarkRate = benchmarkRate
    self.confidence = confidence
  }

  /// The required columns of the CSV form.
  public static let columns = [
    "period", "unemployment", "benchmark_rate", "confidence",
  ]

  /// Reads the CSV form: a header naming at least ``columns`` (others are ignored), then one row
  /// per month with increasing periods.
  ///
  /// - Throws: a ``CSVFailure`` naming the line and column of the first problem.
  public init(csv bytes: [UInt8]) throws(CSVFailure) {
    var scanner = CSVScanner(bytes: bytes)
    var cells: [CSVCell] = []
    guard try scanner.next(into: &cells) else {
      throw CSVFailure(
        line: 1, message: "expected a header, found an empty file")
    }
    let header = cells.map { scanner.text(of: $0) }
    var index: [Int] = []
    for name in Self.columns {
      guard let k = header.firstIndex(of: name) else {
        throw CSVFailure(
          line: 1,
          message:
            "expected a column '\(name)' (needs \(Self.columns.joined(separator: ", ")))"
        )
      }
      index.append(k)
    }
    var out = MacroHistory(
      periods: [], unemployment: [], benchmarkRate: [], confidence: [])
    while try scanner.next(into: &cells) {
      let line = scanner.line
      guard cells.count == header.count else {
        throw CSVFailure(
          line: line,
          message:
            "expected \(header.count) cells as in the header, found \(cells.count)"
        )
      }
      var values: [Double] = []
      for (c, k) in index.enumerated() {
        guard let x = scanner.number(of: cells[k]), x.isFinite else {
          throw CSVFailure(
            line: line,
            message:
              "column \(Self.columns[c]): expected a number, found \"\(scanner.text(of: cells[k]))\""
          )
        }
        values.append(x)
      }
      let period = Int(values[0])
      guard Double(period) == values[0],
        period > (out.periods.last ?? Int.min)
      else {
        throw CSVFailure(
          line: line,
          message:
            "column period: expected an integer above the previous row's, found \(values[0])"
        )
      }
      out.periods.append(period)
      out.unemployment.append(values[1])
      out.benchmarkRate.append(values[2])
      out.confidence.append(values[3])
    }
    guard out.periods.count >= 2 else {
      throw CSVFailure(
        line: scanner.line,
        message:
          "expected at least two months of history, found \(out.periods.count)")
    }
    self = out
  }

  /// The row of calendar month `period`, or nil when the history does not cover it.
  public func row(of period: Int) -> Int? {
    guard let first = periods.first else { return nil }
    let guess = period - first
    if guess >= 0, guess < periods.count, periods[guess] == period {
      return guess
    }
    return periods.firstIndex(of: period)
  }
}
