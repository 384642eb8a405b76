import FenqiCore
import FenqiRisk
import Testing

@Suite struct RiskModelTests {
  /// Hand-computed Φ((Φ⁻¹(PD) − √ρ·Z)/√(1 − ρ)) (Python's statistics.NormalDist).
  @Test(arguments: [
    (0.01, 0.04, -1.5, 0.019313776160518437),
    (0.01, 0.04, 0.0, 0.008790680274287255),
    (0.05, 0.15, -2.0, 0.17260368086454203),
    (0.02, 0.0, -3.0, 0.02),
    (0.2, 0.3, 1.0, 0.048398567835805095),
  ])
  func conditionalPDMatchesHandComputedValues(
    pd: Double, rho: Double, z: Double, expected: Double
  ) {
    #expect(abs(Vasicek.conditional(pd: pd, rho: rho, z: z) - expected) < 1e-9)
  }

  @Test func theExpectedPDIntegratesTheFactorOut() {
    // E over Z ~ N(drift, 1) of the conditional PD, by quadrature on a fine grid.
    for (pd, rho, drift) in [
      (0.01, 0.04, 0.0), (0.03, 0.15, -1.0), (0.1, 0.3, 0.5),
    ] {
      var total = 0.0
      let h = 0.001
      var x = -8.0
      while x <= 8 {
        total +=
          Normal.density(x)
          * Vasicek.conditional(pd: pd, rho: rho, z: drift + x) * h
        x += h
      }
      #expect(
        abs(total - Vasicek.expected(pd: pd, rho: rho, drift: drift)) < 1e-6)
    }
    #expect(abs(Vasicek.expected(pd: 0.02, rho: 0.1, drift: 0) - 0.02) < 1e-12)
  }

  @Test func varAndExpectedShortfallOnAKnownDistribution() {
    // Losses 1…100: the 95% VaR is the 95th smallest, the ES the mean of 95…100.
    let d = LossDistribution((1...100).map(Double.init).reversed())
    #expect(d.valueAtRisk(0.95) == 95 && d.valueAtRisk(0.99) == 99)
    #expect(
      d.expectedShortfall(0.95) == 97.5 && d.expectedShortfall(0.99) == 99.5)
    #expect(d.mean == 50.5)
    // A uniform grid on [0, 1): VaR_α ≈ α, ES_α ≈ (1 + α)/2.
    let u = LossDistribution((0..<10_000).map { Double($0) / 10_000 })
    #expect(
      abs(u.valueAtRisk(0.99) - 0.99) < 1e-3
        && abs(u.expectedShortfall(0.99) - 0.995) < 1e-3)
  }

  @Test func stagesFollowTheirDPDBackstops() {
    let stages = (0...6).map { CreditStage(monthsPastDue: UInt8($0)) }
    #expect(stages == [.one, .one, .two, .two, .three, .three, .three])
  }

  @Test func defaultProbabilityFollowsTheChain() {
    // Charge-off at 2 months past due: a current loan defaults in 2 months only by missing
    // (p) and then rolling without cure ((1 − c)·r).
    let p = 0.1
    let c = 0.3
    let r = 0.5
    let two = DefaultProbability.within(
      months: 2, monthsPastDue: 0, miss: p, cure: c, roll: r, chargeOffMonths: 2
    )
    #expect(abs(two - p * (1 - c) * r) < 1e-15)
    #expect(
      DefaultProbability.within(
        months: 1, monthsPastDue: 0, miss: p, cure: c, roll: r,
        chargeOffMonths: 2) == 0)
    #expect(
      DefaultProbability.within(
        months: 5, monthsPastDue: 4, miss: p, cure: c, roll: r,
        chargeOffMonths: 4) == 1)
    let twelve = DefaultProbability.within(
      months: 12, monthsPastDue: 0, miss: p, cure: c, roll: r,
      chargeOffMonths: 5)
    let lifetime = DefaultProbability.within(
      months: 36, monthsPastDue: 0, miss: p, cure: c, roll: r,
      chargeOffMonths: 5)
    #expect(twelve > 0 && lifetime > twelve && lifetime < 1)
  }

  @Test func recessionShocksRaiseUnemploymentAndLowerTheFactor() {
    var m = MacroScenario(
      unemployment: [0.05], benchmarkRate: [0.035], confidence: [100])
    m.shocks = [
      .recession(
        start: 4, rampMonths: 3, points: 0.02, holdMonths: 2, recoveryMonths: 3),
      .rateRise(start: 5, points: 0.01), .aprCap(start: 6, cap: 0.24),
    ]
    let path = MacroPath(m, periods: 14)
    #expect(path.unemployment[3] == 0.05)
    #expect(
      abs(path.unemployment[6] - 0.07) < 1e-12
        && abs(path.unemployment[8] - 0.07) < 1e-12)
    #expect(path.unemployment[12] == 0.05)
    // Month 7: −0.15 × 2 points of unemployment − 0.1 × 1 point of rate = −0.4.
    #expect(path.z[1] == 0 && abs(path.z[7] - -0.4) < 1e-12)
    #expect(
      abs(path.fundingShift[5] - 0.01) < 1e-12 && path.fundingShift[4] == 0)
    #expect(path.aprCap[5] == nil && path.aprCap[6] == 0.24)
  }
}
