/// A multivariate normal distribution N(μ, Σ), sampled as μ + L·z with L the Cholesky factor of Σ.
public struct MultivariateNormal: Sendable {
  /// The mean vector μ.
  public let mean: [Double]
  /// The Cholesky factor of the covariance Σ.
  public let factor: Cholesky

  /// Creates the distribution from a mean and a flat, row-major covariance matrix.
  ///
  /// - Throws: ``Cholesky/Failure`` when the covariance is not symmetric positive definite.
  public init(mean: [Double], covariance: [Double]) throws(Cholesky.Failure) {
    self.mean = mean
    self.factor = try Cholesky(matrix: covariance, dimension: mean.count)
  }

  /// The dimension.
  public var dimension: Int { mean.count }

  /// Draws one vector into `output`, consuming `dimension` normal draws from `rng`.
  public func sample(into output: inout [Double], using rng: inout RandomStream)
  {
    let n = dimension
    var z = [Double](repeating: 0, count: n)
    for i in 0..<n { z[i] = rng.normal() }
    if output.count != n { output = [Double](repeating: 0, count: n) }
    z.withUnsafeBufferPointer { zb in
      output.withUnsafeMutableBufferPointer { ob in
        factor.multiply(zb, into: ob)
      }
    }
    for i in 0..<n { output[i] += mean[i] }
  }
}
