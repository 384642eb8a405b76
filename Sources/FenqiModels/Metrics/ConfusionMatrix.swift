/// Counts of a binary decision at a threshold (positive when probability ≥ threshold).
public struct ConfusionMatrix: Sendable, Equatable {
  /// Positives predicted positive.
  public var truePositives = 0
  /// Negatives predicted positive.
  public var falsePositives = 0
  /// Negatives predicted negative.
  public var trueNegatives = 0
  /// Positives predicted negative.
  public var falseNegatives = 0

  /// Tallies `probabilities` against 0/1 `labels` at `threshold`.
  public init(probabilities: [Double], labels: [Double], threshold: Double) {
    for (p, y) in zip(probabilities, labels) {
      switch (p >= threshold, y == 1) {
      case (true, true): truePositives += 1
      case (true, false): falsePositives += 1
      case (false, false): trueNegatives += 1
      case (false, true): falseNegatives += 1
      }
    }
  }

  private static func ratio(_ a: Int, _ b: Int) -> Double {
    b == 0 ? .nan : Double(a) / Double(b)
  }

  /// Share of rows decided correctly.
  public var accuracy: Double {
    Self.ratio(
      truePositives + trueNegatives,
      truePositives + trueNegatives + falsePositives + falseNegatives)
  }
  /// Share of predicted positives that are positive.
  public var precision: Double {
    Self.ratio(truePositives, truePositives + falsePositives)
  }
  /// Share of positives predicted positive (true-positive rate).
  public var recall: Double {
    Self.ratio(truePositives, truePositives + falseNegatives)
  }
  /// Share of negatives predicted negative.
  public var specificity: Double {
    Self.ratio(trueNegatives, trueNegatives + falsePositives)
  }
  /// Harmonic mean of precision and recall.
  public var f1: Double { 2 * precision * recall / (precision + recall) }
}
