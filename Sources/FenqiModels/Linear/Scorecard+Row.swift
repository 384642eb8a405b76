import FenqiCore

extension Scorecard {
  /// The points of each selected input for one row of numeric inputs (schema order, NaN
  /// missing), written to `points` (``selected``.count entries).
  public func points(
    row x: UnsafePointer<Double>, into points: UnsafeMutablePointer<Double>
  ) {
    for j in selected.indices {
      points[j] = self.points(input: j, bin: binnings[j].bin(x[selected[j]]))
    }
  }

  /// The probability of bad for one row of numeric inputs: σ(−(score − offset)/factor).
  ///
  /// - Parameters:
  ///   - x: one value per schema input, NaN for missing.
  ///   - scratch: space for ``selected``.count points.
  /// - Returns: the probability of the positive ("bad") class.
  public func probability(
    row x: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) -> Double {
    points(row: x, into: scratch)
    var score =
      selected.isEmpty
      ? scaling.offset - scaling.factor * regression.intercept : 0
    for j in selected.indices { score += scratch[j] }
    return Logistic.sigmoid(-(score - scaling.offset) / scaling.factor)
  }
}
