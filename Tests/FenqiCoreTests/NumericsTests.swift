import FenqiCore
import Foundation
import Testing

@Suite struct NumericsTests {
  @Test func normalCDFAndQuantileMatchTables() {
    #expect(
      Normal.cdf(1.96).isApproximatelyEqual(
        to: 0.9750021048517795, relativeTolerance: 1e-14))
    #expect(
      Normal.quantile(0.975).isApproximatelyEqual(
        to: 1.959963984540054, relativeTolerance: 1e-14))
    #expect(
      Normal.quantile(0.3).isApproximatelyEqual(
        to: -0.5244005127080409, relativeTolerance: 1e-14))
    #expect(
      Normal.quantile(1e-10).isApproximatelyEqual(
        to: -6.361340902404056, relativeTolerance: 1e-13))
    #expect(Normal.quantile(0) == -.infinity && Normal.quantile(1) == .infinity)
  }

  @Test(arguments: [1e-300, 1e-12, 0.01, 0.2, 0.5, 0.77, 0.999, 1 - 1e-12])
  func quantileInvertsTheCDF(p: Double) {
    #expect(
      Normal.cdf(Normal.quantile(p)).isApproximatelyEqual(
        to: p, relativeTolerance: 1e-12))
  }

  @Test func incompleteBetaMatchesKnownValues() {
    #expect(
      IncompleteBeta.regularized(0.5, a: 2, b: 3).isApproximatelyEqual(
        to: 0.6875, relativeTolerance: 1e-12))
    #expect(
      IncompleteBeta.regularized(0.3, a: 0.5, b: 0.5).isApproximatelyEqual(
        to: 0.36901011956554536, relativeTolerance: 1e-10))
  }

  @Test func brentFindsRootsAndRefusesUnbracketedIntervals() throws {
    let root = try RootFinding.brent(lower: 0, upper: 2) { $0 * $0 - 2 }
    #expect(abs(root - 2.0.squareRoot()) < 1e-12)
    #expect(throws: RootFinding.Failure.notBracketed(lower: 2, upper: 3)) {
      try RootFinding.brent(lower: 2, upper: 3) { $0 * $0 - 2 }
    }
  }

  @Test func sha256MatchesFIPSVectors() {
    #expect(
      SHA256.hexDigest(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hexDigest(of: [UInt8]())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hexDigest(
        of: Array(
          "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func parallelChunksVisitsEveryChunkOnce() {
    for threads in [1, 2, 3, 8] {
      var visits = [Int](repeating: 0, count: 37)
      visits.withUnsafeMutableBufferPointer { b in
        let shared = DisjointMutableBuffer(b)
        ParallelChunks.forEach(count: 37, threads: threads) { shared[$0] += 1 }
      }
      #expect(visits == [Int](repeating: 1, count: 37))
    }
  }
}

@Suite struct EmpiricalQuantileTests {
  /// Type 1 by hand on 1…10: k = ⌈p·10⌉ gives 1 at p = 0.01 and 0.1, 5 at 0.5, 10 at 0.99.
  @Test(arguments: [
    (0.01, 1.0), (0.1, 1.0), (0.11, 2.0), (0.5, 5.0), (0.99, 10.0), (0, 1.0),
  ])
  func quantilesOfOneToTen(p: Double, expected: Double) {
    let sorted = (1...10).map(Double.init)
    #expect(EmpiricalQuantile.ofSorted(sorted, p) == expected)
  }

  @Test func anEmptySampleHasNoQuantile() {
    #expect(EmpiricalQuantile.ofSorted([], 0.5).isNaN)
  }
}
