import FenqiDecision
import Testing

@Suite struct FeatureLedgerTests {
  static let profile = ApplicationData(
    declaredIncome: 8000, bureauScore: 680, debtToIncome: 0.2,
    creditHistoryMonths: 36, priorDelinquencies: 0, age: 30, cityTier: 1,
    requestedAmount: 0, termMonths: 0, instalment: 0, externalApplications: 0,
    deviceApplicants: 1, openLoans: 0)

  static func row(
    _ ledger: FeatureLedger, period: Int, application: ApplicationData? = nil
  ) -> [Double] {
    var row = [Double](repeating: 0, count: LenderFeature.count)
    row.withUnsafeMutableBufferPointer {
      ledger.fill(
        $0.baseAddress.unsafelyUnwrapped, customer: 0, period: period,
        application: application, profile: profile)
    }
    return row
  }

  /// Events recorded month by month come back as 1/3/6-month windows over completed months,
  /// recency and trend.
  @Test func rollingWindowsCountCompletedMonths() {
    var ledger = FeatureLedger(count: 1)
    // Applications in months 1, 2, 4 and 7; a booking in month 2; a miss in month 6.
    for period in 1...7 {
      ledger.beginPeriod(period)
      ledger.recordRepayment(
        0, period: period, worstPastDue: period == 6 ? 1 : 0, balance: 0)
      if [1, 2, 4, 7].contains(period) {
        ledger.recordApplication(0, period: period)
      }
      if period == 2 { ledger.recordBooking(0, period: 2, principal: 3000) }
    }
    // Deciding in month 8: completed months 7, 6…5, 7…2.
    ledger.beginPeriod(8)
    ledger.recordRepayment(0, period: 8, worstPastDue: 0, balance: 1200)
    let r = Self.row(ledger, period: 8)
    typealias F = LenderFeature
    #expect(r[F.applications1m.rawValue] == 1)
    #expect(r[F.applications3m.rawValue] == 1)
    #expect(r[F.applications6m.rawValue] == 3)
    #expect(r[F.bookings6m.rawValue] == 1)
    #expect(r[F.bookedPrincipal6m.rawValue] == 3000)
    #expect(r[F.monthsSinceLastBooking.rawValue] == 6)
    #expect(r[F.monthsSinceLastMiss.rawValue] == 2)
    #expect(r[F.missedPayments3m.rawValue] == 1)
    #expect(r[F.tenureMonths.rawValue] == 6)
    #expect(abs(r[F.applicationTrend.rawValue] - (1 - 3.0 / 6)) < 1e-12)
    // Months 1 and 2 have left the six-month window (slots are reused).
    ledger.beginPeriod(9)
    #expect(Self.row(ledger, period: 9)[F.applications6m.rawValue] == 2)
  }

  /// A propensity row leaves the application's fields missing; an application row fills the
  /// cross feature instalment ÷ income × term.
  @Test func applicationFieldsAndCrossFeature() {
    let ledger = FeatureLedger(count: 1)
    let bare = Self.row(ledger, period: 3)
    for f in LenderFeature.allCases where !f.isKnownBeforeApplying {
      #expect(bare[f.rawValue].isNaN)
    }
    var a = Self.profile
    a.requestedAmount = 6000
    a.termMonths = 12
    a.instalment = 560
    let full = Self.row(ledger, period: 3, application: a)
    #expect(abs(full[LenderFeature.instalmentToIncome.rawValue] - 0.07) < 1e-12)
    #expect(abs(full[LenderFeature.burdenTimesTerm.rawValue] - 0.84) < 1e-12)
  }

  /// "Bad" is 90+ days past due within the window, from the monthly bit history.
  @Test func badWithinTheOutcomeWindow() {
    var ledger = FeatureLedger(count: 2)
    for period in 1...6 {
      ledger.beginPeriod(period)
      ledger.recordRepayment(
        0, period: period, worstPastDue: period == 2 ? 3 : 0, balance: 0)
      ledger.recordRepayment(1, period: period, worstPastDue: 2, balance: 0)
    }
    #expect(ledger.wentBad(0, withinLast: 5))
    #expect(!ledger.wentBad(0, withinLast: 4))
    #expect(!ledger.wentBad(1, withinLast: 6))
  }

  /// No field of the application record or feature list names a latent trait.
  @Test func nothingLatentIsAFeature() {
    let latent = [
      "latentRisk", "priceSensitivity", "digitalAffinity", "segment",
    ]
    let fields = Mirror(reflecting: Self.profile).children.compactMap(\.label)
    for name in latent {
      #expect(!fields.contains(name))
      #expect(!LenderFeature.names.contains(name))
    }
  }
}
