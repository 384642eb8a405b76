/// Labelled feature rows gathered from a simulation (row-major, ``LenderFeature`` order), with
/// each row's score at decision time.
public struct TrainingRows: Sendable, Equatable {
  /// Feature values, ``LenderFeature/count`` per row (Float to halve the memory).
  public var values: [Float] = []
  /// Labels: 1 bad (or applied), 0 good (or not).
  public var labels: [Float] = []
  /// The model's score when the row was decided (NaN when none was made).
  public var scores: [Float] = []

  /// No rows.
  public init() {}

  /// The number of rows.
  public var count: Int { labels.count }

  /// Appends a row.
  public mutating func append(
    _ row: UnsafePointer<Double>, label: Double, score: Double
  ) {
    for f in 0..<LenderFeature.count { values.append(Float(row[f])) }
    labels.append(Float(label))
    scores.append(Float(score))
  }

  /// Appends every row of `other`.
  public mutating func append(contentsOf other: TrainingRows) {
    values += other.values
    labels += other.labels
    scores += other.scores
  }

  /// The rows at `indices`, in that order.
  public func selecting(_ indices: [Int]) -> TrainingRows {
    let width = LenderFeature.count
    var out = TrainingRows()
    out.values.reserveCapacity(indices.count * width)
    for r in indices {
      out.values += values[(r * width)..<((r + 1) * width)]
      out.labels.append(labels[r])
      out.scores.append(scores[r])
    }
    return out
  }

  /// Copies row `r` into `x` (``LenderFeature/count`` values) for scoring.
  @inline(__always)
  public func row(_ r: Int, into x: UnsafeMutablePointer<Double>) {
    let width = LenderFeature.count
    for f in 0..<width { x[f] = Double(values[r * width + f]) }
  }

  /// Removes every row, keeping the capacity.
  public mutating func removeAll() {
    values.removeAll(keepingCapacity: true)
    labels.removeAll(keepingCapacity: true)
    scores.removeAll(keepingCapacity: true)
  }
}

/// Rows awaiting their outcome: booked loans whose bad/good label is known only once the
/// outcome window has passed.
public struct PendingRows: Sendable {
  /// The rows (labels filled in when they mature).
  public var rows = TrainingRows()
  /// The block-local customer of each row.
  public var customer: [UInt32] = []
  /// The period each row was booked.
  public var period: [UInt16] = []

  /// None pending.
  public init() {}

  /// Adds a booked application's row.
  public mutating func append(
    _ row: UnsafePointer<Double>, customer i: Int, period p: Int, score: Double
  ) {
    rows.append(row, label: 0, score: score)
    customer.append(UInt32(i))
    period.append(UInt16(p))
  }

  /// Moves every row booked `window` months before `now` into `matured` with its label from
  /// `ledger` (bad: 90+ days past due within the window), keeping the rest.
  public mutating func mature(
    now: Int, window: Int, ledger: FeatureLedger,
    into matured: inout TrainingRows
  ) {
    let width = LenderFeature.count
    var kept = 0
    for r in 0..<customer.count {
      if Int(period[r]) + window <= now {
        let bad = ledger.wentBad(Int(customer[r]), withinLast: window)
        matured.values += rows.values[(r * width)..<((r + 1) * width)]
        matured.labels.append(bad ? 1 : 0)
        matured.scores.append(rows.scores[r])
        continue
      }
      if kept != r {
        for f in 0..<width {
          rows.values[kept * width + f] = rows.values[r * width + f]
        }
        rows.labels[kept] = rows.labels[r]
        rows.scores[kept] = rows.scores[r]
        customer[kept] = customer[r]
        period[kept] = period[r]
      }
      kept += 1
    }
    rows.values.removeLast(rows.values.count - kept * width)
    rows.labels.removeLast(rows.labels.count - kept)
    rows.scores.removeLast(rows.scores.count - kept)
    customer.removeLast(customer.count - kept)
    period.removeLast(period.count - kept)
  }
}
