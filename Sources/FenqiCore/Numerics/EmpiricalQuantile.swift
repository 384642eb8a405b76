/// Quantiles of a sample from its empirical distribution function.
public enum EmpiricalQuantile {
  /// The `p`-quantile of values sorted ascending: the k-th smallest, k = ⌈p·N⌉ clamped to
  /// [1, N] (the inverse empirical distribution function, Hyndman & Fan type 1).
  ///
  /// - Parameters:
  ///   - sorted: the sample, ascending.
  ///   - p: the probability, a fraction.
  /// - Returns: the quantile, or NaN for an empty sample.
  public static func ofSorted(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let k = Swift.min(
      sorted.count, Swift.max(1, Int((p * Double(sorted.count)).rounded(.up))))
    return sorted[k - 1]
  }

  /// The `p`-quantile of values sorted ascending, interpolated linearly between order statistics
  /// placed at plotting positions (k − ½)/N (Hyndman & Fan type 5): a continuous, piecewise-linear
  /// inverse of the smoothed empirical distribution function.
  ///
  /// Below ½/N it is the smallest value, above 1 − ½/N the largest, so it never leaves the
  /// sample's range; a run of tied values keeps its whole probability mass.
  ///
  /// - Parameters:
  ///   - sorted: the sample, ascending, without NaN.
  ///   - p: the probability, a fraction.
  /// - Returns: the quantile, or NaN for an empty sample.
  @inlinable
  public static func interpolatedOfSorted(
    _ sorted: UnsafeBufferPointer<Double>, _ p: Double
  ) -> Double {
    let n = sorted.count
    guard n > 0 else { return .nan }
    let h = p * Double(n) + 0.5
    if !(h > 1) { return sorted[0] }
    if h >= Double(n) { return sorted[n - 1] }
    let k = Int(h)
    let a = sorted[k - 1]
    return a + (h - Double(k)) * (sorted[k] - a)
  }
}
