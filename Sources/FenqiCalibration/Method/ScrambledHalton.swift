import FenqiCore

/// A scrambled Halton sequence in the unit cube: the global stage's space-filling design.
///
/// Coordinate k of point n is the radical inverse of n in the k-th prime base with every digit
/// passed through a random permutation of 0…b−1, one permutation per dimension and digit
/// position (random digit scrambling; Owen 1997, "Scrambled net variance for integrals of smooth
/// functions"; Mascagni & Chi 2004 for Halton). Scrambling keeps the sequence's low discrepancy
/// but removes the correlations plain Halton shows between high bases, and moves the first point
/// off the origin. The digits beyond n's own are permuted zeros, carried to double precision, so
/// the points do not sit on a grid of b^−j.
///
/// Permutations come from the counter-based stream (seed, dimension, digit position,
/// ``Purpose/calibrationDesign``): the same seed gives the same design on every machine.
public struct ScrambledHalton: Sendable {
  /// The first primes: the bases of dimensions 0, 1, ….
  public static let primes = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
  ]

  /// The dimension.
  public let dimension: Int
  /// `permutations[k][j]`: the permutation of digit position j in dimension k.
  private let permutations: [[[Int]]]

  /// Creates the design for `dimension` coordinates (1 … ``primes``.count).
  public init(dimension: Int, seed: UInt64) {
    precondition(
      dimension >= 1 && dimension <= Self.primes.count,
      "ScrambledHalton supports 1…\(Self.primes.count) dimensions, got \(dimension)"
    )
    self.dimension = dimension
    permutations = (0..<dimension).map { k in
      let base = Self.primes[k]
      // Digit positions until base^-j drops below double precision.
      let positions = Self.positions(base: base)
      return (0..<positions).map { j in
        var stream = RandomStream(
          key: StreamKey(
            seed: seed, entity: UInt64(k), period: UInt32(j),
            purpose: .calibrationDesign))
        var perm = Array(0..<base)
        // Fisher–Yates, drawing with Lemire's bounded integers.
        for i in stride(from: base - 1, to: 0, by: -1) {
          perm.swapAt(i, stream.index(below: i + 1))
        }
        return perm
      }
    }
  }

  /// Digit positions carried in base `base`: until base^−j < 2^−53.
  static func positions(base: Int) -> Int {
    var j = 0
    var scale = 1.0
    while scale >= 0x1p-53 {
      scale /= Double(base)
      j += 1
    }
    return j
  }

  /// Point `index` (0-based), each coordinate in (0, 1).
  public func point(_ index: Int) -> [Double] {
    (0..<dimension).map { coordinate(index, dimension: $0) }
  }

  /// The first `count` points.
  public func points(_ count: Int) -> [[Double]] {
    (0..<count).map(point)
  }

  /// Coordinate `k` of point `index`: Σ_j π_j(d_j)·b^−(j+1) over n's base-b digits d_j.
  func coordinate(_ index: Int, dimension k: Int) -> Double {
    let base = Self.primes[k]
    let perms = permutations[k]
    var n = index
    var scale = 1.0 / Double(base)
    var sum = 0.0
    for perm in perms {
      sum += Double(perm[n % base]) * scale
      n /= base
      scale /= Double(base)
    }
    return Swift.min(sum, 1.0.nextDown)
  }
}
