import FenqiCalibration
import FenqiCore
import Foundation
import Testing

@Suite struct ScrambledHaltonTests {
  /// The squared L2-star discrepancy (Warnock 1972).
  static func discrepancy(_ points: [[Double]]) -> Double {
    let n = Double(points.count)
    let d = points[0].count
    var a = 0.0
    for p in points { a += p.reduce(1) { $0 * (1 - $1 * $1) } }
    var b = 0.0
    for p in points {
      for q in points {
        var prod = 1.0
        for k in 0..<d { prod *= 1 - Swift.max(p[k], q[k]) }
        b += prod
      }
    }
    return pow3(d) - pow(2, Double(1 - d)) / n * a + b / (n * n)
  }

  static func pow3(_ d: Int) -> Double { (0..<d).reduce(1) { x, _ in x / 3 } }
  static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

  @Test(arguments: 1...6)
  func pointsLieInsideTheUnitCube(_ d: Int) {
    let design = ScrambledHalton(dimension: d, seed: 3)
    for p in design.points(500) {
      #expect(p.count == d)
      #expect(p.allSatisfy { $0 >= 0 && $0 < 1 })
    }
  }

  /// Lower discrepancy than every one of 20 sets of independent uniform points of the same size.
  @Test(arguments: [2, 4, 6])
  func discrepancyIsBelowIndependentUniformPoints(_ d: Int) {
    let n = 128
    let halton = Self.discrepancy(
      ScrambledHalton(dimension: d, seed: 5).points(n))
    for trial in 0..<20 {
      var stream = RandomStream(
        key: StreamKey(
          seed: 77, entity: UInt64(trial), period: 0,
          purpose: Purpose(rawValue: 9_997)))
      let random = (0..<n).map { _ in (0..<d).map { _ in stream.uniform() } }
      #expect(halton < Self.discrepancy(random), "trial \(trial)")
    }
  }

  /// Each coordinate is stratified: n = b^k points put one in each of b^k equal slices.
  @Test func eachCoordinateIsStratifiedInItsBase() {
    let points = ScrambledHalton(dimension: 3, seed: 9).points(125)
    for (k, base) in [2, 3, 5].enumerated() {
      let slices = base == 5 ? 125 : base == 3 ? 81 : 64
      let counted = points.prefix(slices).map { Int($0[k] * Double(slices)) }
      #expect(Set(counted).count == slices, "dimension \(k)")
    }
  }

  @Test func theSameSeedGivesTheSameDesignAndAnotherSeedAnother() {
    let a = ScrambledHalton(dimension: 4, seed: 1).points(10)
    #expect(a == ScrambledHalton(dimension: 4, seed: 1).points(10))
    #expect(a != ScrambledHalton(dimension: 4, seed: 2).points(10))
  }
}
