/// The eigen-decomposition A = V·diag(λ)·Vᵀ of a small symmetric matrix, by the cyclic Jacobi
/// method (Golub & Van Loan, "Matrix Computations", 4th ed., §8.5.2–8.5.3).
///
/// Each rotation zeroes one off-diagonal pair; sweeps over all pairs repeat until the
/// off-diagonal mass is negligible next to the diagonal's. Jacobi is slower than QR for large
/// matrices but is short, accurate for the small eigenvalues, and deterministic — CMA-ES
/// decomposes a d × d covariance (d ≤ ~20) once per generation, so O(d³) per sweep costs
/// nothing next to a simulation.
struct SymmetricEigen: Sendable {
  /// The most sweeps; convergence is quadratic and takes 6–10 for d ≤ 20.
  static let maximumSweeps = 60

  /// The dimension n.
  let dimension: Int
  /// The eigenvalues, ascending.
  let values: [Double]
  /// The eigenvectors, n × n row-major: column k (`vectors[i * n + k]`, i = 0..<n) is the unit
  /// eigenvector of `values[k]`.
  let vectors: [Double]

  /// Decomposes the symmetric n × n `matrix` (flat, row-major; only its lower triangle is read
  /// and mirrored).
  init(matrix: [Double], dimension n: Int) {
    precondition(
      n >= 1 && matrix.count == n * n,
      "SymmetricEigen: expected \(n)×\(n) = \(n * n) entries, got \(matrix.count)"
    )
    var a = matrix
    for i in 0..<n {
      for j in 0..<i { a[j * n + i] = a[i * n + j] }
    }
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<Self.maximumSweeps {
      guard !Self.isDiagonal(a, n) else { break }
      for p in 0..<n {
        for q in (p + 1)..<n where a[p * n + q] != 0 {
          Self.rotate(&a, &v, n, p, q)
        }
      }
    }
    let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
    dimension = n
    values = order.map { a[$0 * n + $0] }
    var sortedVectors = [Double](repeating: 0, count: n * n)
    for (k, column) in order.enumerated() {
      for i in 0..<n { sortedVectors[i * n + k] = v[i * n + column] }
    }
    vectors = sortedVectors
  }

  /// Whether the off-diagonal sum of squares is below 10⁻³⁰ of the diagonal's (or exactly 0).
  static func isDiagonal(_ a: [Double], _ n: Int) -> Bool {
    var off = 0.0
    var diagonal = 0.0
    for i in 0..<n {
      diagonal += a[i * n + i] * a[i * n + i]
      for j in 0..<n where j != i { off += a[i * n + j] * a[i * n + j] }
    }
    return off == 0 || off <= 1e-30 * diagonal
  }

  /// One Jacobi rotation J(p, q, θ): A ← JᵀAJ zeroes a_pq, V ← VJ accumulates the vectors.
  ///
  /// θ = (a_qq − a_pp)/(2a_pq), t = sign(θ)/(|θ| + √(θ² + 1)) (the smaller root of
  /// t² + 2θt − 1 = 0, for stability), c = 1/√(t² + 1), s = t·c (Golub & Van Loan Alg. 8.5.1).
  static func rotate(
    _ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int
  ) {
    let apq = a[p * n + q]
    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
    let root = (theta * theta + 1).squareRoot()
    let t =
      theta.isFinite
      ? (theta >= 0 ? 1 : -1) / (abs(theta) + root) : 1 / (2 * theta)
    let c = 1 / (t * t + 1).squareRoot()
    let s = t * c
    for k in 0..<n {
      let (akp, akq) = (a[k * n + p], a[k * n + q])
      a[k * n + p] = c * akp - s * akq
      a[k * n + q] = s * akp + c * akq
    }
    for k in 0..<n {
      let (apk, aqk) = (a[p * n + k], a[q * n + k])
      a[p * n + k] = c * apk - s * aqk
      a[q * n + k] = s * apk + c * aqk
    }
    // The rotation zeroes the pair exactly in exact arithmetic; make it so.
    a[p * n + q] = 0
    a[q * n + p] = 0
    for k in 0..<n {
      let (vkp, vkq) = (v[k * n + p], v[k * n + q])
      v[k * n + p] = c * vkp - s * vkq
      v[k * n + q] = s * vkp + c * vkq
    }
  }
}
