import FenqiCore
import Foundation

/// A fitted logistic regression: P(y = 1 | x) = σ(intercept + Σ coefficientⱼ·xⱼ).
public struct LogisticRegression: Sendable, Equatable {
  /// The intercept (log-odds when every input is 0).
  public var intercept: Double
  /// One coefficient per input column.
  public var coefficients: [Double]

  /// Creates a model from its parts.
  public init(intercept: Double, coefficients: [Double]) {
    self.intercept = intercept
    self.coefficients = coefficients
  }

  /// The log-odds of each row of row-major `x` (`coefficients.count` values per row).
  public func margins(_ x: [Double]) -> [Double] {
    let width = coefficients.count
    let rows = width == 0 ? 0 : x.count / width
    return (0..<rows).map { r in
      var m = intercept
      for j in 0..<width { m += coefficients[j] * x[r * width + j] }
      return m
    }
  }

  /// Options of the fit.
  public struct Options: Sendable, Equatable {
    /// L2 penalty λ₂ on the coefficients (not the intercept), per row: ½λ₂‖β‖².
    public var l2 = 1e-4
    /// L1 penalty λ₁ (lasso), per row: λ₁‖β‖₁.
    public var l1 = 0.0
    /// Most IRLS (Newton) iterations.
    public var maxIterations = 100
    /// Stop when no coefficient moves more than this.
    public var tolerance = 1e-9

    /// The default options.
    public init() {}
  }

  /// Fits by penalised maximum likelihood: IRLS with coordinate descent on each weighted
  /// least-squares step (the glmnet method, Friedman, Hastie & Tibshirani 2010), halving steps
  /// that would raise the objective.
  ///
  /// Minimises (1/n)·Σ log-loss + ½λ₂‖β‖² + λ₁‖β‖₁ over row-major `x` with `width` columns
  /// and 0/1 `labels`.
  ///
  /// `x` must be finite (``DenseEncoder/init(fitting:)`` refuses columns it cannot
  /// standardise): a value that is not gives NaN coefficients at once, and an iteration whose
  /// change is NaN stops, so the fit never spins on NaN.
  public static func fit(
    x: [Double], width: Int, labels: [Double], options: Options = Options()
  ) -> LogisticRegression {
    let n = labels.count
    precondition(x.count == n * width)
    guard n > 0 else {
      return LogisticRegression(
        intercept: 0, coefficients: [Double](repeating: 0, count: width))
    }
    guard x.allSatisfy(\.isFinite) else {
      return LogisticRegression(
        intercept: .nan, coefficients: [Double](repeating: .nan, count: width))
    }
    // Column-major copy for coordinate descent.
    var columns = [[Double]](
      repeating: [Double](repeating: 0, count: n), count: width)
    for r in 0..<n { for j in 0..<width { columns[j][r] = x[r * width + j] } }
    let mean = labels.reduce(0, +) / Double(n)
    var b0 = log(Swift.max(1e-6, mean) / Swift.max(1e-6, 1 - mean))
    var beta = [Double](repeating: 0, count: width)
    var eta = [Double](repeating: b0, count: n)
    let invN = 1 / Double(n)

    func objective(_ b0: Double, _ beta: [Double], _ eta: [Double]) -> Double {
      var loss = 0.0
      for i in 0..<n {
        let m = eta[i]
        loss += Swift.max(m, 0) + log1p(exp(-abs(m))) - labels[i] * m
      }
      var penalty = 0.0
      for b in beta {
        penalty += 0.5 * options.l2 * b * b + options.l1 * abs(b)
      }
      return loss * invN + penalty
    }

    var current = objective(b0, beta, eta)
    var w = [Double](repeating: 0, count: n)
    var residual = [Double](repeating: 0, count: n)
    for _ in 0..<options.maxIterations {
      for i in 0..<n {
        let p = Logistic.sigmoid(eta[i])
        w[i] = Swift.max(p * (1 - p), 1e-10)
        residual[i] = (labels[i] - p) / w[i]  // z − η
      }
      var newB0 = b0
      var newBeta = beta
      if options.l1 == 0,
        let step = newtonStep(
          columns: columns, w: w, residual: residual, beta: beta, l2: options.l2
        )
      {
        // Ridge or no penalty: the exact Newton (IRLS) step.
        newB0 = b0 + step[0]
        for j in 0..<width { newBeta[j] = beta[j] + step[j + 1] }
      } else {
        // Coordinate descent on the weighted least-squares problem around η.
        for _ in 0..<1000 {
          var change = 0.0
          var sw = 0.0
          var swr = 0.0
          for i in 0..<n {
            sw += w[i]
            swr += w[i] * residual[i]
          }
          let d0 = swr / sw
          newB0 += d0
          for i in 0..<n { residual[i] -= d0 }
          change = Swift.max(change, abs(d0))
          for j in 0..<width {
            let column = columns[j]
            var num = 0.0
            var den = 0.0
            for i in 0..<n {
              let wx = w[i] * column[i]
              num += wx * residual[i]
              den += wx * column[i]
            }
            num = num * invN + den * invN * newBeta[j]
            den = den * invN + options.l2
            guard den > 0 else { continue }
            let updated = softThreshold(num, options.l1) / den
            let delta = updated - newBeta[j]
            if delta != 0 {
              for i in 0..<n { residual[i] -= delta * column[i] }
              newBeta[j] = updated
              change = Swift.max(change, abs(delta))
            }
          }
          // NaN (a diverged step) stops too.
          if !(change >= options.tolerance) { break }
        }
      }
      // Step halving: accept the Newton step only if it lowers the objective.
      var step = 1.0
      var accepted = false
      var moved = 0.0
      for _ in 0..<30 {
        let tryB0 = b0 + step * (newB0 - b0)
        let tryBeta = zip(beta, newBeta).map { $0 + step * ($1 - $0) }
        var tryEta = [Double](repeating: tryB0, count: n)
        for j in 0..<width where tryBeta[j] != 0 {
          let column = columns[j]
          for i in 0..<n { tryEta[i] += tryBeta[j] * column[i] }
        }
        let value = objective(tryB0, tryBeta, tryEta)
        if value <= current + 1e-15 {
          moved = Swift.max(
            abs(tryB0 - b0),
            zip(beta, tryBeta).map { abs($0 - $1) }.max() ?? 0)
          b0 = tryB0
          beta = tryBeta
          eta = tryEta
          current = value
          accepted = true
          break
        }
        step /= 2
      }
      if !accepted || moved < options.tolerance { break }
    }
    return LogisticRegression(intercept: b0, coefficients: beta)
  }

  /// The Newton step (intercept first) of the penalised log-likelihood.
  ///
  /// Solves (XᵀWX/n + λ₂·I′)·Δ = Xᵀ(y − p)/n − λ₂·β′ (primes: the intercept unpenalised).
  /// Nil if the system is singular, which leaves coordinate descent to make progress.
  private static func newtonStep(
    columns: [[Double]], w: [Double], residual: [Double], beta: [Double],
    l2: Double
  ) -> [Double]? {
    let n = w.count
    let p = columns.count + 1
    let invN = 1 / Double(n)
    func column(_ j: Int, _ i: Int) -> Double { j == 0 ? 1 : columns[j - 1][i] }
    var hessian = [Double](repeating: 0, count: p * p)
    var gradient = [Double](repeating: 0, count: p)
    for a in 0..<p {
      var g = 0.0
      for i in 0..<n { g += w[i] * residual[i] * column(a, i) }
      gradient[a] = g * invN - (a == 0 ? 0 : l2 * beta[a - 1])
      for b in 0...a {
        var h = 0.0
        for i in 0..<n { h += w[i] * column(a, i) * column(b, i) }
        h = h * invN + (a == b && a > 0 ? l2 : 0)
        hessian[a * p + b] = h
        hessian[b * p + a] = h
      }
    }
    guard let factor = try? Cholesky(matrix: hessian, dimension: p) else {
      return nil
    }
    return factor.solve(gradient)
  }

  private static func softThreshold(_ z: Double, _ t: Double) -> Double {
    z > t ? z - t : (z < -t ? z + t : 0)
  }
}
