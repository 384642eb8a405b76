import FenqiCore
import FenqiCredit
import Testing

@Suite struct AmortizationTests {
  @Test func equalPaymentScheduleMatchesTheWorkedExample() {
    // ¥10,000 at 12% a year (1% a month) over 12 months: A = 10000·0.01/(1 − 1.01⁻¹²) = 888.49.
    let product = InstalmentProduct(termMonths: 12, pricing: .annualRate(0.12))
    let rows = Amortization.schedule(principal: 10_000, product: product)
    #expect(rows.count == 12)
    #expect(
      rows[0].payment.isApproximatelyEqual(
        to: 888.4878867834161, relativeTolerance: 1e-12))
    #expect(
      rows[0].interest.isApproximatelyEqual(to: 100, relativeTolerance: 1e-12))
    #expect(
      rows[0].principal.isApproximatelyEqual(
        to: 788.4878867834161, relativeTolerance: 1e-12))
    #expect(
      rows[1].interest.isApproximatelyEqual(
        to: (10_000 - 788.4878867834161) * 0.01, relativeTolerance: 1e-12))
    #expect(rows.last?.balance == 0)
    #expect(
      rows.reduce(0) { $0 + $1.principal }.isApproximatelyEqual(
        to: 10_000, relativeTolerance: 1e-12))
    #expect(
      rows.reduce(0) { $0 + $1.interest }.isApproximatelyEqual(
        to: 12 * 888.4878867834161 - 10_000, relativeTolerance: 1e-9))
  }

  @Test(arguments: [3, 6, 9, 12, 18, 24])
  func everyScheduleSumsToItsPrincipal(term: Int) {
    for product in [
      InstalmentProduct(
        termMonths: term, pricing: .annualRate(0.18),
        interestFreePeriods: min(2, term)),
      InstalmentProduct(
        termMonths: term, pricing: .flatMonthlyFee(0.007),
        interestFreePeriods: 1),
    ] {
      let rows = Amortization.schedule(principal: 5_000, product: product)
      #expect(
        rows.reduce(0) { $0 + $1.principal }.isApproximatelyEqual(
          to: 5_000, relativeTolerance: 1e-12))
      #expect(rows.allSatisfy { $0.interest >= -1e-9 && $0.balance >= -1e-9 })
    }
  }

  @Test func flatFeeOfPointSixPercentShowsItsTrueAPRByIRR() throws {
    // 0.6% a month flat over 12 months: payment per yuan 1/12 + 0.006; monthly IRR 1.0862%,
    // nominal APR 13.03%, effective 13.84% (hand-solved NPV = 0; the "7.2% a year" it looks like is half the truth).
    let rate = try #require(
      EffectiveRate.of(
        InstalmentProduct(termMonths: 12, pricing: .flatMonthlyFee(0.006))))
    #expect(
      rate.monthlyRate.isApproximatelyEqual(
        to: 0.010861853567590058, relativeTolerance: 1e-9))
    #expect(
      rate.nominalAnnualRate.isApproximatelyEqual(
        to: 0.1303422428110807, relativeTolerance: 1e-9))
    #expect(
      rate.effectiveAnnualRate.isApproximatelyEqual(
        to: 0.13841785066390067, relativeTolerance: 1e-9))
  }

  @Test func aprPlanIRREqualsItsOwnRateAndFullyInterestFreeIsZero() throws {
    let apr = try #require(
      EffectiveRate.of(
        InstalmentProduct(termMonths: 24, pricing: .annualRate(0.18))))
    #expect(
      apr.nominalAnnualRate.isApproximatelyEqual(
        to: 0.18, relativeTolerance: 1e-9))
    let free = try #require(
      EffectiveRate.of(
        InstalmentProduct(
          termMonths: 6, pricing: .flatMonthlyFee(0.01), interestFreePeriods: 6)
      ))
    #expect(abs(free.monthlyRate) < 1e-12)
  }

  @Test func merchantFundedInterestFreeMovesTheWaivedFeeToTheMerchant() {
    let lender = Amortization.terms(
      of: InstalmentProduct(
        termMonths: 12, pricing: .flatMonthlyFee(0.01), interestFreePeriods: 3))
    let merchant = Amortization.terms(
      of: InstalmentProduct(
        termMonths: 12, pricing: .flatMonthlyFee(0.01), interestFreePeriods: 3,
        subsidyFunder: .merchant))
    #expect(
      lender.paymentPerYuan.isApproximatelyEqual(
        to: (1 + 0.09) / 12, relativeTolerance: 1e-12))
    #expect(lender.merchantSubsidyPerYuan == 0)
    #expect(
      merchant.merchantSubsidyPerYuan.isApproximatelyEqual(
        to: 0.03, relativeTolerance: 1e-12))
    let apr = Amortization.terms(
      of: InstalmentProduct(
        termMonths: 12, pricing: .annualRate(0.12), interestFreePeriods: 12,
        subsidyFunder: .merchant))
    #expect(
      apr.paymentPerYuan.isApproximatelyEqual(
        to: 1.0 / 12, relativeTolerance: 1e-12))
    #expect(
      apr.merchantSubsidyPerYuan.isApproximatelyEqual(
        to: 12 * 0.08884878867834161 - 1, relativeTolerance: 1e-9))
  }
}
