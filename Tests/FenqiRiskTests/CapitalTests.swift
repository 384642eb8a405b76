import FenqiCore
import FenqiRisk
import Testing

@Suite struct CapitalTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var pd: Double
    var lgd: Double
    var retailClass: BaselIRB.RetailClass
    var rho: Double
    var capital: Double
    var testDescription: String { "PD \(pd), LGD \(lgd), \(retailClass)" }
  }

  /// Worked by hand, with Φ and Φ⁻¹ from Python's statistics.NormalDist.
  ///
  ///
  /// 1. PD 1%, LGD 85%, QRRE: R = 0.04. Φ⁻¹(0.01) = −2.326348, √0.04·Φ⁻¹(0.999) = 0.2 × 3.090232
  ///    = 0.618046; (−2.326348 + 0.618046)/√0.96 = −1.708302/0.979796 = −1.743528;
  ///    Φ(−1.743528) = 0.040621; K = 0.85 × (0.040621 − 0.01) = 0.026028.
  /// 2. PD 2%, LGD 85%, other retail: w = (1 − e^(−0.7))/(1 − e^(−35)) = 0.503415,
  ///    R = 0.03w + 0.16(1 − w) = 0.094556; Φ⁻¹(0.02) = −2.053749, √R·3.090232 = 0.950246;
  ///    (−2.053749 + 0.950246)/√0.905444 = −1.159693; Φ = 0.123087; K = 0.85 × 0.103087
  ///    = 0.087624.
  /// 3. PD 5%, LGD 45%, other retail: w = 1 − e^(−1.75) = 0.826226, R = 0.052591;
  ///    Φ⁻¹(0.05) = −1.644854, √R·3.090232 = 0.708672; (−1.644854 + 0.708672)/√0.947409
  ///    = −0.961814; Φ = 0.168071; K = 0.45 × 0.118071 = 0.053132.
  static let cases = [
    Case(
      pd: 0.01, lgd: 0.85, retailClass: .qualifyingRevolving, rho: 0.04,
      capital: 0.026027619502514737),
    Case(
      pd: 0.02, lgd: 0.85, retailClass: .otherRetail, rho: 0.09455608949288319,
      capital: 0.08762395827407801),
    Case(
      pd: 0.05, lgd: 0.45, retailClass: .otherRetail, rho: 0.0525906126485578,
      capital: 0.05313213475109776),
  ]

  @Test(arguments: cases)
  func irbCapitalEqualsTheHandWorkedValue(_ c: Case) {
    #expect(abs(c.retailClass.correlation(pd: c.pd) - c.rho) < 1e-12)
    let k = BaselIRB.capital(pd: c.pd, lgd: c.lgd, retailClass: c.retailClass)
    #expect(abs(k - c.capital) < 1e-9)
    #expect(
      abs(BaselIRB.riskWeightedAssets(capital: k, ead: 1000) - 12.5 * k * 1000)
        < 1e-9)
  }

  @Test func otherRetailCorrelationRunsFromSixteenToThreePercent() {
    #expect(
      abs(BaselIRB.RetailClass.otherRetail.correlation(pd: 0) - 0.16) < 1e-12)
    #expect(
      abs(BaselIRB.RetailClass.otherRetail.correlation(pd: 1) - 0.03) < 1e-9)
  }

  /// The 99.9% loss of one homogeneous pool under annual factor draws against the Vasicek
  /// closed form: the closed form must fall between the order statistics that bracket the
  /// 99.9% rank at ±3 binomial standard deviations, widened by the pool's idiosyncratic spread.
  @Test(arguments: [(0.05, 0.04), (0.02, 0.12)])
  func unconditionalTailMatchesTheVasicekClosedForm(pd: Double, rho: Double) {
    let paths = 40_000
    let loans = 1_000_000
    let lgd = 0.85
    let draws = FactorDraws(seed: 20_261_129, persistence: 0)
    let losses = (0..<paths).map { p in
      VasicekLoss.poolLossRate(
        pd: pd, rho: rho, lgd: lgd, loans: loans,
        z: draws.monthly(path: p, months: 12)[1],
        u: draws.uniform(path: p, counter: 1))
    }
    let d = LossDistribution(losses)
    for alpha in [0.99, 0.999] {
      let closed = VasicekLoss.valueAtRisk(
        pd: pd, rho: rho, lgd: lgd, alpha: alpha)
      let n = Double(paths)
      let spread = 3 * (n * alpha * (1 - alpha)).squareRoot()
      let low = d.sorted[Int((n * alpha - spread).rounded(.down)) - 1]
      let high = d.sorted[
        Swift.min(paths, Int((n * alpha + spread).rounded(.up))) - 1]
      let idiosyncratic =
        3 * lgd * (closed * (1 - closed) / Double(loans)).squareRoot()
      print(
        "Vasicek \(alpha): closed form \(closed), simulated \(d.valueAtRisk(alpha)), bracket \(low)…\(high)"
      )
      #expect(low - idiosyncratic <= closed && closed <= high + idiosyncratic)
    }
    // The mean is the expected loss PD × LGD within 4 standard errors.
    let se = d.standardDeviation / Double(paths).squareRoot()
    #expect(abs(d.mean - pd * lgd) < 4 * se)
  }

  @Test
  func
    annualFactorIsHeldForTwelveMonthsAndIndependentAcrossYearsWithoutPersistence()
  {
    let draws = FactorDraws(seed: 7, persistence: 0)
    let z = draws.monthly(path: 3, months: 30)
    #expect(z.count == 31)
    #expect(Set(z[1...12]).count == 1)
    #expect(Set(z[13...24]).count == 1)
    #expect(z[12] != z[13])
    #expect(z[0] == z[1])
    #expect(z[25] == draws.innovation(path: 3, year: 2))
  }

  @Test func vasicekExpectedShortfallExceedsItsValueAtRisk() {
    let v = VasicekLoss.valueAtRisk(pd: 0.05, rho: 0.04, lgd: 0.85, alpha: 0.99)
    let es = VasicekLoss.expectedShortfall(
      pd: 0.05, rho: 0.04, lgd: 0.85, alpha: 0.99)
    // Hand value of VaR: 0.85 × Φ((−1.644854 + 0.2 × 2.326348)/√0.96) = 0.097166.
    #expect(abs(v - 0.09716569542589162) < 1e-9)
    #expect(
      es > v
        && es
          < VasicekLoss.valueAtRisk(
            pd: 0.05, rho: 0.04, lgd: 0.85, alpha: 0.9999)
    )
  }
}
