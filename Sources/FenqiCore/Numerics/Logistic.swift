import Foundation

/// The logistic function and its inverse.
public enum Logistic {
  /// σ(x) = 1 / (1 + e⁻ˣ), in (0, 1).
  @inlinable @inline(__always)
  public static func sigmoid(_ x: Double) -> Double {
    1.0 / (1.0 + exp(-x))
  }

  /// logit(p) = ln(p / (1 − p)) for p in (0, 1).
  @inlinable
  public static func logit(_ p: Double) -> Double {
    log(p / (1 - p))
  }
}
