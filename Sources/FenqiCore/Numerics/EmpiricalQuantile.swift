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
}
