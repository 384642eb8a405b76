import Testing

@testable import FenqiCalibration

@Suite struct PoissonWeightTests {
  /// The first weights of a fixed key: a change here changes every bootstrap standard error.
  @Test func firstWeightsOfAFixedKeyArePinned() {
    #expect(
      PoissonWeight.weights(loans: 12, replicate: 0, seed: 1)
        == [1, 1, 1, 0, 2, 1, 0, 3, 2, 0, 2, 1])
  }

  @Test func weightsHaveMeanAndVarianceOne() {
    let w = PoissonWeight.weights(loans: 200_000, replicate: 3, seed: 8).map(
      Double.init)
    let mean = w.reduce(0, +) / Double(w.count)
    let variance =
      w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count - 1)
    // Standard errors of the estimates at n = 200,000: 0.0022 (mean), 0.0032 (variance).
    #expect(abs(mean - 1) < 0.01)
    #expect(abs(variance - 1) < 0.015)
    #expect(
      abs(Double(w.filter { $0 == 0 }.count) / Double(w.count) - 0.367_879)
        < 0.005)
  }

  @Test func inversionFollowsTheThresholds() {
    #expect(PoissonWeight.weight(0) == 0)
    #expect(PoissonWeight.weight(0x5E2D_58D8_B3BC_DF19) == 0)
    #expect(PoissonWeight.weight(0x5E2D_58D8_B3BC_DF1A) == 1)
    #expect(PoissonWeight.weight(UInt64.max) == 21)
  }
}
