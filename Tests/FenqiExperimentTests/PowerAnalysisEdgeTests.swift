import FenqiExperiment
import Testing

/// Extreme power inputs give a finite answer or a ``NotComputable`` with a reason — never a
/// trap, a hang or an overflowed count.
@Suite struct PowerAnalysisEdgeTests {
  struct Refused: Sendable, CustomTestStringConvertible {
    var name: String
    var reason: String
    var run: @Sendable () throws -> Double
    var testDescription: String { name }
  }

  static let refused: [Refused] = [
    Refused(name: "effect 0", reason: "an effect of 0") {
      try PowerAnalysis.sampleSize(effect: 0)
    },
    Refused(name: "effect 1e-300", reason: "overflows a double") {
      try PowerAnalysis.sampleSize(effect: 1e-300)
    },
    Refused(name: "effect NaN", reason: "finite") {
      try PowerAnalysis.sampleSize(effect: .nan)
    },
    Refused(name: "α = 0", reason: "α must be in (0, 1)") {
      try PowerAnalysis.sampleSize(effect: 0.1, alpha: 0)
    },
    Refused(name: "α = 1", reason: "α must be in (0, 1)") {
      try PowerAnalysis.minimumDetectableEffect(n: 100, alpha: 1)
    },
    Refused(name: "power = 1", reason: "power must be in (0, 1)") {
      try PowerAnalysis.sampleSize(effect: 0.1, power: 1)
    },
    Refused(name: "power = 0", reason: "power must be in (0, 1)") {
      try PowerAnalysis.minimumDetectableEffect(n: 100, power: 0)
    },
    Refused(name: "power below α", reason: "must exceed α") {
      try PowerAnalysis.sampleSize(effect: 0.1, power: 0.01)
    },
    Refused(name: "ratio 0", reason: "ratio") {
      try PowerAnalysis.sampleSize(effect: 0.1, ratio: 0)
    },
    Refused(name: "ratio ∞", reason: "ratio") {
      try PowerAnalysis.power(effect: 0.1, n: 100, ratio: .infinity)
    },
    Refused(name: "n = 0", reason: "size must be finite and > 0") {
      try PowerAnalysis.minimumDetectableEffect(n: 0)
    },
    Refused(name: "n = ∞", reason: "finite") {
      try PowerAnalysis.minimumDetectableEffect(n: .infinity)
    },
    Refused(name: "rate 1.5", reason: "rates in [0, 1]") {
      try PowerAnalysis.cohensH(0.5, 1.5)
    },
    Refused(name: "no rate far enough", reason: "no rate in [0, 1]") {
      try PowerAnalysis.detectableRate(baseline: 0.5, n: 2, alpha: 1e-12)
    },
  ]

  @Test(arguments: refused)
  func extremeInputIsNotComputableWithAReason(_ c: Refused) {
    let error = #expect(throws: NotComputable.self) { try c.run() }
    #expect(
      error?.reason.contains(c.reason) == true, "\(String(describing: error))")
  }

  struct Answered: Sendable, CustomTestStringConvertible {
    var name: String
    var run: @Sendable () throws -> Double
    var check: @Sendable (Double) -> Bool
    var testDescription: String { name }
  }

  static let answered: [Answered] = [
    Answered(
      name: "n = 1e300",
      run: { try PowerAnalysis.minimumDetectableEffect(n: 1e300) },
      check: { $0 > 0 && $0 < 1e-149 }),
    Answered(
      name: "n = 1e308",
      run: { try PowerAnalysis.minimumDetectableEffect(n: 1e308) },
      check: { $0 > 0 && $0.isFinite }),
    Answered(
      name: "ratio 1e-300",
      run: { try PowerAnalysis.sampleSize(effect: 0.2, ratio: 1e-300) },
      check: { $0 > 1e300 && $0.isFinite }),
    Answered(
      name: "ratio 1e300",
      run: { try PowerAnalysis.sampleSize(effect: 0.2, ratio: 1e300) },
      check: { $0 > 2 && $0 < 1000 }),
    Answered(
      name: "a huge effect needs the minimum 2 units",
      run: { try PowerAnalysis.sampleSize(effect: 50) },
      check: { $0 == 2 }),
    Answered(
      name: "baseline 0",
      run: { try PowerAnalysis.detectableRate(baseline: 0, n: 1000) },
      check: { $0 > 0 && $0 < 0.05 }),
    Answered(
      name: "baseline 1 detects a fall",
      run: { try PowerAnalysis.detectableRate(baseline: 1, n: 1000) },
      check: { $0 < 1 && $0 > 0.95 }),
    Answered(
      name: "baseline near 1 detects a fall",
      run: { try PowerAnalysis.detectableRate(baseline: 0.999999, n: 100) },
      check: { $0 < 0.999999 }),
    Answered(
      name: "power at n = 0 is α",
      run: { try PowerAnalysis.power(effect: 0.3, n: 0) },
      check: { abs($0 - 0.05) < 1e-12 }),
  ]

  @Test(arguments: answered)
  func extremeButAnswerableInputGivesAFiniteAnswer(_ c: Answered) throws {
    let value = try c.run()
    #expect(c.check(value), "\(c.name): \(value)")
  }
}
