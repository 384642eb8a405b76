/// A point of the unit cube with its evaluation.
public struct EvaluatedPoint: Sendable, Equatable {
  /// The point, in [0, 1]^d (decode it with ``SearchSpace/decode(_:)``).
  public var point: [Double]
  /// Its evaluation.
  public var evaluation: Evaluation

  /// Creates an evaluated point.
  public init(point: [Double], evaluation: Evaluation) {
    self.point = point
    self.evaluation = evaluation
  }

  /// The better of `current` and the batch's points by ``FeasibilityRanking``; ties keep the
  /// earlier (the current one, then the batch's first).
  static func best(
    _ current: EvaluatedPoint?, amongst points: [[Double]],
    _ evaluations: [Evaluation]
  ) -> EvaluatedPoint? {
    var best = current
    for (x, e) in zip(points, evaluations) {
      guard let b = best else {
        best = EvaluatedPoint(point: x, evaluation: e)
        continue
      }
      if FeasibilityRanking.isBetter(e, than: b.evaluation) {
        best = EvaluatedPoint(point: x, evaluation: e)
      }
    }
    return best
  }
}
