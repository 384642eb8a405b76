/// The sufficient statistics of one arm's metric: count, sum and sum of squares, plus optional
/// second variables for ratio metrics (a denominator) and CUPED (a pre-period covariate).
///
/// These are what a warehouse exports for a live test, and what the simulator accumulates per
/// customer; every test here works from them alone.
public struct SampleMoments: Sendable, Equatable {
  /// Units (customers).
  public var n: Double
  /// Σy over units.
  public var sum: Double
  /// Σy² over units.
  public var sumSquares: Double

  /// Creates moments from sums.
  public init(n: Double, sum: Double, sumSquares: Double) {
    self.n = n
    self.sum = sum
    self.sumSquares = sumSquares
  }

  /// Moments of a list of values.
  public init<S: Sequence>(_ values: S) where S.Element == Double {
    var n = 0.0
    var s = 0.0
    var q = 0.0
    for v in values {
      n += 1
      s += v
      q += v * v
    }
    self.init(n: n, sum: s, sumSquares: q)
  }

  /// Moments of a binary outcome: `successes` ones among `trials`.
  public static func proportion(successes: Double, trials: Double)
    -> SampleMoments
  {
    SampleMoments(n: trials, sum: successes, sumSquares: successes)
  }

  /// The mean ȳ; NaN when n = 0.
  public var mean: Double { n == 0 ? .nan : sum / n }

  /// The sample variance s² with n − 1 in the denominator.
  ///
  /// NaN when n < 2 or when the computation overflows (Σy² or (Σy)² not finite); a value that
  /// rounding leaves a hair below 0 reads 0.
  public var variance: Double {
    guard n > 1 else { return .nan }
    let v = (sumSquares - sum * sum / n) / (n - 1)
    guard v.isFinite else { return .nan }
    return v < 0 ? 0 : v
  }
}

/// Joint moments of two variables per unit (y, x): for ratio metrics Σy/Σx by the delta method,
/// and for CUPED with x the pre-period covariate.
public struct JointMoments: Sendable, Equatable {
  /// The outcome y.
  public var y: SampleMoments
  /// The second variable x (denominator or covariate).
  public var x: SampleMoments
  /// Σxy over units.
  public var sumCross: Double

  /// Creates joint moments; `y.n` and `x.n` must agree.
  public init(y: SampleMoments, x: SampleMoments, sumCross: Double) {
    precondition(
      y.n == x.n,
      "joint moments need the same unit count, got \(y.n) and \(x.n)")
    self.y = y
    self.x = x
    self.sumCross = sumCross
  }

  /// Joint moments of paired values.
  public init(y: [Double], x: [Double]) {
    precondition(
      y.count == x.count,
      "paired values differ in length: \(y.count) vs \(x.count)")
    self.init(
      y: SampleMoments(y), x: SampleMoments(x),
      sumCross: zip(y, x).reduce(0) { $0 + $1.0 * $1.1 })
  }

  /// The sample covariance of y and x (n − 1 denominator).
  public var covariance: Double {
    let n = y.n
    guard n > 1 else { return .nan }
    return (sumCross - y.sum * x.sum / n) / (n - 1)
  }
}
