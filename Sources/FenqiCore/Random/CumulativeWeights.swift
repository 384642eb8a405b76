/// Inverse-CDF selection over running (cumulative) weights.
public enum CumulativeWeights {
  /// The first index in `range` whose running weight exceeds `target`, or the range's last index
  /// when none does (so a target at or past the total falls in the last bucket).
  ///
  /// With `target` = u × total and u uniform in [0, 1), index k is chosen with probability
  /// weight_k ÷ total; a zero-weight bucket is never chosen unless it is last.
  ///
  /// - Parameters:
  ///   - cumulative: running weights, non-decreasing over `range`.
  ///   - range: the buckets to choose among (not empty).
  ///   - target: the draw on the weights' scale.
  /// - Returns: the chosen index, in `range`.
  @inlinable
  public static func index(
    in cumulative: [Double], _ range: Range<Int>, above target: Double
  ) -> Int {
    var k = range.lowerBound
    while k < range.upperBound - 1, cumulative[k] <= target { k += 1 }
    return k
  }

  /// ``index(in:_:above:)`` over the whole array.
  @inlinable
  public static func index(in cumulative: [Double], above target: Double)
    -> Int
  {
    index(in: cumulative, cumulative.indices, above: target)
  }
}
