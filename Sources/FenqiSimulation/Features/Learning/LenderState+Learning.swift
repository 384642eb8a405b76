import FenqiDecision

/// What the learning loop keeps of each decision: the scored row feature by feature (drift), the
/// through-the-door rows of a re-training month (judging the new model), and the declined rows
/// (reject inference). The row is the one in `row`, as the decision read it.
extension LenderState {
  /// A scored application of arm `a`: its features into the month's stability counts, and in a
  /// re-training month the row with its true probability of going bad.
  @inline(__always)
  mutating func monitorScored(
    arm a: Int, pd: Double, truth: Double, period lp: LenderPeriod
  ) {
    if histograms[a].features == nil { histograms[a].features = lp.features }
    row.withUnsafeBufferPointer {
      histograms[a].features?.add($0.start)
      if lp.keepsThroughTheDoor {
        throughTheDoor[a].append($0.start, label: truth, score: pd)
      }
    }
  }

  /// An application of arm `a` the PD declined, kept for reject inference.
  @inline(__always)
  mutating func keepReject(arm a: Int, pd: Double) {
    row.withUnsafeBufferPointer {
      rejected[a].append($0.start, label: 0, score: pd)
    }
  }
}
