import Foundation

extension CMAES {
  /// The largest ratio of C's eigenvalues kept; beyond it the diagonal is lifted (as pycma's
  /// condition-number guard does), so √ of a rounded-negative eigenvalue never occurs.
  static let maximumCondition = 1e14

  /// One generation's update from its candidates ranked best first (`ranking[r]` = the index
  /// of the r-th best): mean, step-size path and σ, covariance path and C, then C's
  /// eigen-decomposition (Hansen 2016, equations 41–47 with active weights, equation 53).
  mutating func update(ranking: [Int]) {
    let n = space.count
    let p = parameters
    let c = candidates
    // ⟨y⟩_w and ⟨z⟩_w over the μ best, and the mean's move Σ wᵢ(xᵢ − m).
    var yw = [Double](repeating: 0, count: n)
    var zw = [Double](repeating: 0, count: n)
    var move = [Double](repeating: 0, count: n)
    for r in 0..<p.parentCount {
      let (k, w) = (ranking[r], p.weights[r])
      for j in 0..<n {
        yw[j] += w * c.y[k][j]
        zw[j] += w * c.z[k][j]
        move[j] += w * (c.x[k][j] - mean[j])
      }
    }
    // Mean: m ← m + c_m·Σ wᵢ(x_i:λ − m), c_m = 1 (equation 41); with A, x − m = σ·A·y.
    for j in 0..<n { mean[j] += move[j] }
    // Step-size path: p_σ ← (1 − c_σ)p_σ + √(c_σ(2 − c_σ)μ_eff)·C^−½⟨y⟩_w, where
    // C^−½⟨y⟩_w = B⟨z⟩_w (equation 43).
    let cs = p.stepSizePathRate
    let sigmaGain = (cs * (2 - cs) * p.effectiveParents).squareRoot()
    let whitened = multiplyBasis(zw)
    for j in 0..<n {
      stepSizePath[j] = (1 - cs) * stepSizePath[j] + sigmaGain * whitened[j]
    }
    // σ ← σ·exp((c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1)) (equation 44); the exponent is capped at 1, as in
    // pycma, so one freak generation cannot blow σ up.
    let pathLength = norm(stepSizePath)
    let ratio = pathLength / p.expectedNormLength
    stepSize *= exp(Swift.min(1, cs / p.stepSizeDamping * (ratio - 1)))
    // h_σ stalls p_c while p_σ is long, i.e. σ is growing fast (tutorial, below equation 45).
    let correction = 1 - pow(1 - cs, Double(2 * (generation + 1)))
    let stalled =
      pathLength / correction.squareRoot()
      >= (1.4 + 2 / Double(n + 1)) * p.expectedNormLength
    // Covariance path: p_c ← (1 − c_c)p_c + h_σ√(c_c(2 − c_c)μ_eff)·⟨y⟩_w (equation 45).
    let cc = p.covariancePathRate
    let pathGain =
      stalled ? 0 : (cc * (2 - cc) * p.effectiveParents).squareRoot()
    for j in 0..<n {
      covariancePath[j] = (1 - cc) * covariancePath[j] + pathGain * yw[j]
    }
    updateCovariance(ranking: ranking, stalled: stalled)
    decompose()
  }

  /// C ← (1 + c₁δ(h_σ) − c₁ − c_μΣwⱼ)C + c₁p_cp_cᵀ + c_μΣ wᵢ°y_i:λ y_i:λᵀ (equation 47), with
  /// wᵢ° = wᵢ for wᵢ ≥ 0 and wᵢ·n/‖C^−½y_i:λ‖² = wᵢ·n/‖z_i:λ‖² for the negative weights
  /// (equation 46), δ(h_σ) = (1 − h_σ)c_c(2 − c_c).
  mutating func updateCovariance(ranking: [Int], stalled: Bool) {
    let n = space.count
    let p = parameters
    let (c1, cMu, cc) = (p.rankOneRate, p.rankMuRate, p.covariancePathRate)
    let delta = stalled ? cc * (2 - cc) : 0
    let weightSum = p.weights.reduce(0, +)
    let decay = 1 + c1 * delta - c1 - cMu * weightSum
    var next = covariance.map { $0 * decay }
    for i in 0..<n {
      for j in 0..<n {
        next[i * n + j] += c1 * covariancePath[i] * covariancePath[j]
      }
    }
    for (r, k) in ranking.enumerated() {
      var w = p.weights[r]
      if w < 0 {
        let zz = candidates.z[k].reduce(0) { $0 + $1 * $1 }
        guard zz > 0 else { continue }
        w *= Double(n) / zz
      }
      guard w != 0 else { continue }
      let y = candidates.y[k]
      for i in 0..<n {
        for j in 0..<n { next[i * n + j] += cMu * w * y[i] * y[j] }
      }
    }
    covariance = next
  }

  /// B and D from C by ``SymmetricEigen``; lifts C's diagonal when its condition number would
  /// exceed ``maximumCondition``, and starts C afresh as I (paths zeroed) if it is no longer
  /// finite and positive.
  mutating func decompose() {
    let n = space.count
    for i in 0..<n {
      for j in 0..<i {
        let s = (covariance[i * n + j] + covariance[j * n + i]) / 2
        covariance[i * n + j] = s
        covariance[j * n + i] = s
      }
    }
    let eigen = SymmetricEigen(matrix: covariance, dimension: n)
    var values = eigen.values
    guard let top = values.last, top.isFinite, top > 0,
      values.allSatisfy(\.isFinite)
    else {
      resetCovariance()
      return
    }
    let floor = top / Self.maximumCondition
    if values[0] < floor {
      let lift = floor - values[0]
      for i in 0..<n { covariance[i * n + i] += lift }
      values = values.map { $0 + lift }
    }
    basis = eigen.vectors
    scales = values.map { $0.squareRoot() }
  }

  /// C = B = I, D = 1, both paths 0.
  mutating func resetCovariance() {
    let n = space.count
    var identity = [Double](repeating: 0, count: n * n)
    for i in 0..<n { identity[i * n + i] = 1 }
    covariance = identity
    basis = identity
    scales = Array(repeating: 1, count: n)
    stepSizePath = Array(repeating: 0, count: n)
    covariancePath = Array(repeating: 0, count: n)
  }

  /// B·v.
  func multiplyBasis(_ v: [Double]) -> [Double] {
    let n = space.count
    return (0..<n).map { i in
      var sum = 0.0
      for k in 0..<n { sum += basis[i * n + k] * v[k] }
      return sum
    }
  }

  /// The Euclidean norm.
  func norm(_ v: [Double]) -> Double {
    v.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }
}
