import FenqiCore
import FenqiDecision
import Testing

@Suite struct ThresholdCalibratorTests {
  /// A book of one PD: the simulated 99% loss rate matches the Vasicek closed form
  /// LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(0.99))/√(1 − ρ)) = 0.1113 for PD 5%, ρ 0.12, LGD 0.6.
  @Test func oneBinMatchesTheClosedForm() throws {
    var book = ScoreHistogram()
    book.add(score: 0.05, bad: 0, amount: 1000)
    let pd = ScoreHistogram.midpoint(ScoreHistogram.bin(0.05))
    let closed =
      0.6
      * Normal.cdf(
        (Normal.quantile(pd) + 0.12.squareRoot() * Normal.quantile(0.99))
          / 0.88.squareRoot())
    let c = ThresholdCalibrator(
      confidence: [0.99], appetite: [1], rho: 0.12, lossGivenDefault: 0.6,
      draws: 100_000)
    let choice = try #require(c.calibrate(book: book, seed: 7, period: 1))
    #expect(
      abs(choice.lossRate[0] - closed) / closed < 0.03,
      "\(choice.lossRate[0]) vs \(closed)")
  }

  static func book() -> ScoreHistogram {
    var book = ScoreHistogram()
    for k in 0..<400 {
      book.add(score: 0.005 + 0.3 * Double(k) / 400, bad: 0, amount: 5000)
    }
    return book
  }

  /// The chosen cut-off keeps every confidence level within its appetite, and a stricter
  /// appetite never approves more.
  @Test(arguments: [[0.02, 0.03], [0.05, 0.08], [0.1, 0.15]])
  func withinAppetiteAndMonotone(appetite: [Double]) throws {
    let loose = ThresholdCalibrator(
      confidence: [0.95, 0.99], appetite: appetite, rho: 0.12,
      lossGivenDefault: 0.85, draws: 2000)
    var strict = loose
    strict.appetite = appetite.map { $0 / 2 }
    let a = try #require(loose.calibrate(book: Self.book(), seed: 1, period: 3))
    let b = try #require(
      strict.calibrate(book: Self.book(), seed: 1, period: 3))
    for (loss, limit) in zip(a.lossRate, appetite) { #expect(loss <= limit) }
    #expect(b.threshold <= a.threshold)
    #expect(a.threshold > 0.005 && a.threshold < 0.31)
  }
}
