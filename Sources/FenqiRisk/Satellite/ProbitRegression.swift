import FenqiCore

/// A binomial probit regression fitted by Fisher scoring, with quasi-likelihood standard errors:
/// the Vasicek-Z regression of a satellite model.
///
/// Observation i has `trials[i]` exposed loans, `events[i]` of them defaulting (or missing), and
/// covariates xᵢ (row i of the row-major `design`); P(event) = Φ(xᵢ·β). In the Vasicek
/// one-factor model Φ⁻¹ of a pool's default rate is linear in the systematic factor, so a
/// macro series entering Z linearly enters xᵢ·β linearly (Vasicek 2002; the "Z-score" satellite
/// models of regulatory stress tests, e.g. EBA 2023 methodology §4). Standard errors are
/// √diag(φ̂·(XᵀWX)⁻¹) with W the Fisher weights nᵢ·φ(ηᵢ)²/(pᵢ(1 − pᵢ)) and φ̂ = max(1, Pearson
/// χ² ÷ (N − k)): the systematic noise a macro series leaves out widens them (McCullagh and
/// Nelder 1989, §4.5).
public struct ProbitRegression: Sendable, Equatable {
  /// The coefficients β, one per design column.
  public let coefficients: [Double]
  /// Their standard errors.
  public let standardErrors: [Double]
  /// The dispersion φ̂ the standard errors are scaled by (≥ 1).
  public let dispersion: Double
  /// Fisher-scoring iterations used.
  public let iterations: Int

  /// Why a fit failed.
  public enum Failure: Error, Equatable, Sendable {
    /// Fewer usable observations than coefficients, or collinear columns.
    case notIdentified
  }

  /// Fits β.
  ///
  /// - Parameters:
  ///   - trials: exposed count per observation (observations with 0 are skipped).
  ///   - events: event count per observation, 0…trials.
  ///   - design: row-major covariates, `columns` per observation.
  ///   - k: the number of coefficients (columns of the design).
  /// - Throws: ``Failure/notIdentified`` when XᵀWX does not factor.
  public init(
    trials: [Double], events: [Double], design: [Double], columns k: Int
  ) throws(Failure) {
    let rows = trials.indices.filter { trials[$0] > 0 }
    guard rows.count > k else { throw .notIdentified }
    // Start from the least-squares fit of Φ⁻¹ of the smoothed rates.
    var beta = [Double](repeating: 0, count: k)
    var steps = 0
    var information = [Double](repeating: 0, count: k * k)
    for iteration in 0..<100 {
      steps = iteration + 1
      var score = [Double](repeating: 0, count: k)
      information = [Double](repeating: 0, count: k * k)
      for i in rows {
        let x = design[(i * k)..<(i * k + k)]
        let eta =
          iteration == 0
          ? Normal.quantile((events[i] + 0.5) / (trials[i] + 1))
          : zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 }
        let p = Swift.min(1 - 1e-12, Swift.max(1e-12, Normal.cdf(eta)))
        let d = Normal.density(eta)
        let w = trials[i] * d * d / (p * (1 - p))
        // Iteration 0 regresses the working response η on x (an OLS start).
        let z =
          iteration == 0
          ? eta : (events[i] - trials[i] * p) / (trials[i] * d)
        for (a, xa) in x.enumerated() {
          score[a] += w * xa * z
          for (b, xb) in x.enumerated() where b >= a {
            information[a * k + b] += w * xa * xb
          }
        }
      }
      for a in 0..<k {
        for b in 0..<a { information[a * k + b] = information[b * k + a] }
      }
      guard let chol = try? Cholesky(matrix: information, dimension: k) else {
        throw .notIdentified
      }
      let step = chol.solve(score)
      if iteration == 0 {
        beta = step
        continue
      }
      for a in 0..<k { beta[a] += step[a] }
      if step.map(abs).max() ?? 0 < 1e-10 { break }
    }
    var pearson = 0.0
    for i in rows {
      let eta = design[(i * k)..<(i * k + k)].enumerated().reduce(0) {
        $0 + $1.element * beta[$1.offset]
      }
      let p = Swift.min(1 - 1e-12, Swift.max(1e-12, Normal.cdf(eta)))
      let r = events[i] - trials[i] * p
      pearson += r * r / (trials[i] * p * (1 - p))
    }
    let phi = Swift.max(1, pearson / Double(rows.count - k))
    guard let chol = try? Cholesky(matrix: information, dimension: k) else {
      throw .notIdentified
    }
    standardErrors = (0..<k).map { a in
      var e = [Double](repeating: 0, count: k)
      e[a] = 1
      return (phi * chol.solve(e)[a]).squareRoot()
    }
    coefficients = beta
    dispersion = phi
    iterations = steps
  }

  /// The fitted probability of a covariate row.
  public func probability(_ x: [Double]) -> Double {
    Normal.cdf(zip(x, coefficients).reduce(0) { $0 + $1.0 * $1.1 })
  }
}
