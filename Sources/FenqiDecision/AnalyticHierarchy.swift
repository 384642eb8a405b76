/// Criteria weights from a pairwise-comparison matrix: the analytic hierarchy process
/// (Saaty 1980).
///
/// The weights are the principal eigenvector of the reciprocal matrix A (aᵢⱼ = how much more
/// criterion i matters than j, aⱼᵢ = 1/aᵢⱼ), normalised to sum to 1. Consistency: CI =
/// (λ_max − n)/(n − 1) and CR = CI / RI(n) with Saaty's random index; a CR of 0.1 or more means
/// the judgements contradict each other too much to use.
public struct AnalyticHierarchy: Sendable, Equatable {
  /// The weights, summing to 1.
  public let weights: [Double]
  /// The principal eigenvalue.
  public let lambdaMax: Double
  /// The consistency index (λ_max − n)/(n − 1).
  public let consistencyIndex: Double
  /// The consistency ratio CI / RI(n) (0 for n ≤ 2).
  public let consistencyRatio: Double

  /// Saaty's random consistency index for n = 1 … 10.
  public static let randomIndex = [
    0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
  ]

  /// Why a matrix is unusable.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
  }

  /// Weights of an n × n pairwise-comparison matrix (row-major).
  ///
  /// - Throws: ``Problem`` when the matrix is not square, has a non-positive entry, is not
  ///   reciprocal (aⱼᵢ·aᵢⱼ = 1 within 1e-6), or has more than 10 criteria.
  public init(matrix a: [[Double]]) throws(Problem) {
    let n = a.count
    guard n >= 1, n <= 10 else {
      throw Problem(description: "expected 1 to 10 criteria, found \(n)")
    }
    for (i, row) in a.enumerated() {
      guard row.count == n else {
        throw Problem(
          description: "row \(i + 1) has \(row.count) entries, expected \(n)")
      }
      for (j, x) in row.enumerated() {
        guard x > 0, x.isFinite else {
          throw Problem(
            description: "entry (\(i + 1), \(j + 1)) must be a positive number")
        }
        if abs(x * a[j][i] - 1) > 1e-6 {
          throw Problem(
            description:
              "entry (\(j + 1), \(i + 1)) must be 1/\(x) (a pairwise matrix is reciprocal)"
          )
        }
      }
    }
    // Principal eigenvector by power iteration (A is positive: Perron–Frobenius).
    var w = [Double](repeating: 1 / Double(n), count: n)
    var lambda = Double(n)
    for _ in 0..<1000 {
      var next = [Double](repeating: 0, count: n)
      for i in 0..<n { for j in 0..<n { next[i] += a[i][j] * w[j] } }
      let sum = next.reduce(0, +)
      lambda = sum  // Σ(Aw)ᵢ with Σwᵢ = 1
      next = next.map { $0 / sum }
      let change = zip(next, w).map { abs($0 - $1) }.max() ?? 0
      w = next
      if change < 1e-15 { break }
    }
    weights = w
    lambdaMax = lambda
    consistencyIndex = n > 1 ? (lambda - Double(n)) / Double(n - 1) : 0
    let ri = Self.randomIndex[n - 1]
    consistencyRatio = ri > 0 ? consistencyIndex / ri : 0
  }

  /// Whether the judgements are consistent enough to use (CR < 0.1).
  public var isConsistent: Bool { consistencyRatio < 0.1 }

  /// The weighted score of criterion values, each on a common scale such as 0–1.
  public func score(_ values: [Double]) -> Double {
    zip(weights, values).reduce(0) { $0 + $1.0 * $1.1 }
  }
}
