/// Hansen's (μ/μ_w, λ)-CMA-ES in the unit cube, asked and told one generation at a time ("The CMA
/// Evolution Strategy: A Tutorial", 2016).
///
/// Each generation samples λ candidates x = m + σ·A·y, y ~ N(0, C), ranks them by
/// ``FeasibilityRanking`` and moves the mean to the weighted best μ, adapts σ by cumulative
/// step-size adaptation and C by the rank-one and (active) rank-μ updates; the parameters are the
/// tutorial's defaults (``CMAESParameters``). Only ranks are used, so the objective's scale does
/// not matter and constraints need no penalty weight.
///
/// **Bounds: mirroring.** A candidate outside the cube is evaluated at its mirror image folded(x) —
/// each coordinate reflected at the faces — while the update keeps the unfolded x. The search thus
/// runs on f(folded(x)), a continuous extension of the objective, and sees no plateau and needs no
/// penalty weight: clipping with a quadratic penalty would need the penalty in the objective's unit
/// (yuan, which differs by scenario), and plain clipping makes everything beyond a face equally
/// good, so the mean drifts out. An optimum on a face (spend the whole budget) becomes the peak
/// of a mirrored ridge, which CMA-ES converges to as it does to an interior optimum.
///
/// **Integers: a floor on the coordinate's spread (margin).** An integer coordinate's standard
/// deviation σ·√C_jj is kept at least s_j/(2·z), s_j the width of one integer step there and z the
/// (1 − α/2) normal quantile, α = ``CMAESParameters/marginProbability``: each candidate then lands
/// on another integer than the mean's with probability ≥ α even after σ has shrunk below a step,
/// which otherwise freezes the integer. This is the margin of Hamano, Saito, Nomura & Shirakawa
/// 2022 ("CMA-ES with Margin") applied as a diagonal scaling A_jj = max(1, floor/(σ√C_jj)) of the
/// sample, recomputed each generation; as in their method the paths and C are updated with y,
/// without A, so the floor does not distort the adaptation. Points handed out are snapped
/// (``SearchSpace/snapped(_:)``), so integer coordinates sit exactly on their integers.
///
/// Random draws: generation g's normals come from the stream (seed, g, 0,
/// `Purpose.optimizerSample`), counter k·d + j for coordinate j of candidate k, so a search is a
/// pure function of its seed and the evaluations told.
public struct CMAES: BlackBoxOptimizer {
  /// The default initial step size, in unit-cube units: 0.3 (the cube is 1 wide).
  public static let defaultStepSize = 0.3

  /// The space searched.
  public let space: SearchSpace
  /// The seed of the search's random stream.
  public let seed: UInt64
  /// The strategy parameters.
  public let parameters: CMAESParameters

  /// The distribution's mean m, unfolded (it may lie outside the cube; see ``recommendation``).
  public internal(set) var mean: [Double]
  /// The step size σ, in unit-cube units.
  public internal(set) var stepSize: Double
  /// Generations completed (tells received).
  public internal(set) var generation = 0
  /// Evaluations told so far.
  public internal(set) var evaluationCount = 0
  /// The best point told so far, by ``FeasibilityRanking``.
  public internal(set) var best: EvaluatedPoint?

  /// The covariance matrix C, d × d row-major.
  var covariance: [Double]
  /// C's eigenvectors B as columns, d × d row-major.
  var basis: [Double]
  /// The square roots of C's eigenvalues, D (same order as ``basis``'s columns).
  var scales: [Double]
  /// The step-size (conjugate) evolution path p_σ.
  var stepSizePath: [Double]
  /// The covariance evolution path p_c.
  var covariancePath: [Double]
  /// The current generation's candidates, sampled when the previous generation was told.
  var candidates: Candidates

  /// Starts a search with C = I.
  ///
  /// - Parameters:
  ///   - space: the space searched.
  ///   - seed: the seed of the sampling stream.
  ///   - start: the initial mean in [0, 1]^d (the current plan, encoded with
  ///     ``SearchSpace/encode(_:)``); the cube's centre when nil.
  ///   - stepSize: the initial σ in unit-cube units, > 0; the default 0.3 spreads the first
  ///     generation over most of the cube.
  ///   - populationSize: λ; the default is 4 + ⌊3 ln d⌋.
  public init(
    space: SearchSpace, seed: UInt64, start: [Double]? = nil,
    stepSize: Double = defaultStepSize, populationSize: Int? = nil
  ) {
    let n = space.count
    let m = start ?? Array(repeating: 0.5, count: n)
    precondition(
      m.count == n && m.allSatisfy { $0 >= 0 && $0 <= 1 },
      "CMAES: start must have \(n) coordinates in [0, 1], got \(m)")
    precondition(
      stepSize > 0 && stepSize.isFinite,
      "CMAES: stepSize must be positive and finite, got \(stepSize)")
    self.space = space
    self.seed = seed
    parameters = CMAESParameters(dimension: n, populationSize: populationSize)
    mean = m
    self.stepSize = stepSize
    (covariance, basis, scales, stepSizePath, covariancePath) = (
      [], [], [], [], []
    )
    candidates = Candidates()
    resetCovariance()
    candidates = sampled()
  }

  /// The current generation's λ points, folded into the cube and snapped to integers.
  public func ask() -> [[Double]] { candidates.points }

  /// Ranks the generation's evaluations, updates the distribution and samples the next
  /// generation.
  ///
  /// - Precondition: `points` is the last ``ask()``'s batch, in order, with one evaluation
  ///   each.
  public mutating func tell(_ points: [[Double]], _ evaluations: [Evaluation]) {
    precondition(
      points == candidates.points && evaluations.count == points.count,
      "CMAES.tell: expected the \(candidates.points.count) points of the last "
        + "ask() in order with one evaluation each, got \(points.count) points "
        + "and \(evaluations.count) evaluations")
    best = EvaluatedPoint.best(best, amongst: points, evaluations)
    evaluationCount += points.count
    update(ranking: FeasibilityRanking.order(evaluations))
    generation += 1
    candidates = sampled()
  }

  /// The mean folded into the cube and snapped: the distribution's own estimate of the best
  /// plan, less flattered by noise than ``best``.
  public var recommendation: [Double] {
    space.snapped(UnitCube.folded(mean))
  }

  /// Each coordinate's sampling standard deviation σ·A_jj·√C_jj, in unit-cube units, as the
  /// current generation was drawn (with the integer floor).
  public var coordinateDeviations: [Double] {
    let n = space.count
    return (0..<n).map {
      stepSize * candidates.margin[$0] * covariance[$0 * n + $0].squareRoot()
    }
  }
}
