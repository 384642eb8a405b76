import Foundation

/// Accuracy of predicted probabilities against 0/1 labels.
public enum ProbabilityMetrics {
  /// Mean binary log-loss, probabilities clipped to [ε, 1 − ε] with ε = 1e-15.
  public static func logLoss(probabilities: [Double], labels: [Double])
    -> Double
  {
    precondition(probabilities.count == labels.count)
    guard !labels.isEmpty else { return .nan }
    var total = 0.0
    for (p, y) in zip(probabilities, labels) {
      let q = Swift.min(1 - 1e-15, Swift.max(1e-15, p))
      total -= y * log(q) + (1 - y) * log(1 - q)
    }
    return total / Double(labels.count)
  }

  /// The Brier score: mean squared difference between probability and label.
  public static func brier(probabilities: [Double], labels: [Double]) -> Double
  {
    precondition(probabilities.count == labels.count)
    guard !labels.isEmpty else { return .nan }
    var total = 0.0
    for (p, y) in zip(probabilities, labels) { total += (p - y) * (p - y) }
    return total / Double(labels.count)
  }

  /// One group of a calibration table.
  public struct CalibrationBin: Sendable, Equatable {
    /// The number of rows.
    public var count: Int
    /// The lowest and highest predicted probability in the group.
    public var lowest: Double
    /// The highest predicted probability in the group.
    public var highest: Double
    /// The mean predicted probability.
    public var meanPredicted: Double
    /// The observed share of positives.
    public var observedRate: Double
  }

  /// A calibration table: rows sorted by predicted probability and cut into `groups` groups of
  /// (nearly) equal size — deciles by default.
  public static func calibration(
    probabilities: [Double], labels: [Double], groups: Int = 10
  ) -> [CalibrationBin] {
    let n = probabilities.count
    guard n > 0, groups > 0 else { return [] }
    let order = probabilities.indices.sorted {
      probabilities[$0] != probabilities[$1]
        ? probabilities[$0] < probabilities[$1] : $0 < $1
    }
    var out: [CalibrationBin] = []
    for g in 0..<Swift.min(groups, n) {
      let range =
        (g * n / Swift.min(groups, n))..<((g + 1) * n / Swift.min(groups, n))
      guard !range.isEmpty else { continue }
      var sp = 0.0
      var sy = 0.0
      for k in range {
        sp += probabilities[order[k]]
        sy += labels[order[k]]
      }
      out.append(
        CalibrationBin(
          count: range.count, lowest: probabilities[order[range.lowerBound]],
          highest: probabilities[order[range.upperBound - 1]],
          meanPredicted: sp / Double(range.count),
          observedRate: sy / Double(range.count)))
    }
    return out
  }
}
