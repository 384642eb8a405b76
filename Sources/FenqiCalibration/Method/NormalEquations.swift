import FenqiCore

/// The least-squares step of a Jacobian: x = (JᵀJ)⁻¹Jᵀy, through a Cholesky factor of JᵀJ
/// scaled to a unit diagonal (so that parameters whose moments move by very different amounts
/// are solved alike), with a tiny ridge only when the scaled matrix is numerically singular.
struct NormalEquations {
  let jacobian: [Double]
  let rows: Int
  let columns: Int
  let scale: [Double]
  let factor: Cholesky

  /// Ridges tried in turn on the unit-diagonal JᵀJ.
  static let ridges = [0, 1e-12, 1e-10, 1e-8, 1e-6]

  /// Nil when a column of J is zero (a parameter the moments do not see) or no ridge helps.
  init?(jacobian: [Double], rows: Int, columns d: Int) {
    var h = [Double](repeating: 0, count: d * d)
    for a in 0..<d {
      for b in 0...a {
        var sum = 0.0
        for r in 0..<rows { sum += jacobian[r * d + a] * jacobian[r * d + b] }
        h[a * d + b] = sum
        h[b * d + a] = sum
      }
    }
    let scale = (0..<d).map { h[$0 * d + $0].squareRoot() }
    guard scale.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
    var found: Cholesky?
    for ridge in Self.ridges {
      var c = h
      for a in 0..<d {
        for b in 0..<d { c[a * d + b] /= scale[a] * scale[b] }
        c[a * d + a] += ridge
      }
      if let f = try? Cholesky(matrix: c, dimension: d) {
        found = f
        break
      }
    }
    guard let found else { return nil }
    self.jacobian = jacobian
    self.rows = rows
    columns = d
    self.scale = scale
    factor = found
  }

  /// (JᵀJ)⁻¹Jᵀy.
  func solve(_ y: [Double]) -> [Double] {
    let d = columns
    var g = [Double](repeating: 0, count: d)
    for r in 0..<rows {
      for k in 0..<d { g[k] += jacobian[r * d + k] * y[r] }
    }
    let x = factor.solve((0..<d).map { g[$0] / scale[$0] })
    return (0..<d).map { x[$0] / scale[$0] }
  }
}
