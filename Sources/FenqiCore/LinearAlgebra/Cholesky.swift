/// The Cholesky factor L of a symmetric positive-definite matrix A = L·Lᵀ, stored flat, row-major.
public struct Cholesky: Sendable, Equatable {
  /// Equal when the dimension and the factor are.
  public static func == (a: Cholesky, b: Cholesky) -> Bool {
    a.dimension == b.dimension && a.lower == b.lower
  }

  /// Why a matrix has no Cholesky factor.
  public enum Failure: Error, Equatable, Sendable {
    /// The flat storage does not hold dimension² values.
    case wrongSize(expected: Int, found: Int)
    /// The matrix is not symmetric at (row, column).
    case notSymmetric(row: Int, column: Int)
    /// The leading minor of this order is not positive: the matrix is not positive definite.
    case notPositiveDefinite(order: Int)
  }

  /// The dimension n.
  public let dimension: Int
  /// The lower-triangular factor, n×n row-major (upper triangle zero).
  public let lower: [Double]
  /// The non-zero entries of `lower`, row by row: (column, value); `rowStart[i]..<rowStart[i+1]`.
  @usableFromInline internal let sparseColumns: [Int]
  @usableFromInline internal let sparseValues: [Double]
  @usableFromInline internal let rowStart: [Int]

  /// Factors a symmetric positive-definite n×n matrix given flat and row-major
  /// (Cholesky–Banachiewicz order).
  ///
  /// - Throws: ``Failure`` when the matrix is mis-sized, asymmetric or not positive definite.
  /// - Complexity: O(n³).
  public init(matrix: [Double], dimension n: Int) throws(Failure) {
    guard matrix.count == n * n else {
      throw .wrongSize(expected: n * n, found: matrix.count)
    }
    for i in 0..<n {
      for j in 0..<i where abs(matrix[i * n + j] - matrix[j * n + i]) > 1e-12 {
        throw .notSymmetric(row: i, column: j)
      }
    }
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var sum = matrix[i * n + j]
        for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
        if i == j {
          guard sum > 1e-12 else { throw .notPositiveDefinite(order: i + 1) }
          l[i * n + i] = sum.squareRoot()
        } else {
          l[i * n + j] = sum / l[j * n + j]
        }
      }
    }
    dimension = n
    lower = l
    var columns: [Int] = []
    var values: [Double] = []
    var starts = [0]
    for i in 0..<n {
      for k in 0...i where l[i * n + k] != 0 {
        columns.append(k)
        values.append(l[i * n + k])
      }
      starts.append(columns.count)
    }
    sparseColumns = columns
    sparseValues = values
    rowStart = starts
  }

  /// Solves A·x = b for the factored A = L·Lᵀ (forward then back substitution).
  public func solve(_ b: [Double]) -> [Double] {
    let n = dimension
    precondition(b.count == n)
    var y = b
    for i in 0..<n {
      var sum = y[i]
      for k in 0..<i { sum -= lower[i * n + k] * y[k] }
      y[i] = sum / lower[i * n + i]
    }
    var x = y
    for i in stride(from: n - 1, through: 0, by: -1) {
      var sum = x[i]
      for k in (i + 1)..<n { sum -= lower[k * n + i] * x[k] }
      x[i] = sum / lower[i * n + i]
    }
    return x
  }

  /// Writes L·z into `output` (both of length n).
  @inlinable
  public func multiply(
    _ z: UnsafeBufferPointer<Double>,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    sparseColumns.withUnsafeBufferPointer { columns in
      sparseValues.withUnsafeBufferPointer { values in
        for i in 0..<dimension {
          var sum = 0.0
          for e in rowStart[i]..<rowStart[i + 1] {
            sum += values[e] * z[columns[e]]
          }
          output[i] = sum
        }
      }
    }
  }
}
