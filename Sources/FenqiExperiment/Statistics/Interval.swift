/// Building intervals from computed ends without trapping on NaN (zero counts, empty arms).
public enum Interval {
  /// [lower, upper] ordered; (−∞, ∞) — "nothing known" — when either end is NaN.
  @inlinable
  public static func of(_ a: Double, _ b: Double) -> ClosedRange<Double> {
    guard !a.isNaN, !b.isNaN else { return -Double.infinity...Double.infinity }
    return Swift.min(a, b)...Swift.max(a, b)
  }
}
