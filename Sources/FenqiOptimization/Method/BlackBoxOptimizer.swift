/// A search that maximises an objective it cannot see except through evaluations the caller
/// makes: it asks for a batch of points, the caller evaluates them however it likes (in
/// parallel, from a cache, replayed from a log on `--resume`) and tells it the results.
///
/// Points are in the unit cube [0, 1]^d of ``space``; decode them with
/// ``SearchSpace/decode(_:)``. Evaluations are ranked by ``FeasibilityRanking``. An optimiser
/// is a value: copying it forks the search, and a search is a pure function of its seed and the
/// evaluations told, so a run replayed from a log asks exactly the same points again.
public protocol BlackBoxOptimizer: Sendable {
  /// The space searched.
  var space: SearchSpace { get }
  /// The evaluations told so far.
  var evaluationCount: Int { get }
  /// The best point told so far by ``FeasibilityRanking`` with its evaluation (ties keep the
  /// earlier); nil before the first ``tell(_:_:)``.
  ///
  /// With a noisy objective this is the luckiest draw as much as the best plan: re-evaluate the
  /// few best points before trusting the winner's figure.
  var best: EvaluatedPoint? { get }

  /// The next batch of points to evaluate, each in [0, 1]^d; asking again before
  /// ``tell(_:_:)`` gives the same batch.
  func ask() -> [[Double]]

  /// Hands over the evaluations of the batch ``ask()`` gave, in its order.
  ///
  /// - Parameters:
  ///   - points: the batch, as asked.
  ///   - evaluations: one evaluation per point.
  mutating func tell(_ points: [[Double]], _ evaluations: [Evaluation])
}

extension BlackBoxOptimizer {
  /// Asks and tells whole batches, evaluating each point with `evaluate`, while the next batch
  /// fits within `budget` evaluations in all.
  ///
  /// - Returns: ``best`` at the end.
  @discardableResult
  public mutating func run(
    budget: Int, _ evaluate: ([Double]) -> Evaluation
  ) -> EvaluatedPoint? {
    while true {
      let batch = ask()
      guard !batch.isEmpty, evaluationCount + batch.count <= budget else {
        break
      }
      tell(batch, batch.map(evaluate))
    }
    return best
  }
}
