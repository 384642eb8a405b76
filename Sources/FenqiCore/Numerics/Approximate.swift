/// Tolerant comparison of floating-point values, as swift-numerics' `isApproximatelyEqual`.
extension Double {
  /// Whether `self` and `other` agree within an absolute *or* a relative tolerance.
  ///
  /// - Parameters:
  ///   - other: the value to compare with.
  ///   - absoluteTolerance: the largest absolute difference accepted (default 0).
  ///   - relativeTolerance: the largest difference relative to the larger magnitude
  ///     (default √ε ≈ 1.5e-8).
  /// - Returns: true when either tolerance is met.
  public func isApproximatelyEqual(
    to other: Double, absoluteTolerance: Double = 0,
    relativeTolerance: Double = Double.ulpOfOne.squareRoot()
  ) -> Bool {
    if self == other { return true }
    let difference = abs(self - other)
    if difference <= absoluteTolerance { return true }
    let scale = Swift.max(abs(self), abs(other))
    return difference <= scale * relativeTolerance
  }
}
