import FenqiCore
import Foundation
import Testing

/// The column-wise kernels of population set-up give, bit for bit, what their one-value
/// counterparts give (the golden run files depend on it).
@Suite struct ColumnKernelTests {
  @Test(arguments: [1, 7, 1024, 5000] as [Int])
  func columnQuantilesEqualOneByOneNormals(count: Int) {
    let family = StreamFamily(
      seed: 42, period: 0, purpose: .populationAttributes)
    let streams = (0..<count).map { family.stream(for: UInt64($0) &* 977) }
    var out = [Double](repeating: .nan, count: count)
    var tails = [Int](repeating: 0, count: count)
    for index in [0, 3, 12] as [UInt64] {
      streams.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer { o in
          tails.withUnsafeMutableBufferPointer { t in
            Normal.fillQuantiles(of: s, at: index, into: o, tails: t)
          }
        }
      }
      for i in 0..<count {
        var stream = streams[i]
        stream.counter = index
        #expect(out[i].bitPattern == stream.normal().bitPattern)
      }
    }
    // The tails are exercised: about 15% of draws fall outside |p − ½| ≤ 0.425.
    if count >= 1024 {
      let tailShare =
        Double(out.filter { abs($0) > 1.44 }.count) / Double(count)
      #expect(tailShare > 0.1 && tailShare < 0.2)
    }
  }

  @Test func quantileSplitsIntoItsCentralAndTailParts() {
    for p in stride(from: 0.0001, to: 1.0, by: 0.0137) {
      let q = p - 0.5
      let part =
        abs(q) <= 0.425 ? Normal.centralQuantile(q) : Normal.tailQuantile(p)
      #expect(part.bitPattern == Normal.quantile(p).bitPattern)
    }
    #expect(
      Normal.quantile(0.975).isApproximatelyEqual(to: 1.959_963_984_540_054))
  }

  @Test func columnProductEqualsVectorByVector() throws {
    let d = 4
    let matrix: [Double] = [
      1, 0.3, 0, -0.2,
      0.3, 1, 0.5, 0,
      0, 0.5, 1, 0,
      -0.2, 0, 0, 1,
    ]
    let factor = try Cholesky(matrix: matrix, dimension: d)
    let n = 37
    var stream = RandomStream(state: 9)
    let z = (0..<(d * n)).map { _ in stream.normal() }
    var out = [Double](repeating: .nan, count: d * n)
    z.withUnsafeBufferPointer { zb in
      out.withUnsafeMutableBufferPointer {
        factor.multiplyColumns(zb, count: n, into: $0)
      }
    }
    for j in 0..<n {
      let vector = (0..<d).map { z[$0 * n + j] }
      var one = [Double](repeating: 0, count: d)
      vector.withUnsafeBufferPointer { v in
        one.withUnsafeMutableBufferPointer { factor.multiply(v, into: $0) }
      }
      for i in 0..<d { #expect(out[i * n + j].bitPattern == one[i].bitPattern) }
    }
  }

  static let margins: [Marginal] = [
    Marginal(
      .normal(mean: 650, standardDeviation: 50), lowerBound: 0, upperBound: 1000
    ),
    Marginal(
      .logNormal(median: 8000, sigma: 0.5), lowerBound: 0, upperBound: 1e7),
    Marginal(.uniform(minimum: 2, maximum: 5), lowerBound: 2, upperBound: 5),
    Marginal(
      .beta(alpha: 5, beta: 2, minimum: 0, maximum: 1), lowerBound: 0,
      upperBound: 1),
    Marginal(.poisson(mean: 0.3), lowerBound: 0, upperBound: 50),
    Marginal(
      .categorical(probabilities: [0.1, 0, 0.4, 0.5]), lowerBound: 0,
      upperBound: 3),
  ]

  @Test(arguments: margins.indices)
  func columnMarginEqualsValueByValue(margin: Int) {
    var tables: [Double] = []
    let flat = Self.margins[margin].flattened(appendingTablesTo: &tables)
    var stream = RandomStream(state: 77)
    let x = (0..<3000).map {
      $0 < 4 ? [-9.0, 9.0, 0, -0.0][$0] : stream.normal()
    }
    var out = [Double](repeating: .nan, count: x.count)
    tables.withUnsafeBufferPointer { t in
      x.withUnsafeBufferPointer { xb in
        out.withUnsafeMutableBufferPointer {
          flat.fillValues(standardNormals: xb, tables: t, into: $0)
        }
      }
      for i in x.indices {
        #expect(
          out[i].bitPattern
            == flat.value(standardNormal: x[i], tables: t).bitPattern)
      }
    }
  }

  @Test(arguments: [1, 2, 3, 8] as [Int])
  func everyChunkRunsOnceWhateverTheThreads(threads: Int) {
    let count = 203
    let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { hits.deallocate() }
    hits.initialize(repeating: 0)
    let shared = DisjointMutableBuffer(hits)
    ParallelChunks.forEach(count: count, threads: threads) { c in shared[c] += 1
    }
    #expect(hits.allSatisfy { $0 == 1 })
  }
}
