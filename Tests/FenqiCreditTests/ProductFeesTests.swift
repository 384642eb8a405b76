import FenqiCore
import FenqiCredit
import Testing

/// Fees and penalty interest, each against a schedule worked by hand.
@Suite struct ProductFeesTests {
  /// ¥6,000 over 12 months at 0.6% a month flat: ¥500 principal + ¥36 fee = ¥536 a month.
  static let flat = InstalmentProduct(
    termMonths: 12, pricing: .flatMonthlyFee(0.006))

  @Test func aPaidUpfrontFeeRaisesTheTrueAPR() throws {
    var product = Self.flat
    product.fees = ProductFees(upfrontShare: 0.02)
    let flows = Amortization.cashFlows(principal: 6_000, product: product)
    // The borrower gets ¥6,000 less the ¥120 fee and pays ¥536 twelve times.
    #expect(flows.received == 5_880)
    #expect(flows.payments.count == 12)
    #expect(flows.payments.allSatisfy { abs($0 - 536) < 1e-9 })
    // IRR APR 13.034% without the fee (checked by hand), 16.898% with it (bisection on the NPV
    // of 5,880 against 12 × 536, done apart from this code).
    let plain = try #require(EffectiveRate.of(Self.flat))
    #expect(abs(plain.nominalAnnualRate - 0.130342242811) < 1e-9)
    let withFee = try #require(EffectiveRate.of(product))
    #expect(abs(withFee.nominalAnnualRate - 0.168982306437) < 1e-9)
  }

  @Test func aFinancedUpfrontFeeIsLentAndRepaid() throws {
    // ¥6,000 at 12% a year over 12 months, a 3% fee financed: the loan is ¥6,180, the annuity
    // 6,180 × 0.01 ÷ (1 − 1.01⁻¹²) = ¥549.0855 a month, and the borrower received ¥6,000.
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.12),
      fees: ProductFees(upfrontShare: 0.03, upfrontFinanced: true))
    let flows = Amortization.cashFlows(principal: 6_000, product: product)
    #expect(flows.received == 6_000)
    #expect(abs(flows.payments[0] - 549.085514032) < 1e-6)
    let apr = try #require(EffectiveRate.of(product)).nominalAnnualRate
    #expect(abs(apr - 0.176515706734) < 1e-9)
  }

  @Test func aFlatFeeWeighsMoreOnASmallLoanAndTheCapSetsItsSmallestAmount()
    throws
  {
    var product = Self.flat
    product.fees = ProductFees(upfrontAmount: 30)
    // ¥6,000 with ¥30 paid at booking: the borrower gets ¥5,970 for 12 × ¥536, an IRR APR of
    // 13.990% (bisection on the NPV, done apart from this code).
    let flows = Amortization.cashFlows(principal: 6_000, product: product)
    #expect(flows.received == 5_970)
    let apr = try #require(
      EffectiveRate.of(principal: flows.received, payments: flows.payments))
    #expect(abs(apr.nominalAnnualRate - 0.139896430720) < 1e-9)
    // Under a 15% cap the flat fee may be at most 1 − m·a(12, 1.25%) = 1.0248% of the price,
    // so the smallest loan that carries ¥30 is ¥2,927.36, whose true APR is the cap exactly.
    let terms = Amortization.terms(of: product)
    let ratio = EffectiveRate.largestFlatFeeRatio(of: terms, cap: 0.15)
    #expect(abs(ratio - 0.010248131034) < 1e-9)
    let smallest = 30 / ratio
    #expect(abs(smallest - 2_927.363038) < 1e-5)
    for (price, over) in [(smallest * 0.99, true), (smallest * 1.01, false)] {
      let f = Amortization.cashFlows(principal: price, product: product)
      let rate = try #require(
        EffectiveRate.of(principal: f.received, payments: f.payments))
      #expect((rate.nominalAnnualRate > 0.15) == over)
    }
  }

  @Test func aFinancedFlatFeeHasItsOwnSmallestAmount() throws {
    // 12% a year over 12 months with ¥50 financed under a 20% cap: the loan is P + 50 at
    // ¥(P + 50)·0.0888488 a month; the largest flat share is 1/(m·a(12, 1.6667%)) − 1 = 4.2609%,
    // so the smallest price is ¥1,173.47 (worked apart from this code).
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.12),
      fees: ProductFees(upfrontFinanced: true, upfrontAmount: 50))
    let terms = Amortization.terms(of: product)
    let ratio = EffectiveRate.largestFlatFeeRatio(of: terms, cap: 0.20)
    let smallest = 50 / ratio
    #expect(abs(ratio - 0.042608540590) < 1e-9)
    #expect(abs(smallest - 1_173.473658) < 1e-5)
    let f = Amortization.cashFlows(principal: smallest, product: product)
    #expect(abs(f.received - smallest) < 1e-9)
    let rate = try #require(
      EffectiveRate.of(principal: f.received, payments: f.payments))
    #expect(abs(rate.nominalAnnualRate - 0.20) < 1e-9)
  }

  @Test func theNominalRateThatFitsACapLeavesRoomForTheFee() throws {
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.3),
      fees: ProductFees(upfrontShare: 0.02))
    let nominal = EffectiveRate.nominalRate(of: product, trueAPR: 0.24)
    var priced = product
    priced.pricing = .annualRate(nominal)
    let apr = try #require(EffectiveRate.of(priced)).nominalAnnualRate
    #expect(abs(apr - 0.24) < 1e-9)
    #expect(nominal < 0.24 - 0.03)
    // A fee that alone costs more than the cap leaves no room at all.
    var greedy = product
    greedy.fees.upfrontShare = 0.2
    #expect(EffectiveRate.nominalRate(of: greedy, trueAPR: 0.24) == 0)
  }

  @Test func lateFeeIsCappedAndPenaltyAccruesOverThirtyDays() {
    let fees = ProductFees(
      lateFeeAmount: 20, lateFeeShare: 0.05, lateFeeCap: 50,
      penaltyDailyRate: 0.0005)
    #expect(fees.lateFee(instalment: 100) == 25)
    #expect(fees.lateFee(instalment: 1_000) == 50)
    #expect(abs(fees.monthlyPenalty(overdue: 100) - 1.5) < 1e-12)
  }

  /// A ¥1,200 interest-free loan over 12 months (¥100 a month) with a late fee of ¥20 + 5% of
  /// the instalment (at most ¥50) and penalty interest of 0.05% a day.
  static func oneLoanBook(cure: Double) -> LoanBook {
    var book = LoanBook()
    let product = InstalmentProduct(
      termMonths: 12, pricing: .flatMonthlyFee(0),
      fees: ProductFees(
        lateFeeAmount: 20, lateFeeShare: 0.05, lateFeeCap: 50,
        penaltyDailyRate: 0.0005))
    // Miss and roll logits of 30: the loan misses and, unless it cures, rolls every month.
    book.book(
      customer: 0, ordinal: 0, arm: 0, period: 0, principal: 1_200,
      terms: Amortization.terms(of: product), missLogit: 30, rollLogit: 30,
      cureProbability: cure, prepaymentProbability: 0)
    return book
  }

  static func roll(_ book: inout LoanBook, months: Int) -> [LoanBookTotals] {
    var open: [UInt8] = [1]
    var ledger = ChargeOffLedger(arms: 1, segments: 1, horizon: 12)
    var customers = CustomerLedger(count: 1)
    var out: [LoanBookTotals] = []
    for period in 1...months {
      var totals = [LoanBookTotals()]
      book.roll(
        RollSettings(
          seed: 7, period: period, firstCustomerIndex: 0, chargeOffMonths: 4),
        openLoans: &open, totals: &totals, ledger: &ledger,
        customers: &customers)
      out.append(totals[0])
    }
    return out
  }

  @Test func aBorrowerWhoCuresPaysTheLateFeeAndPenalty() {
    // Month 1: the instalment is missed — a late fee of ¥25 and a month's penalty on the ¥100
    // overdue, 100 × 0.0005 × 30 = ¥1.50. Month 2: the borrower cures and pays ¥26.50 of arrears.
    var book = Self.oneLoanBook(cure: 1)
    let months = Self.roll(&book, months: 2)
    #expect(months[0].lateFees == 25)
    #expect(months[0].lateFeeInstalments == 1)
    #expect(months[0].lateFeeBorrowers == 1)
    #expect(abs(months[0].penaltyInterest - 1.5) < 1e-12)
    #expect(months[0].arrearsCollected == 0)
    #expect(months[1].cured == 1)
    #expect(abs(months[1].arrearsCollected - 26.5) < 1e-5)
    #expect(months[1].lateFees == 0)
    #expect(book.arrears == [0])
  }

  @Test func aChargeOffWritesTheArrearsOff() {
    // Three months missed (d = 1, 2, 3): three late fees of ¥25 and penalties on ¥100, ¥200 and
    // ¥300 overdue (¥1.50, ¥3, ¥4.50); month 4 rolls past the charge-off point and the ¥84 of
    // arrears is written off, so the fees earn nothing net.
    var book = Self.oneLoanBook(cure: 0)
    let months = Self.roll(&book, months: 4)
    let charged = months.reduce(0) { $0 + $1.lateFees }
    let penalty = months.reduce(0) { $0 + $1.penaltyInterest }
    #expect(charged == 75)
    #expect(abs(penalty - 9) < 1e-12)
    #expect(months[3].chargeOffs == 1)
    #expect(abs(months[3].arrearsWrittenOff - 84) < 1e-4)
    #expect(months.reduce(0) { $0 + $1.lateFeeBorrowers } == 1)
    let net = months.reduce(0) { $0 + $1.arrearsIncome }
    #expect(abs(net) < 1e-4)
  }

  @Test func loansWithoutFeesAccrueNothing() {
    var book = LoanBook()
    book.book(
      customer: 0, ordinal: 0, arm: 0, period: 0, principal: 1_200,
      terms: Amortization.terms(of: Self.flat), missLogit: 30, rollLogit: 30,
      cureProbability: 0, prepaymentProbability: 0)
    let months = Self.roll(&book, months: 4)
    #expect(months.allSatisfy { $0.lateFees == 0 && $0.penaltyInterest == 0 })
    #expect(book.feeSchedules == [.none])
  }

  /// A ¥1,200 loan at 12% a year over 12 months (¥106.6185 a month) that settles right after its
  /// first instalment: ¥12 of interest and ¥94.6185 of principal paid, ¥1,105.3815 settled.
  static func settling(
    _ rule: ProductFees.EarlySettlement, partialShare: Double = 0
  ) -> (LoanBook, [LoanBookTotals]) {
    var book = LoanBook()
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.12),
      fees: ProductFees(earlySettlement: rule))
    book.book(
      customer: 0, ordinal: 0, arm: 0, period: 0, principal: 1_200,
      terms: Amortization.terms(of: product), missLogit: -30, rollLogit: 0,
      cureProbability: 0, prepaymentProbability: 1)
    var open: [UInt8] = [1]
    var months: [LoanBookTotals] = []
    for period in 1...12 where open[0] > 0 {
      var totals = [LoanBookTotals()]
      var settings = RollSettings(
        seed: 3, period: period, firstCustomerIndex: 0, chargeOffMonths: 4)
      settings.partialPrepaymentShare = partialShare
      book.roll(settings, openLoans: &open, totals: &totals)
      months.append(totals[0])
    }
    return (book, months)
  }

  @Test func settlingEarlyWithAFeePaysTheFeeOnThePrincipalSettled() {
    let (_, months) = Self.settling(.fee(share: 0.02))
    #expect(months.count == 1)
    let m = months[0]
    #expect(abs(m.interestIncome - 12) < 1e-9)
    #expect(abs(m.prepaidPrincipal - 1_105.381453586) < 1e-6)
    // 2% of ¥1,105.3815 = ¥22.1076; the eleven instalments left would have paid ¥67.4226 of
    // interest beyond the principal (11 × 106.6185 − 1,105.3815).
    #expect(abs(m.settlementFees - 22.107629072) < 1e-6)
    #expect(abs(m.prepaymentIncomeForgone - 67.422556968) < 1e-6)
    #expect(abs(m.feeIncome - m.settlementFees) < 1e-12)
    // Interest to date only: the same settlement costs nothing.
    let (_, free) = Self.settling(.interestToDate)
    #expect(free[0].settlementFees == 0)
    #expect(abs(free[0].prepaymentIncomeForgone - 67.422556968) < 1e-6)
  }

  @Test func forfeitingTheInterestFreeBenefitCostsWhatItWaived() {
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.12), interestFreePeriods: 3,
      fees: ProductFees(earlySettlement: .forfeitInterestFree))
    let terms = Amortization.terms(of: product)
    #expect(terms.interestForgonePerYuan > 0)
    #expect(terms.fees.settlementCostPerYuan == terms.interestForgonePerYuan)
  }

  @Test func partialPrepaymentsShortenTheLoanAndNeverOverCharge() {
    // Every month a payment and a prepayment of half the balance: the loan ends long before
    // its term, every yuan of principal comes back once, and the interest paid is each month's
    // balance × 1% — less than the plan's ¥79.42 over its term.
    let (book, months) = Self.settling(.interestToDate, partialShare: 1)
    #expect(months.count < 12)
    #expect(book.count == 0)
    let principal = months.reduce(0) {
      $0 + $1.principalRepaid + $1.prepaidPrincipal
    }
    #expect(abs(principal - 1_200) < 1e-6)
    let interest = months.reduce(0) { $0 + $1.interestIncome }
    #expect(interest > 12 && interest < 12 * 106.61854641 - 1_200)
    #expect(
      months.reduce(0) { $0 + $1.partialPrepayments }
        == Double(months.count - 1))
  }
}
