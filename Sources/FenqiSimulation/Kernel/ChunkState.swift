import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiPopulation
import Foundation

/// A fixed block of customers with their loans and this period's counts.
///
/// Chunks never share state, so they run on any thread; the engine merges their counts in chunk
/// order.
struct ChunkState: Sendable {
  /// The chunk size, whatever the thread count.
  static let size = 8192

  var customers: CustomerColumns
  var arm: [UInt8]
  var openLoans: [UInt8]
  var bookingCount: [UInt16]
  var loans: LoanBook
  var counts: [ArmPeriodCounts]
  var bookTotals: [LoanBookTotals]
  var customersPerArm: [Int]
  /// Charge-offs by arm, segment and vintage, over the whole run.
  var ledger: ChargeOffLedger
  /// Funnel counts by arm and segment over the whole run (see ``SegmentField``).
  var segmentCounts: [Double]
  /// Each customer's persistent need multiplier (empty when no segment has heterogeneity).
  var needMultiplier: [Float] = []
  /// Per-customer outcomes for experiment metrics (empty unless the scenario declares an experiment).
  var outcomes: CustomerOutcomes
  /// Per-customer income and charge-offs credited by the loan roll (empty unless tracking).
  var customerLedger: CustomerLedger
  /// This period's metric sums per arm × declared metric (tracking only).
  var metricSums: [MomentSums] = []
  /// The metric sums of each period simulated since the last merge (tracking only).
  var metricHistory: [[MomentSums]] = []
  /// This epoch's counts, one row per period simulated since the last merge.
  var history: [[ArmPeriodCounts]] = []
  /// Channels, fatigue, referrals and points (nil when no arm uses channels).
  var marketing: MarketingState?
  /// The lender's feature ledger, fraudsters and model rows (nil without a risk stack).
  var lender: LenderState?
  /// Each borrower's worst months past due and balance after the month's roll (tracked only
  /// with a risk stack).
  var borrowerStatus = BorrowerStatus(count: 0)
  /// Targeting plans and the pilot's log (nil without a targeting arm).
  var targeting: TargetingState?
  /// Firms, lines, purchases, value and merchant reports (nil without `business`).
  var business: BusinessState?
  /// The monthly performance of the chunk's sampled loans (records nothing without a tape).
  var tape = LoanTapeLog(limit: 0)
  /// The seed of the loans' sampling keys.
  var tapeSeed: UInt64 = 0
  /// The run's last period: loans booked in it have no month on book and are not sampled.
  var tapeLastPeriod = 0
  /// With a seasoned book: whether each customer is already counted as a borrower of the window
  /// (a seasoned loan, or a booking in it); empty otherwise.
  var windowBorrower: [Bool] = []

  init(customers: CustomerColumns, tables: EngineTables) {
    self.customers = customers
    let n = customers.count
    arm = (0..<n).map {
      tables.forcedArm ?? tables.arm(ofCustomer: customers.firstIndex + $0)
    }
    if tables.needHeterogeneity.contains(where: { $0 > 0 }) {
      needMultiplier = CustomerOutcomes.needMultipliers(
        customers, tables: tables)
    }
    outcomes = CustomerOutcomes(count: tables.tracking ? n : 0)
    customerLedger = CustomerLedger(
      count: tables.tracking || tables.business != nil ? n : 0)
    if tables.tracking && tables.prePeriods > 0 {
      outcomes.preSpend = CustomerOutcomes.preSpend(customers, tables: tables)
    }
    if tables.marketing.active {
      marketing = MarketingState(
        customers: customers, tables: tables.marketing, seed: tables.seed)
    }
    if let risk = tables.risk {
      lender = LenderState(
        count: n, firstIndex: customers.firstIndex, arms: tables.armCount,
        seed: tables.seed, fraud: risk.settings.fraud)
      borrowerStatus = BorrowerStatus(count: n)
    }
    if let tt = tables.targeting {
      targeting = TargetingState(count: n, offers: tt.offers.count)
    }
    if let bt = tables.business {
      business = BusinessState(
        customers: customers, tables: bt, arms: tables.armCount,
        seed: tables.seed)
      if !borrowerStatus.isTracking {
        borrowerStatus = BorrowerStatus(count: n)
      }
    }
    openLoans = .init(repeating: 0, count: n)
    bookingCount = .init(repeating: 0, count: n)
    loans = LoanBook(capacity: n / 2)
    if tables.tapeLoans > 0 {
      tape = LoanTapeLog(limit: tables.tapeLoans)
      tapeSeed = tables.seed
      tapeLastPeriod = tables.periods
      loans.recordsTape = true
    }
    counts = .init(repeating: ArmPeriodCounts(), count: tables.armCount)
    bookTotals = .init(repeating: LoanBookTotals(), count: tables.armCount)
    customersPerArm = .init(repeating: 0, count: tables.armCount)
    for a in arm { customersPerArm[Int(a)] += 1 }
    let segments = tables.needRate.count
    ledger = ChargeOffLedger(
      arms: tables.armCount, segments: segments,
      horizon: min(tables.periods, 60))
    segmentCounts = .init(
      repeating: 0, count: tables.armCount * segments * SegmentField.count)
    for i in 0..<n {
      segmentCounts[
        SegmentField.index(
          .customers, arm: Int(arm[i]), segment: Int(customers.segment[i]),
          segments: segments)] += 1
    }
    if let bt = tables.business { openLines(tables: bt) }
  }
}

extension ChunkState {
  /// Adds `amount` to a funnel counter of (arm, segment).
  @inline(__always)
  mutating func countSegment(
    _ field: SegmentField, arm a: Int, segment seg: Int, segments: Int,
    by amount: Double
  ) {
    segmentCounts[
      SegmentField.index(field, arm: a, segment: seg, segments: segments)] +=
      amount
  }

  /// Whether customer `i`'s booking now makes them a new borrower of the run (their first loan;
  /// with a seasoned book, their first in the window unless they carried a seasoned loan into it).
  @inline(__always)
  mutating func isNewBorrower(_ i: Int) -> Bool {
    guard !windowBorrower.isEmpty else { return bookingCount[i] == 0 }
    guard !windowBorrower[i] else { return false }
    windowBorrower[i] = true
    return true
  }

  /// Books a new loan for customer `i` and counts it in the book's totals and the customer's
  /// open loans and booking ordinal.
  @inline(__always)
  mutating func bookLoan(
    _ i: Int, arm a: Int, segment seg: Int, period: Int, principal: Double,
    terms: PlanTerms, missLogit: Double, rollLogit: Double, cure: Double,
    prepayment: Double, merchant: UInt16 = 0
  ) {
    loans.book(
      customer: i, ordinal: bookingCount[i], arm: UInt8(a),
      segment: UInt8(seg), period: period, principal: principal, terms: terms,
      missLogit: missLogit, rollLogit: rollLogit, cureProbability: cure,
      prepaymentProbability: prepayment, merchant: merchant)
    if tape.isRecording, period < tapeLastPeriod {
      sampleForTape(
        i, arm: a, segment: seg, period: period, principal: principal,
        terms: terms)
    }
    bookingCount[i] &+= 1
    openLoans[i] += 1
    bookTotals[a].addBalance(principal, bucket: 0)
    bookTotals[a].openLoans += 1
  }
}
