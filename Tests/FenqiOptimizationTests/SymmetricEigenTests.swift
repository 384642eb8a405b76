import Foundation
import Testing

@testable import FenqiOptimization

@Suite struct SymmetricEigenTests {
  /// The second-difference matrix tridiag(−1, 2, −1): eigenvalues 2 − √2, 2, 2 + √2 with
  /// eigenvectors (1, √2, 1)/2, (1, 0, −1)/√2, (1, −√2, 1)/2.
  @Test func decomposesTheSecondDifferenceMatrix() {
    let r = 2.0.squareRoot()
    let eigen = SymmetricEigen(
      matrix: [2, -1, 0, -1, 2, -1, 0, -1, 2], dimension: 3)
    let values = [2 - r, 2, 2 + r]
    let vectors = [
      [0.5, r / 2, 0.5], [1 / r, 0, -1 / r], [0.5, -r / 2, 0.5],
    ]
    for k in 0..<3 {
      #expect(abs(eigen.values[k] - values[k]) < 1e-14, "λ\(k)")
      let v = (0..<3).map { eigen.vectors[$0 * 3 + k] }
      // An eigenvector's sign is arbitrary: compare up to sign.
      let dot = zip(v, vectors[k]).reduce(0) { $0 + $1.0 * $1.1 }
      #expect(abs(abs(dot) - 1) < 1e-14, "v\(k) = \(v)")
    }
  }

  @Test func aDiagonalMatrixIsItsOwnDecompositionSorted() {
    let eigen = SymmetricEigen(
      matrix: [3, 0, 0, 0, 1, 0, 0, 0, 2], dimension: 3)
    #expect(eigen.values == [1, 2, 3])
    #expect(eigen.vectors == [0, 0, 1, 1, 0, 0, 0, 1, 0])
  }

  /// On seeded random symmetric matrices up to 10 × 10: V is orthonormal and V·diag(λ)·Vᵀ
  /// gives back A, to 1e-12 of A's size.
  @Test(arguments: 0..<12 as Range<UInt64>)
  func reconstructsRandomSymmetricMatrices(seed: UInt64) {
    let n = 1 + Int(seed % 10)
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        let x = TestProblems.noise(seed: seed, index: i * n + j)
        a[i * n + j] = x
        a[j * n + i] = x
      }
    }
    let eigen = SymmetricEigen(matrix: a, dimension: n)
    let v = eigen.vectors
    #expect(eigen.values == eigen.values.sorted())
    for i in 0..<n {
      for j in 0..<n {
        var orthogonality = 0.0
        var rebuilt = 0.0
        for k in 0..<n {
          orthogonality += v[k * n + i] * v[k * n + j]
          rebuilt += v[i * n + k] * eigen.values[k] * v[j * n + k]
        }
        #expect(abs(orthogonality - (i == j ? 1 : 0)) < 1e-12)
        #expect(abs(rebuilt - a[i * n + j]) < 1e-12 * Double(n))
      }
    }
  }
}
