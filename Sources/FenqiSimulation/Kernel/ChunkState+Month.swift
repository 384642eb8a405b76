import FenqiCore
import FenqiCredit

/// One simulated month of a chunk: roll the book, let the features prepare the month, run every
/// customer through the stages, then close the month.
extension ChunkState {
  /// Simulates one period for every customer of the chunk: roll the open loans, then need →
  /// reach → choice → approval → booking.
  mutating func step(
    period: Int, tables t: EngineTables, needProbability: [Double],
    inputs: MonthInputs = MonthInputs()
  ) {
    rollBook(period: period, tables: t, inputs: inputs)
    guard period <= t.window else {
      // A run-off month: the lender collects; nobody is contacted and nothing is booked.
      closeMonth(period: period, tables: t)
      return
    }
    if let lp = inputs.lender { scorePropensity(period: period, lender: lp) }
    if t.marketing.active { scheduleMonthContacts(period: period, tables: t) }
    if let tp = inputs.targeting {
      planTargeting(period: period, plan: tp, tables: t)
    }
    let view = MonthView(
      period: period, tables: t, needProbability: needProbability,
      inputs: inputs, chunk: self)
    var local = counts
    local.withUnsafeMutableBufferPointer { counts in
      arm.withUnsafeBufferPointer { arm in
        customers.segment.withUnsafeBufferPointer { segment in
          for i in 0..<arm.count {
            stepCustomer(
              i, arm: Int(arm[i]), segment: Int(segment[i]), view: view,
              counts: counts)
          }
        }
      }
    }
    counts = local
    closeMonth(period: period, tables: t)
  }

  /// Resets the month's counts and rolls the open loans (with the month's macro stress and the
  /// borrowers' own shifts), then lets the lender and the business layer observe the roll.
  private mutating func rollBook(
    period: Int, tables t: EngineTables, inputs: MonthInputs
  ) {
    let mt = t.marketing
    for a in 0..<t.armCount {
      counts[a] = ArmPeriodCounts()
      if mt.active {
        counts[a].marketing = MarketingCounts(channels: mt.channelCount)
      }
      bookTotals[a] = LoanBookTotals()
    }
    var settings = RollSettings(
      seed: t.repaymentSeed, period: period,
      firstCustomerIndex: customers.firstIndex,
      missShift: t.hazard.missMacro * t.systematicFactor,
      rollShift: t.hazard.rollMacro * t.systematicFactor,
      chargeOffMonths: t.chargeOffMonths,
      recoveryShare: period + t.recoveryLag <= t.periods ? t.recoveryRate : 0)
    settings.stress = t.macro?.stress(
      period: period, noise: t.factorNoise?[period], seed: t.seed)
    settings.armLossShare = t.platformLossShare
    settings.partialPrepaymentShare = t.partialPrepaymentShare
    settings.partialPrepaymentFraction = t.partialPrepaymentFraction
    settings.buckets = t.buckets
    settings.collections = t.collections
    settings.tapeRecoveryRate = t.recoveryRate
    beginLenderPeriod(period)
    beginBusinessMonth(period: period, tables: t, merchants: inputs.merchants)
    if let shift = business?.missShift, !shift.isEmpty {
      settings.borrowerMissShift = shift
    }
    loans.roll(
      settings, openLoans: &openLoans, totals: &bookTotals, ledger: &ledger,
      customers: &customerLedger, status: &borrowerStatus, tape: &tape)
    tape.prune(book: &loans)
    observeRepayments(
      period: period, window: t.risk?.settings.outcomeMonths ?? 6)
    afterRollBusiness(tables: t)
  }

  /// The month's channel contacts, recorded in the lender's ledger and charged to the customers
  /// they reached.
  private mutating func scheduleMonthContacts(
    period: Int, tables t: EngineTables
  ) {
    let mt = t.marketing
    marketing?.scheduleContacts(
      period: period, arm: arm, customers: customers, tables: mt,
      seed: t.seed, propensity: lender?.propensity ?? [], counts: &counts)
    guard let bits = marketing?.contacted else { return }
    let ledgerOn = customerLedger.isTracking
    for i in 0..<customers.count where bits[i] != 0 {
      lender?.ledger.recordContact(i, period: period)
      // Each channel's contact is charged to the customer it reached.
      if ledgerOn {
        customerLedger.income[i] -= Float(
          MarketingState.contactCost(bits: bits[i], tables: mt))
      }
    }
  }

  /// Closes the month: fatigue, provisions, the book's totals, funding, the business layer's
  /// reviews, and the tracked metrics' snapshot.
  private mutating func closeMonth(period: Int, tables t: EngineTables) {
    marketing?.endPeriod()
    if let macro = t.macro, t.computesProvisions {
      addProvisions(period: period, macro: macro, tables: t)
    }
    for a in 0..<t.armCount { counts[a].book = bookTotals[a] }
    if customerLedger.isTracking {
      chargeCarryingCost(t.monthlyCarryingCost(period: period))
    }
    endBusinessMonth(period: period, tables: t)
    if t.tracking,
      t.snapshotEveryPeriod || period == t.periods || period == t.window
    {
      metricSums = snapshot(tables: t)
    }
  }
}
