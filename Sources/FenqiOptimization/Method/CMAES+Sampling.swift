import FenqiCore

/// One generation's candidates, kept from sampling until they are told.
struct Candidates: Sendable {
  /// The standard normal draws z_k.
  var z: [[Double]] = []
  /// The steps y_k = B·D·z_k ~ N(0, C).
  var y: [[Double]] = []
  /// The candidates x_k = m + σ·A·y_k, unfolded.
  var x: [[Double]] = []
  /// What ``CMAES/ask()`` hands out: snapped(folded(x_k)).
  var points: [[Double]] = []
  /// The margin scaling A's diagonal this generation (1 for continuous coordinates).
  var margin: [Double] = []
}

extension CMAES {
  /// Generation ``generation``'s λ candidates, from the stream (seed, generation, 0,
  /// `optimizerSample`), counter k·d + j.
  func sampled() -> Candidates {
    let n = space.count
    var stream = StreamFamily(seed: seed, period: 0, purpose: .optimizerSample)
      .stream(for: UInt64(generation))
    var c = Candidates()
    c.margin = marginScaling()
    for _ in 0..<parameters.populationSize {
      let z = (0..<n).map { _ in stream.normal() }
      // y = B·(D∘z).
      var y = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var sum = 0.0
        for k in 0..<n { sum += basis[i * n + k] * scales[k] * z[k] }
        y[i] = sum
      }
      let x = (0..<n).map { mean[$0] + stepSize * c.margin[$0] * y[$0] }
      c.z.append(z)
      c.y.append(y)
      c.x.append(x)
      c.points.append(space.snapped(UnitCube.folded(x)))
    }
    return c
  }

  /// A's diagonal: the margin's floor on each integer coordinate's spread, 1 elsewhere.
  ///
  /// For an integer coordinate A_jj = max(1, floor / (σ·√C_jj)) with
  /// floor = s_j / (2·Φ⁻¹(1 − α/2)), s_j the integer step's width at the folded mean: the margin
  /// of Hamano, Saito, Nomura & Shirakawa 2022 as a floor on the spread.
  func marginScaling() -> [Double] {
    let n = space.count
    let folded = UnitCube.folded(mean)
    let z = Normal.quantile(1 - parameters.marginProbability / 2)
    return (0..<n).map { j in
      guard let step = space.dimensions[j].integerStep(atUnit: folded[j]) else {
        return 1
      }
      let deviation = stepSize * covariance[j * n + j].squareRoot()
      let floor = step / (2 * z)
      guard deviation > 0 && deviation.isFinite else { return 1 }
      return Swift.max(1, floor / deviation)
    }
  }
}
