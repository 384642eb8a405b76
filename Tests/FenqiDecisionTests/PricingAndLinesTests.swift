import FenqiDecision
import Testing

@Suite struct PricingAndLinesTests {
  static let pricing = RiskBasedPricing(
    operatingCost: 0.04, margin: 0.04, competitorRate: 0.18,
    competitorWeight: 0.3, aprCap: 0.24, lossGivenDefault: 0.6,
    pdHorizonMonths: 6, declineAboveCap: true)

  /// Funding 3.5% + EL 6% × 0.6 × 12/6 = 7.2% + 4% + 4% = 18.7%, pulled 30% toward 18%.
  @Test func workedPrice() throws {
    let p = Self.pricing
    #expect(abs(p.costPlus(pd: 0.06, fundingRate: 0.035) - 0.187) < 1e-12)
    let rate = try #require(p.rate(pd: 0.06, fundingRate: 0.035, cap: 0.24))
    #expect(abs(rate - (0.7 * 0.187 + 0.3 * 0.18)) < 1e-12)
    // Above the cap: declined, or lent at the cap when the lender does not decline.
    #expect(p.rate(pd: 0.2, fundingRate: 0.035, cap: 0.24) == nil)
    var lending = p
    lending.declineAboveCap = false
    #expect(lending.rate(pd: 0.2, fundingRate: 0.035, cap: 0.24) == 0.24)
  }

  /// Whatever the PD, funding rate and pull, the price never exceeds the cap in force.
  @Test(arguments: [0.12, 0.24, 0.36])
  func neverAboveTheCap(cap: Double) {
    for declines in [true, false] {
      var p = Self.pricing
      p.declineAboveCap = declines
      for k in 0...200 {
        for funding in [0.0, 0.035, 0.08, 0.2] {
          for weight in [0.0, 0.5, 1.0] {
            p.competitorWeight = weight
            p.competitorRate = 0.5
            if let r = p.rate(
              pd: Double(k) / 200, fundingRate: funding, cap: cap)
            {
              #expect(r <= cap)
            }
          }
        }
      }
    }
  }

  /// The scenario's five-criterion matrix: weights and consistency as numpy.linalg.eig gives
  /// them (0.3760, 0.2147, 0.1209, 0.0738, 0.2147; λ_max 5.0331; CR 0.0074).
  @Test func ahpLinesFromTheScenarioMatrix() throws {
    let a: [[Double]] = [
      [1, 2, 3, 4, 2], [0.5, 1, 2, 3, 1], [1.0 / 3, 0.5, 1, 2, 0.5],
      [0.25, 1.0 / 3, 0.5, 1, 1.0 / 3], [0.5, 1, 2, 3, 1],
    ]
    let ahp = try AnalyticHierarchy(matrix: a)
    for (x, y) in zip(ahp.weights, [0.3760, 0.2147, 0.1209, 0.0738, 0.2147]) {
      #expect(abs(x - y) < 5e-4)
    }
    #expect(abs(ahp.lambdaMax - 5.0331) < 5e-4)
    #expect(abs(ahp.consistencyRatio - 0.0074) < 5e-4)
    let policy = CreditLinePolicy(
      criteria: [.creditScore, .income, .spendingHistory, .tenure, .debtRatio],
      hierarchy: ahp,
      tiers: [
        .init(minimumScore: 0.2, line: 3000),
        .init(minimumScore: 0.5, line: 10_000),
      ])
    var row = [Double](repeating: 0, count: LenderFeature.count)
    typealias F = LenderFeature
    row[F.bureauScore.rawValue] = 300 + 550 * 0.8  // 0.8
    row[F.declaredIncome.rawValue] = 10_000  // log(10)/log(100) = 0.5
    row[F.bookedPrincipal6m.rawValue] = 5000  // 5000 / 20000 = 0.25
    row[F.creditHistoryMonths.rawValue] = 60  // 0.5
    row[F.debtToIncome.rawValue] = 0.2  // 1 − 0.25 = 0.75
    let values = [0.8, 0.5, 0.25, 0.5, 0.75]
    let expected = zip(ahp.weights, values).reduce(0) { $0 + $1.0 * $1.1 }
    let composite = row.withUnsafeBufferPointer {
      policy.composite($0.baseAddress.unsafelyUnwrapped)
    }
    #expect(abs(composite - expected) < 1e-12)
    let line = row.withUnsafeBufferPointer {
      policy.line($0.baseAddress.unsafelyUnwrapped)
    }
    #expect(line?.tier == 1 && line?.line == 10_000)
    row[F.bureauScore.rawValue] = 300
    row[F.declaredIncome.rawValue] = 1000
    row[F.bookedPrincipal6m.rawValue] = 0
    row[F.creditHistoryMonths.rawValue] = 0
    row[F.debtToIncome.rawValue] = 0.8
    #expect(
      row.withUnsafeBufferPointer {
        policy.line($0.baseAddress.unsafelyUnwrapped)
      } == nil)
  }
}
