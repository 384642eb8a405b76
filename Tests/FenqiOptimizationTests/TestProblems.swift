import FenqiCore
import FenqiOptimization
import Foundation

/// Test functions to maximise, written over the unit cube.
enum TestProblems {
  /// The unit-cube space of `d` continuous dimensions x0, x1, ….
  static func cube(_ d: Int) throws -> SearchSpace {
    try SearchSpace(
      (0..<d).map { SearchSpace.Dimension(name: "x\($0)", lower: 0, upper: 1) })
  }

  /// An off-centre optimum in `d` dimensions: 0.3, 0.35, 0.4, …, 0.65, then again.
  static func centre(_ d: Int) -> [Double] {
    (0..<d).map { 0.3 + 0.05 * Double($0 % 8) }
  }

  /// −Σ (uⱼ − cⱼ)²: maximum 0 at `c`.
  static func negativeSphere(_ u: [Double], centre c: [Double]) -> Double {
    -zip(u, c).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  }

  /// −Rosenbrock with x = 4u − 2 (u ∈ [0, 1] covers x ∈ [−2, 2]): maximum 0 at u = 0.75.
  static func negativeRosenbrock(_ u: [Double]) -> Double {
    let x = u.map { 4 * $0 - 2 }
    var sum = 0.0
    for i in 0..<(x.count - 1) {
      let a = x[i + 1] - x[i] * x[i]
      let b = 1 - x[i]
      sum += 100 * a * a + b * b
    }
    return -sum
  }

  /// −Σ 10^(j/(d−1))·(uⱼ − cⱼ)²: coordinates that matter up to 10× more than others, like a
  /// plan's channels; maximum 0 at `c`.
  static func negativeEllipsoid(_ u: [Double], centre c: [Double]) -> Double {
    let d = u.count
    var sum = 0.0
    for j in 0..<d {
      let e = u[j] - c[j]
      sum += pow(10, d > 1 ? Double(j) / Double(d - 1) : 0) * e * e
    }
    return -sum
  }

  /// A standard normal for evaluation `index` of a run with `seed`, from a test-only stream.
  static func noise(seed: UInt64, index: Int) -> Double {
    var stream = RandomStream(
      key: StreamKey(
        seed: seed, entity: UInt64(index), period: 0, purpose: .bootstrap))
    return stream.normal()
  }
}
