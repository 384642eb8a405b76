import FenqiCore
import FenqiRisk
import Testing

@Suite struct ForwardECLTests {
  static let rates = RollRateForecast(
    miss: 0.012, flows: [0.45, 0.6, 0.75, 0.85])
  static let book = ForwardECL.Book(
    balance: [1_000_000, 30_000, 12_000, 6_000, 4_000], monthlyRate: 0.015,
    remainingMonths: 6)

  /// The forward shift of a scenario seen from month `r`: −√ρ·(z[r + m] − z[1]).
  static func shift(_ path: MacroPath, from r: Int, rho: Double) -> [Double] {
    (1...24).map { m in
      -rho.squareRoot()
        * (path.z[Swift.min(r + m, path.z.count - 1)] - path.z[1])
    }
  }

  /// A recession in month 13 (+3 points of unemployment over 3 months): the weighted ECL of an
  /// unchanged book rises month by month as the recession enters its 12-month horizon, and is
  /// above the point-in-time ECL (today's conditions held flat) before it comes.
  @Test func weightedECLRisesBeforeAKnownRecessionAndExceedsPointInTime() {
    var macro = MacroScenario(
      unemployment: [0.05], benchmarkRate: [0.03], confidence: [100])
    macro.vasicek.unemploymentSensitivity = 0.3
    let flat = MacroPath(macro, periods: 40)
    macro.shocks = [
      .recession(
        start: 13, rampMonths: 3, points: 0.03, holdMonths: 6, recoveryMonths: 6
      )
    ]
    let adverse = MacroPath(macro, periods: 40)
    var provisions: [Double] = []
    var pointInTime: [Double] = []
    for r in 1...12 {
      let weighted = ForwardECL(
        book: Self.book, rates: Self.rates, lossGivenDefault: 0.85,
        scenarios: [
          .init(
            name: "baseline", weight: 0.6,
            shift: Self.shift(flat, from: r, rho: 0.04)),
          .init(
            name: "adverse", weight: 0.4,
            shift: Self.shift(adverse, from: r, rho: 0.04)),
        ])
      let pit = ForwardECL(
        book: Self.book, rates: Self.rates, lossGivenDefault: 0.85,
        scenarios: [.init(name: "today", weight: 1, shift: [0])])
      provisions.append(weighted.provision)
      pointInTime.append(pit.provision)
    }
    print(
      "weighted ECL by month: \(provisions.map { Int($0) }), point in time \(Int(pointInTime[0]))"
    )
    for r in 1..<provisions.count {
      #expect(provisions[r] >= provisions[r - 1])
    }
    #expect(provisions[11] > provisions[0] * 1.05)
    for r in provisions.indices { #expect(provisions[r] > pointInTime[r]) }
  }

  @Test func stagesFollowTheBackstopsAndAccruedInterestRaisesExposure() {
    let e = ForwardECL(
      book: Self.book, rates: Self.rates, lossGivenDefault: 0.85,
      scenarios: [.init(name: "flat", weight: 1, shift: [0])])
    // Stage 1: buckets 0 and 1 (1 month of interest on 30,000); stage 2: buckets 2, 3;
    // stage 3: bucket 4.
    #expect(abs(e.exposure[0] - (1_000_000 + 30_000 * 1.015)) < 1e-6)
    #expect(abs(e.exposure[1] - (12_000 * 1.03 + 6_000 * 1.045)) < 1e-6)
    #expect(abs(e.exposure[2] - 4_000 * 1.06) < 1e-6)
    #expect(!e.significantIncrease)
  }

  @Test func aDoublingOfThePDTriggersTheCollectiveSICR() {
    let e = ForwardECL(
      book: Self.book, rates: Self.rates, lossGivenDefault: 0.85,
      scenarios: [.init(name: "severe", weight: 1, shift: [0.5])])
    #expect(e.twelveMonthPD >= 2 * e.originationPD)
    #expect(e.significantIncrease)
  }

  @Test func rollRatesAreEstimatedAsPooledBalanceRatios() {
    let rows: [[Double]] = [
      [1000, 20, 10, 5, 0], [1000, 10, 8, 5, 3], [1000, 30, 4, 4, 3],
    ]
    let r = RollRateForecast.estimated(from: rows)
    // miss = (10 + 30)/(1000 + 1000); flows = (8 + 4)/(20 + 10), (5 + 4)/(10 + 8),
    // charge-off (3 + 3)/(5 + 5).
    #expect(r == RollRateForecast(miss: 0.02, flows: [0.4, 0.5, 0.6]))
  }

  @Test func attributionAddsUpAndReverseStressBracketsTheBreak() {
    let a = LossAttribution(
      base: 100, alone: [("recession", 150), ("rateRise", 110)], joint: 180)
    #expect(a.alone.map(\.effect) == [50, 10])
    #expect(a.interaction == 20)
    #expect(
      a.base + a.alone.reduce(0) { $0 + $1.effect } + a.interaction == a.joint)
    func exceeds(_ x: Double) -> Bool { x > 0.08 }
    func rate(_ s: Double) -> Double { 0.03 + 0.02 * s }
    let r = ReverseStress(
      maximum: 4, tolerance: 0.01, breaks: exceeds, measure: rate)
    // 0.03 + 0.02·s > 0.08 ⇔ s > 2.5.
    #expect(r.below <= 2.5 && (r.above ?? 0) >= 2.5)
    #expect((r.above ?? 9) - r.below <= 0.01)
  }
}
