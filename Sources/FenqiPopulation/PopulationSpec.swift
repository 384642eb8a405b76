import FenqiCore

/// Everything needed to generate a synthetic population: its size, its segments and the
/// correlation of the attributes' latent normals (the Gaussian copula).
public struct PopulationSpec: Sendable {
  /// The number of customers.
  public var size: Int
  /// The segments; their shares sum to 1.
  public var segments: [SegmentProfile]
  /// The copula's correlation matrix over ``CustomerAttribute`` coordinates, flat and row-major
  /// (``CustomerAttribute/allCases`` squared entries, unit diagonal).
  public var correlation: [Double]

  /// Creates a spec; `correlations` lists the off-diagonal pairs, all others are 0.
  public init(
    size: Int, segments: [SegmentProfile],
    correlations: [(CustomerAttribute, CustomerAttribute, Double)] = []
  ) {
    self.size = size
    self.segments = segments
    let n = CustomerAttribute.allCases.count
    var matrix = [Double](repeating: 0, count: n * n)
    for i in 0..<n { matrix[i * n + i] = 1 }
    for (a, b, rho) in correlations {
      matrix[a.rawValue * n + b.rawValue] = rho
      matrix[b.rawValue * n + a.rawValue] = rho
    }
    self.correlation = matrix
  }
}
