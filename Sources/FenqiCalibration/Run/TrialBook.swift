/// The trials of one calibration so far, in trial order, with each one's simulated moments lined
/// up against the fitted moments and its distance from them.
struct TrialBook {
  /// The records; trial t is at index t − 1.
  private(set) var records: [TrialRecord] = []
  /// Each point's record, by the bits of its unit-cube coordinates (a lookup only).
  private(set) var byPoint: [[UInt64]: Int] = [:]
  /// The fitted moments, once the global stage has fixed them.
  private(set) var target: MomentTarget?
  /// Per record: the simulated value of each fitted moment (nil: not given).
  private(set) var aligned: [[Double?]] = []
  /// Per record: the distance from the observed moments (+∞ when a moment is missing or the
  /// simulation failed).
  private(set) var distances: [Double] = []

  /// The key of a unit-cube point.
  static func key(_ unit: [Double]) -> [UInt64] { unit.map(\.bitPattern) }

  /// Appends the next trial.
  mutating func append(_ record: TrialRecord) {
    precondition(
      record.trial == records.count + 1,
      "trial \(record.trial) appended after \(records.count)")
    let key = Self.key(record.unit)
    if byPoint[key] == nil { byPoint[key] = records.count }
    records.append(record)
    if let target { line(up: record, with: target) }
  }

  /// Fixes the fitted moments and lines up every record so far.
  mutating func fit(_ target: MomentTarget) {
    self.target = target
    aligned = []
    distances = []
    for r in records { line(up: r, with: target) }
  }

  private mutating func line(up record: TrialRecord, with target: MomentTarget)
  {
    let values: [Double?]
    switch record.outcome {
    case .moments(let m): values = target.names.map { m[$0] }
    case .failed: values = Array(repeating: nil, count: target.names.count)
    }
    aligned.append(values)
    distances.append(target.distance(values))
  }

  /// The record with the smallest distance among the first `count` (ties: the earlier trial);
  /// nil when none is finite.
  func best(amongFirst count: Int? = nil) -> Int? {
    var best: Int?
    for i in 0..<(count ?? distances.count) where distances[i].isFinite {
      if best.map({ distances[i] < distances[$0] }) ?? true { best = i }
    }
    return best
  }
}
