import FenqiCredit

/// A tape's monthly miss counts by segment: the loans current at the start of each calendar
/// month (the end of the previous row, or booking for month on book 1) and how many of them
/// were past due at its end.
public struct SatelliteObservations: Sendable, Equatable {
  /// Segment names, in the tape's order.
  public let segments: [String]
  /// Calendar months (`origination_period + month_on_book`), increasing, every month from the
  /// first to the last row of the tape.
  public let periods: [Int]
  /// Loans current at the start of the month, [segment × periods.count + month].
  public let trials: [Double]
  /// Of them, loans past due at the month's end.
  public let misses: [Double]

  /// Counts the tape.
  ///
  /// - Complexity: O(rows).
  public init(tape: LoanTape) {
    segments = tape.segmentNames
    var first = Int.max
    var last = Int.min
    for r in 0..<tape.count {
      let t = Int(tape.originationPeriod[r] + tape.monthOnBook[r])
      first = Swift.min(first, t)
      last = Swift.max(last, t)
    }
    guard first <= last else {
      periods = []
      trials = []
      misses = []
      return
    }
    periods = Array(first...last)
    let n = periods.count
    var trials = [Double](repeating: 0, count: segments.count * n)
    var misses = trials
    let (rows, starts) = tape.rowsByLoan()
    for l in 0..<tape.loanCount {
      var currentBefore = true
      for k in starts[l]..<starts[l + 1] {
        let r = rows[k]
        let t = Int(tape.originationPeriod[r] + tape.monthOnBook[r])
        let cell = Int(tape.segment[r]) * n + (t - first)
        let current = tape.bucket[r] == .current
        if currentBefore {
          trials[cell] += 1
          if !current { misses[cell] += 1 }
        }
        currentBefore = current && tape.status[r] == .open
      }
    }
    self.trials = trials
    self.misses = misses
  }

  /// The pooled miss rate of month index `t` over every segment (NaN when nobody was current).
  public func pooledRate(_ t: Int) -> Double {
    var n = 0.0
    var k = 0.0
    for s in segments.indices {
      n += trials[s * periods.count + t]
      k += misses[s * periods.count + t]
    }
    return n > 0 ? k / n : .nan
  }
}
