import FenqiCore
import FenqiCredit
import Testing

@Suite struct LoanBookTests {
  static func book(
    loans: Int, missLogit: Double, seed: UInt64, product: InstalmentProduct
  ) -> (LoanBook, [UInt8], Double) {
    var book = LoanBook()
    var open = [UInt8](repeating: 0, count: loans)
    var disbursed = 0.0
    var rng = RandomStream(
      key: StreamKey(
        seed: seed, entity: 0, period: 0, purpose: Purpose(rawValue: 500)))
    for c in 0..<loans {
      let principal = rng.logNormal(mu: 8, sigma: 0.7)
      disbursed += principal
      book.book(
        customer: c, ordinal: 0, arm: UInt8(c % 2), period: 0,
        principal: principal, terms: Amortization.terms(of: product),
        missLogit: missLogit + rng.normal(), rollLogit: rng.normal(),
        cureProbability: 0.3, prepaymentProbability: 0.02)
      open[c] = 1
    }
    return (book, open, disbursed)
  }

  @Test(arguments: 0..<6 as Range<UInt64>)
  func rollingConservesMoneyAndLoans(seed: UInt64) {
    let product =
      seed % 2 == 0
      ? InstalmentProduct(
        termMonths: 6, pricing: .annualRate(0.2), interestFreePeriods: 1)
      : InstalmentProduct(termMonths: 9, pricing: .flatMonthlyFee(0.008))
    var (book, open, disbursed) = Self.book(
      loans: 2_000, missLogit: -2, seed: seed, product: product)
    var all = [LoanBookTotals](repeating: LoanBookTotals(), count: 2)
    var last = all
    for period in 1...40 {
      var totals = [LoanBookTotals](repeating: LoanBookTotals(), count: 2)
      book.roll(
        RollSettings(
          seed: seed, period: period, firstCustomerIndex: 0,
          missShift: period > 20 ? 0.5 : 0, chargeOffMonths: 5),
        openLoans: &open, totals: &totals)
      for a in 0..<2 {
        #expect(
          (0..<5).allSatisfy { totals[a].balance(bucket: $0) >= 0 },
          "negative balance in period \(period)")
        all[a].add(totals[a])
      }
      last = totals
      #expect(book.principal.allSatisfy { $0 > 0 })
    }
    let outstanding = last[0].totalBalance + last[1].totalBalance
    let returned = all.reduce(0) {
      $0 + $1.principalRepaid + $1.prepaidPrincipal + $1.chargeOffPrincipal
    }
    // Money in = money out + balance.
    #expect(
      (returned + outstanding).isApproximatelyEqual(
        to: disbursed, relativeTolerance: 1e-10))
    // Every booked loan ends repaid, prepaid, charged off or open.
    let closed = all.reduce(0) {
      $0 + $1.loansRepaid + $1.prepayments + $1.chargeOffs
    }
    #expect(Int(closed) + book.count == 2_000)
    #expect(Int(last[0].openLoans + last[1].openLoans) == book.count)
    #expect(open.reduce(0) { $0 + Int($1) } == book.count)
  }

  @Test func aLoanThatAlwaysPaysEarnsExactlyItsScheduledInterest() {
    let product = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.12), interestFreePeriods: 2)
    var (book, open, _) = Self.book(
      loans: 1, missLogit: -40, seed: 1, product: product)
    let principal = book.principal[0]
    var totals = [LoanBookTotals](repeating: LoanBookTotals(), count: 2)
    var book2 = LoanBook()
    book2.book(
      customer: 0, ordinal: 0, arm: 0, period: 0, principal: principal,
      terms: Amortization.terms(of: product),
      missLogit: -40, rollLogit: 0, cureProbability: 0, prepaymentProbability: 0
    )
    book = book2
    for period in 1...12 {
      book.roll(
        RollSettings(
          seed: 1, period: period, firstCustomerIndex: 0, chargeOffMonths: 5),
        openLoans: &open, totals: &totals)
    }
    let schedule = Amortization.schedule(principal: principal, product: product)
    #expect(book.count == 0)
    #expect(totals[0].loansRepaid == 1)
    #expect(
      totals[0].interestIncome.isApproximatelyEqual(
        to: schedule.reduce(0) { $0 + $1.interest }, relativeTolerance: 1e-10))
    #expect(
      totals[0].principalRepaid.isApproximatelyEqual(
        to: principal, relativeTolerance: 1e-12))
  }

  @Test func theRollDoesNotDependOnTheBooksOrder() {
    let product = InstalmentProduct(
      termMonths: 6, pricing: .flatMonthlyFee(0.01))
    var a = LoanBook()
    var b = LoanBook()
    var openA = [UInt8](repeating: 1, count: 3)
    var openB = openA
    let terms = Amortization.terms(of: product)
    for c in [0, 1, 2] {
      a.book(
        customer: c, ordinal: 0, arm: 0, period: 0,
        principal: Double(1000 * (c + 1)), terms: terms, missLogit: 0,
        rollLogit: 0, cureProbability: 0.3, prepaymentProbability: 0)
    }
    for c in [2, 0, 1] {
      b.book(
        customer: c, ordinal: 0, arm: 0, period: 0,
        principal: Double(1000 * (c + 1)), terms: terms, missLogit: 0,
        rollLogit: 0, cureProbability: 0.3, prepaymentProbability: 0)
    }
    var ta = [LoanBookTotals()]
    var tb = [LoanBookTotals()]
    for p in 1...4 {
      a.roll(
        RollSettings(
          seed: 5, period: p, firstCustomerIndex: 100, chargeOffMonths: 5),
        openLoans: &openA, totals: &ta)
      b.roll(
        RollSettings(
          seed: 5, period: p, firstCustomerIndex: 100, chargeOffMonths: 5),
        openLoans: &openB, totals: &tb)
    }
    #expect(
      ta[0].instalmentsPaid == tb[0].instalmentsPaid
        && ta[0].missed == tb[0].missed)
    #expect(
      ta[0].interestIncome.isApproximatelyEqual(
        to: tb[0].interestIncome, relativeTolerance: 1e-12))
    #expect(openA == openB)
  }
}

@Suite struct DisputeTests {
  /// Four loans at merchants 1, 2, 1, 0 for customers 0–3, each 1,000 yuan over 12 months.
  static func book() -> (LoanBook, [UInt8]) {
    var book = LoanBook()
    let terms = Amortization.terms(
      of: InstalmentProduct(termMonths: 12, pricing: .flatMonthlyFee(0.01)))
    for (c, m) in [1, 2, 1, 0].enumerated() {
      book.book(
        customer: c, ordinal: 0, arm: UInt8(c % 2), period: 1,
        principal: 1_000, terms: terms, missLogit: -30, rollLogit: -30,
        cureProbability: 0, prepaymentProbability: 0, merchant: UInt16(m))
    }
    return (book, [1, 1, 1, 1])
  }

  /// The four loans after merchant 1 fails, every customer tracked in the ledger.
  struct Settled {
    var book: LoanBook
    var open: [UInt8]
    var totals = [LoanBookTotals](repeating: LoanBookTotals(), count: 2)
    var ledger = CustomerLedger(count: 4)
    var byMerchant = [Double](repeating: 0, count: 6)
  }

  static func settle(rate: Double, clawback: [Double]) -> Settled {
    let (book, open) = Self.book()
    var s = Settled(book: book, open: open)
    s.book.settleDisputes(
      DisputeSettings(
        seed: 1, period: 3, firstCustomerIndex: 0,
        failedNow: [false, true, false], disputeRate: rate,
        clawbackShare: clawback),
      openLoans: &s.open, totals: &s.totals, customers: &s.ledger,
      byMerchant: &s.byMerchant)
    return s
  }

  @Test func everyLoanAtAFailedMerchantIsDisputedWhenEveryoneDisputes() {
    // Merchant 1 fails; arm 0 claws back 40%, arm 1 nothing.
    let s = Self.settle(rate: 1, clawback: [0, 0.4, 0, 0, 0, 0])
    #expect(s.book.count == 2 && s.book.merchant == [2, 0])
    #expect(s.open == [0, 1, 0, 1])
    #expect(s.totals[0].disputes == 2 && s.totals[0].disputedPrincipal == 2_000)
    #expect(s.totals[0].clawback == 800 && s.totals[1].disputes == 0)
    #expect(s.ledger.chargeOff == [1_000, 0, 1_000, 0])
    #expect(s.ledger.income == [400, 0, 400, 0])
    #expect(s.byMerchant == [0, 2_000, 0, 0, 0, 0])
  }

  @Test func nobodyDisputesAtARateOfZeroAndTradingMerchantsAreUntouched() {
    let s = Self.settle(rate: 0, clawback: [Double](repeating: 0.4, count: 6))
    #expect(s.book.count == 4 && s.open == [1, 1, 1, 1])
    #expect(s.totals[0].disputes == 0 && s.ledger.chargeOff == [0, 0, 0, 0])
  }

  /// A borrower's own miss shift (a firm's cash squeeze) raises that borrower's misses only.
  @Test func aBorrowerMissShiftRaisesOnlyThatBorrowersMisses() {
    var book = LoanBook()
    let terms = Amortization.terms(
      of: InstalmentProduct(termMonths: 12, pricing: .annualRate(0.1)))
    for c in 0..<4_000 {
      book.book(
        customer: c, ordinal: 0, arm: 0, period: 0, principal: 1_000,
        terms: terms, missLogit: -3, rollLogit: -30, cureProbability: 0,
        prepaymentProbability: 0)
    }
    var open = [UInt8](repeating: 1, count: 4_000)
    var totals = [LoanBookTotals(), LoanBookTotals()]
    var settings = RollSettings(
      seed: 5, period: 1, firstCustomerIndex: 0, chargeOffMonths: 4)
    // The first half squeezed by +2 on the logit: σ(−1) = 27% against σ(−3) = 4.7%.
    settings.borrowerMissShift = (0..<4_000).map { $0 < 2_000 ? 2 : 0 }
    var ledger = ChargeOffLedger(arms: 2, segments: 0, horizon: 0)
    var customers = CustomerLedger(count: 0)
    var status = BorrowerStatus(count: 4_000)
    book.roll(
      settings, openLoans: &open, totals: &totals, ledger: &ledger,
      customers: &customers, status: &status)
    let squeezed = Double(status.worstPastDue[..<2_000].filter { $0 > 0 }.count)
    let others = Double(status.worstPastDue[2_000...].filter { $0 > 0 }.count)
    #expect(abs(squeezed / 2_000 - 0.269) < 0.04)
    #expect(abs(others / 2_000 - 0.047) < 0.02)
  }
}
