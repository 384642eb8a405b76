/// A Gaussian copula: correlated standard normals x = L·z whose margins are then mapped through
/// each attribute's own quantile function (``Marginal``), so that rank correlations follow the
/// correlation matrix whatever the margins (Nelsen 2006, §2.9).
public struct GaussianCopula: Sendable {
  /// The Cholesky factor of the correlation matrix.
  public let factor: Cholesky

  /// Creates the copula from a flat, row-major correlation matrix (unit diagonal).
  ///
  /// - Throws: ``Cholesky/Failure`` when the matrix is not a valid correlation matrix.
  public init(correlation: [Double], dimension: Int) throws(Cholesky.Failure) {
    factor = try Cholesky(matrix: correlation, dimension: dimension)
  }

  /// The number of correlated coordinates.
  public var dimension: Int { factor.dimension }

  /// Fills `latent` with one draw of correlated standard normals, using `scratch` for the independent draws.
  ///
  /// Both buffers have ``dimension`` elements. Allocates nothing.
  @inlinable
  public func sampleLatent(
    into latent: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>,
    using rng: inout RandomStream
  ) {
    for i in 0..<dimension { scratch[i] = rng.normal() }
    factor.multiply(UnsafeBufferPointer(scratch), into: latent)
  }
}
