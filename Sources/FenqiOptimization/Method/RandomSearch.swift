import FenqiCore

/// Uniform random points in the unit cube: the baseline an optimiser must beat on the same
/// budget and seeds, asked and told like the optimiser.
///
/// Point i (0-based over the whole search) has coordinate j = the uniform at counter j of the
/// stream (seed, i, 0, `Purpose.optimizerRandomSearch`), snapped to integers
/// (``SearchSpace/snapped(_:)``); the sequence depends only on the seed. Batches are
/// consecutive runs of ``batchSize`` points; every ``tell(_:_:)`` moves to the next.
///
/// Plain uniform rather than FenqiCalibration's scrambled Halton design (a target this one does
/// not import): the best of n uniform points is the textbook baseline — its quantile among all
/// plans of the cube is Beta(n, 1)-distributed, whatever the objective.
public struct RandomSearch: BlackBoxOptimizer {
  /// The space searched.
  public let space: SearchSpace
  /// The seed of the point sequence.
  public let seed: UInt64
  /// Points per batch.
  public let batchSize: Int
  /// Evaluations told so far.
  public private(set) var evaluationCount = 0
  /// The best point told so far, by ``FeasibilityRanking``.
  public private(set) var best: EvaluatedPoint?
  /// The index of the current batch's first point.
  public private(set) var nextIndex = 0

  /// Starts the sequence at point 0.
  ///
  /// - Parameters:
  ///   - space: the space searched.
  ///   - seed: the seed of the point sequence.
  ///   - batchSize: points per batch (≥ 1); the default is CMA-ES's population for this
  ///     dimension, so both hand the caller batches of one size.
  public init(space: SearchSpace, seed: UInt64, batchSize: Int? = nil) {
    let size =
      batchSize ?? CMAESParameters.defaultPopulationSize(dimension: space.count)
    precondition(size >= 1, "RandomSearch: batchSize must be ≥ 1, got \(size)")
    self.space = space
    self.seed = seed
    self.batchSize = size
  }

  /// Point `index` of the sequence, in [0, 1)^d with integers snapped.
  public func point(_ index: Int) -> [Double] {
    let stream = RandomStream(
      key: StreamKey(
        seed: seed, entity: UInt64(index), period: 0,
        purpose: .optimizerRandomSearch))
    return space.snapped(
      (0..<space.count).map { stream.uniform(at: UInt64($0)) })
  }

  /// Points ``nextIndex`` ..< ``nextIndex`` + ``batchSize``.
  public func ask() -> [[Double]] {
    (nextIndex..<(nextIndex + batchSize)).map(point)
  }

  /// Keeps the best of `points` and moves on to the next batch.
  ///
  /// Any points may be told (the current plan, say), not only the asked ones.
  public mutating func tell(_ points: [[Double]], _ evaluations: [Evaluation]) {
    precondition(
      points.count == evaluations.count,
      "RandomSearch.tell: \(points.count) points but \(evaluations.count) evaluations"
    )
    best = EvaluatedPoint.best(best, amongst: points, evaluations)
    evaluationCount += points.count
    nextIndex += batchSize
  }
}
