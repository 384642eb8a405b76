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

  /// Simulates one period for every customer of the chunk: roll the open loans, then need →
  /// reach → choice → approval → booking.
  mutating func step(
    period: Int, tables t: EngineTables, needProbability: [Double],
    inputs: MonthInputs = MonthInputs()
  ) {
    let lp = inputs.lender
    let tp = inputs.targeting
    let mp = inputs.merchants
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
    beginLenderPeriod(period)
    beginBusinessMonth(period: period, tables: t, merchants: mp)
    if let shift = business?.missShift, !shift.isEmpty {
      settings.borrowerMissShift = shift
    }
    loans.roll(
      settings, openLoans: &openLoans, totals: &bookTotals, ledger: &ledger,
      customers: &customerLedger, status: &borrowerStatus)
    observeRepayments(
      period: period, window: t.risk?.settings.outcomeMonths ?? 6)
    afterRollBusiness(tables: t)
    if let lp { scorePropensity(period: period, lender: lp) }
    let tracking = t.tracking
    let ledgerOn = customerLedger.isTracking
    let bt = t.business
    let revenueNow = business?.revenueNow ?? []
    let lineArms = bt?.lines.map { $0 != nil } ?? []
    let hasBusiness = bt != nil
    let categoryNeed = bt?.needMultiplier ?? []
    let firmSegments = bt?.isFirmSegment ?? []
    let periodStride = (bt?.periods ?? 0) + 1
    let bureauNow = business?.bureau ?? []
    // Lines and freezes do not change inside the loop (reviews and freezes come after it).
    let lineNow = business?.line ?? []
    let frozenNow = business?.frozen ?? []
    let segments = t.needRate.count

    let family = StreamFamily(
      seed: t.seed, period: UInt32(period), purpose: .customerMonth)
    let first = UInt64(customers.firstIndex)
    let split = t.split
    let full = t.payInFull
    let n = customers.count
    if mt.active {
      marketing?.scheduleContacts(
        period: period, arm: arm, customers: customers, tables: mt,
        seed: t.seed, propensity: lender?.propensity ?? [], counts: &counts)
      if let bits = marketing?.contacted {
        for i in 0..<n where bits[i] != 0 {
          lender?.ledger.recordContact(i, period: period)
          // Each channel's contact is charged to the customer it reached.
          if ledgerOn {
            customerLedger.income[i] -= Float(
              MarketingState.contactCost(bits: bits[i], tables: mt))
          }
        }
      }
    }
    if let tp { planTargeting(period: period, plan: tp, tables: t) }
    let targetingArms = tp?.arms.map { $0 != nil } ?? []
    let pilot = tp?.pilot ?? false
    let tt = t.targeting
    let organicOffset = tt?.settings.organicSplitOffset ?? 0
    let organicDigital = tt?.settings.organicDigitalAffinity ?? 0
    let risk = t.risk
    let fraudApply = risk?.settings.fraud.applyRate ?? 0
    let fraudMultiplier = risk?.settings.fraud.amountMultiplier ?? 1
    let propensityShare = risk?.recording == true ? 0.1 : 0.02
    let competitionLog = mt.competitionLog[period]
    let demandByArm = (0..<t.armCount).map { mt.needMultiplier[$0][period] }
    let campaignByArm = (0..<t.armCount).map { mt.inCampaign[$0][period] }
    let channelArms = mt.armUsesChannels
    // The APR cap, once in force, reprices the arms above it.
    let capped = t.macro.map { $0.path.aprCap[period] != nil } ?? false
    let armTerms = (0..<t.armCount).map {
      capped && t.macro?.capApplies[$0] == true
        ? t.macro?.cappedTerms[$0] ?? t.terms[$0] : t.terms[$0]
    }
    let armRateNow = (0..<t.armCount).map {
      capped && t.macro?.capApplies[$0] == true
        ? t.macro?.cappedRate[$0] ?? t.armRate[$0] : t.armRate[$0]
    }
    let armConstantNow = (0..<t.armCount).map {
      capped && t.macro?.capApplies[$0] == true
        ? t.macro?.cappedConstant[$0] ?? t.armSplitConstant[$0]
        : t.armSplitConstant[$0]
    }
    // Purchases at collapsed merchants no longer happen.
    let sectorStop =
      t.macro.map { m in m.path.sectorStop.map { $0[period] } } ?? []
    let collapse = sectorStop.contains { $0 > 0 }
    let sectorCumulative = t.macro?.sectorCumulative ?? []
    // Read-only views of this period's marketing columns, taken once.
    let contactedBits = marketing?.contacted ?? []
    let invitedBy = marketing?.invitedNow ?? []
    let fatigueNow = marketing?.fatigue ?? []
    let tiers = marketing?.tier ?? []
    var local = counts
    local.withUnsafeMutableBufferPointer { counts in
      arm.withUnsafeBufferPointer { arm in
        customers.segment.withUnsafeBufferPointer { segment in
          needProbability.withUnsafeBufferPointer { needProbability in
            t.reach.withUnsafeBufferPointer { reach in
              for i in 0..<n {
                let a = Int(arm[i])
                let seg = Int(segment[i])
                let stream = family.stream(for: first + UInt64(i))
                let channelArm = channelArms[a]
                let targetingArm = !targetingArms.isEmpty && targetingArms[a]
                var planned = -1
                var reached: Bool
                // The best contact's (log response, channel) for channel arms.
                var contact: (Double, Int)? = nil
                if channelArm {
                  contact = MarketingState.bestContact(
                    bits: contactedBits[i], invited: invitedBy[i] >= 0,
                    segment: seg, arm: a, tables: mt)
                  reached = contact != nil
                  if reached { counts[a].reached += 1 }
                } else if targetingArm {
                  // The policy's plan: contact with offer `planned`, or not at all.
                  planned = Int(targeting?.plan[i] ?? -1)
                  reached = planned >= 0
                  if reached, let tt {
                    counts[a].reached += 1
                    lender?.ledger.recordContact(i, period: period)
                    let cost = tt.contactCost[planned] ?? t.costPerContact[a]
                    counts[a].targeting.contactCost += cost
                    if ledgerOn { customerLedger.income[i] -= Float(cost) }
                  }
                } else {
                  let reachRate = reach[a]
                  reached =
                    reachRate >= 1
                    || (reachRate > 0
                      && stream.uniform(at: CustomerMonthDraw.reach) < reachRate)
                  if reached {
                    counts[a].reached += 1
                    if lp != nil {
                      lender?.ledger.recordContact(i, period: period)
                    }
                    if ledgerOn {
                      customerLedger.income[i] -= Float(t.costPerContact[a])
                    }
                  }
                }
                if let lp, let fraud = lender?.fraud, fraud[i] != 0 {
                  // A fraudster: no purchase of their own, just applications for large amounts.
                  if stream.uniform(at: CustomerMonthDraw.fraudsterApplies)
                    < fraudApply,
                    let stack = lp.stacks[a]
                  {
                    counts[a].applications += 1
                    countSegment(
                      .applications, arm: a, segment: seg, segments: segments,
                      by: 1)
                    let list = t.price(
                      segment: seg, income: customers.monthlyIncome[i],
                      normal: Normal.quantile(
                        stream.openUniform(at: CustomerMonthDraw.price)))
                    let amount = list * fraudMultiplier
                    if let booked = decideWithStack(
                      i, arm: a, segment: seg, period: period, price: amount,
                      terms: armTerms[a], isFraud: true, stack: stack,
                      lender: lp,
                      tables: t, stream: stream, counts: &counts[a])
                    {
                      counts[a].approvals += 1
                      counts[a].bookings += 1
                      counts[a].gmv += amount
                      counts[a].bookedPrincipal += amount
                      countSegment(
                        .bookings, arm: a, segment: seg, segments: segments,
                        by: 1)
                      countSegment(
                        .bookedPrincipal, arm: a, segment: seg,
                        segments: segments, by: amount)
                      // First-payment default: never pays, rolls to charge-off.
                      bookLoan(
                        i, arm: a, segment: seg, period: period,
                        principal: amount, terms: booked, missLogit: 30,
                        rollLogit: 30, cure: 0, prepayment: 0)
                    } else {
                      counts[a].declines += 1
                    }
                  }
                  continue
                }
                let propensityRow =
                  reached && lp != nil
                  ? recordPropensityRow(
                    i, arm: a, period: period, stream: stream,
                    share: propensityShare) : -1
                var needThreshold =
                  needMultiplier.isEmpty
                  ? needProbability[seg]
                  : needProbability[seg] * Double(needMultiplier[i])
                let demand = demandByArm[a]
                if demand != 1 { needThreshold *= demand }
                // Categories' seasons and shocks; a firm buys with its revenue.
                var kind = 0
                if !categoryNeed.isEmpty {
                  needThreshold *= categoryNeed[seg * periodStride + period]
                  if firmSegments[seg] {
                    kind = 1
                    needThreshold *= Double(revenueNow[i])
                  }
                }
                if channelArm, contact?.1 == mt.channelCount {
                  // A warm referral contact comes with a deal the friend wants.
                  needThreshold = Swift.max(
                    needThreshold, mt.referral[a]?.invitedNeed ?? 0)
                }
                if targetingArm, let tt {
                  recordTargetingTruth(
                    i, arm: a, segment: seg, period: period, planned: planned,
                    need: needThreshold, pilot: pilot, stream: stream,
                    tables: t, offers: tt,
                    arm: (armConstantNow[a], armRateNow[a], armTerms[a]),
                    competitionLog: competitionLog, counts: &counts[a])
                }
                if stream.uniform(at: CustomerMonthDraw.need) >= needThreshold {
                  continue
                }
                if collapse {
                  let (sector, _) = RollStress.sector(
                    seed: t.seed, customer: customers.firstIndex + i,
                    ordinal: Int(bookingCount[i]), cumulative: sectorCumulative)
                  if sectorStop[sector] > 0 { continue }
                }
                // The need's category and, when it has merchant agents, a trading merchant.
                var category = -1
                var merchant = 0
                if hasBusiness, let bt {
                  guard
                    let place = Self.place(
                      segment: seg, period: period, stream: stream,
                      tables: bt, merchants: mp)
                  else {
                    counts[a].business[kind].lostNeeds += 1
                    continue
                  }
                  (category, merchant) = place
                }
                counts[a].needs += 1
                segmentCounts[
                  SegmentField.index(
                    .needs, arm: a, segment: seg, segments: segments)] += 1
                if !reached && full == nil && !targetingArm { continue }
                let income = customers.monthlyIncome[i]
                let listPrice =
                  category >= 0
                  ? bt?.price(
                    category: category,
                    incomeScale: t.incomeScale(segment: seg, income: income),
                    normal: Normal.quantile(
                      stream.openUniform(at: CustomerMonthDraw.price))) ?? 0
                  : t.price(
                    segment: seg, income: income,
                    normal: Normal.quantile(
                      stream.openUniform(at: CustomerMonthDraw.price)))
                var variant: SharedOfferVariant? = nil
                if planned >= 0, let tt { variant = tt.offers[planned] }
                if channelArm {
                  let inCampaign = campaignByArm[a]
                  let tierOK =
                    inCampaign
                    && Int(tiers[i]) >= mt.minimumTier[a]
                  variant =
                    mt.variants[
                      mt.variant(
                        arm: a, inCampaign: inCampaign, segment: seg,
                        tierQualifies: tierOK)]
                }
                // A discount lowers what is financed; a lottery ticket feels like money off.
                let price =
                  variant?.offer.discount?.apply(listPrice) ?? listPrice
                let felt = Swift.max(
                  0, price - (variant?.offer.lotteryValue ?? 0))
                let priceToIncome = felt / income
                var terms = variant?.offer.terms ?? armTerms[a]
                if category >= 0, variant == nil, !capped, let bt {
                  // The category's typical terms under the arm's offer.
                  terms = bt.terms(
                    arm: a, category: category,
                    u: stream.uniform(at: CustomerMonthDraw.term))
                }
                let instalment = price * terms.paymentPerYuan
                var eSplit = 0.0
                if reached || targetingArm {
                  var utility =
                    (variant?.offer.splitConstant ?? armConstantNow[a])
                    + t.splitOffset[seg] + split
                    .priceToIncome * priceToIncome
                    + split.instalmentToIncome * instalment / income
                    + split.digitalAffinity
                    * Double(customers.digitalAffinity[i])
                    + split.priceSensitivityRate
                    * Double(customers.priceSensitivity[i])
                    * (variant?.offer.rate ?? armRateNow[a])
                  if let contact {
                    // Channel response, fatigue exp(−λF) on the odds, service, rivals.
                    utility +=
                      contact.0
                      - Double(mt.lambda * fatigueNow[i])
                      + (variant?.offer.serviceUtility ?? 0)
                  }
                  if competitionLog != 0 { utility -= competitionLog }
                  if category >= 0, let bt {
                    utility += bt.propensityLogit[category]
                  }
                  // Uncontacted customers of a targeting arm may still split (organic demand).
                  if !reached {
                    utility +=
                      organicOffset + organicDigital
                      * Double(customers.digitalAffinity[i])
                  } else if planned >= 0, let tt {
                    // The offer's channel: response multiplier and segment affinity.
                    utility += tt.responseLog[planned * tt.segments + seg]
                  }
                  eSplit = exp(utility)
                }
                var eFull = 0.0
                if let full {
                  eFull = exp(
                    full.intercept + full.priceToIncome * priceToIncome)
                }
                let scaled =
                  stream.uniform(at: CustomerMonthDraw.choice)
                  * (1 + eSplit + eFull)
                if scaled < eSplit {
                  counts[a].applications += 1
                  if tracking { outcomes.applications[i] += 1 }
                  segmentCounts[
                    SegmentField.index(
                      .applications, arm: a, segment: seg, segments: segments)] +=
                    1
                  if let contact {
                    counts[a].marketing.channels[contact.1].applied += 1
                  }
                  if propensityRow >= 0 {
                    lender?.propensityRows[a].labels[propensityRow] = 1
                  }
                  let burden = instalment / income
                  var approved: Bool
                  if let lp, let stack = lp.stacks[a] {
                    if let booked = decideWithStack(
                      i, arm: a, segment: seg, period: period, price: price,
                      terms: terms, isFraud: false, stack: stack, lender: lp,
                      tables: t, stream: stream, counts: &counts[a])
                    {
                      approved = true
                      terms = booked
                    } else {
                      approved = false
                    }
                  } else {
                    let score =
                      bureauNow.isEmpty
                      ? customers.creditScore[i] : bureauNow[i]
                    approved =
                      Double(score) >= t.minimumScore[a]
                      && Int(openLoans[i]) < t.maxOpenLoans[a]
                      && Double(customers.debtToIncome[i]) + burden
                        <= t.maxDebtToIncome[a]
                  }
                  if approved, let v = variant?.offer,
                    price > v.maxPrincipal
                      || (v.guaranteeTakeUp < 1
                        && stream.uniform(at: CustomerMonthDraw.guarantor)
                          >= v.guaranteeTakeUp)
                  {
                    // Segment strategy: a principal cap or no guarantor.
                    approved = false
                    counts[a].marketing.strategyDeclines += 1
                  }
                  if approved, !lineArms.isEmpty, lineArms[a],
                    frozenNow[i] != 0
                      || Double(business?.used[i] ?? 0) + price
                        > Double(lineNow[i])
                  {
                    // A frozen line books nothing; a purchase must fit the line.
                    approved = false
                    counts[a].business[kind].lineDeclines += 1
                  }
                  guard approved else {
                    counts[a].declines += 1
                    continue
                  }
                  counts[a].approvals += 1
                  segmentCounts[
                    SegmentField.index(
                      .bookings, arm: a, segment: seg, segments: segments)] += 1
                  segmentCounts[
                    SegmentField.index(
                      .bookedPrincipal, arm: a, segment: seg, segments: segments
                    )] += price
                  counts[a].bookings += 1
                  counts[a].gmv += listPrice
                  counts[a].bookedPrincipal += price
                  if targetingArm {
                    targetingBooked(
                      i, planned: planned, discount: listPrice - price,
                      counts: &counts[a])
                  }
                  if channelArm {
                    bookedThroughMarketing(
                      i, arm: a, period: period, listPrice: listPrice,
                      price: price, variant: variant, contact: contact,
                      stream: stream, tables: t, counts: &counts[a])
                  }
                  counts[a].merchantSubsidy +=
                    price * terms.merchantSubsidyPerYuan
                  if tracking {
                    outcomes.bookings[i] += 1
                    outcomes.gmv[i] += Float(listPrice)
                    outcomes.bookedPrincipal[i] += Float(price)
                  }
                  if ledgerOn {
                    customerLedger.income[i] += Float(
                      price * terms.merchantSubsidyPerYuan)
                  }
                  var firmLogit = 0.0
                  if let bt {
                    firmLogit = recordPurchase(
                      i, arm: a, segment: seg, kind: kind, period: period,
                      listPrice: listPrice, financed: price,
                      merchant: merchant, tables: bt, counts: &counts[a])
                  }
                  let z = Double(customers.latentRisk[i])
                  bookLoan(
                    i, arm: a, segment: seg, period: period, principal: price,
                    terms: terms,
                    missLogit: t.hazard.missLogit(
                      latentRisk: z, burden: burden, offset: t.missOffset[seg])
                      - (variant?.offer.guaranteed == true ? 0.5 : 0)
                      + firmLogit,
                    rollLogit: t.hazard.rollLogit(
                      latentRisk: z, offset: t.rollOffset[seg]),
                    cure: t.cure[seg], prepayment: t.prepayment[seg],
                    merchant: UInt16(merchant))
                } else if scaled < eSplit + eFull {
                  counts[a].paidInFull += 1
                  counts[a].gmv += listPrice
                  if tracking { outcomes.gmv[i] += Float(listPrice) }
                  if let bt {
                    _ = recordPurchase(
                      i, arm: a, segment: seg, kind: kind, period: period,
                      listPrice: listPrice, financed: 0, merchant: merchant,
                      tables: bt, counts: &counts[a])
                  }
                }
              }
            }
          }
        }
      }
    }
    counts = local
    marketing?.endPeriod()
    if let macro = t.macro, t.computesProvisions {
      addProvisions(period: period, macro: macro, tables: t)
    }
    for a in 0..<t.armCount { counts[a].book = bookTotals[a] }
    if ledgerOn { chargeFunding(t.monthlyFunding(period: period)) }
    endBusinessMonth(period: period, tables: t)
    if tracking {
      if t.snapshotEveryPeriod || period == t.periods {
        metricSums = snapshot(tables: t)
      }
    }
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
    bookingCount[i] &+= 1
    openLoans[i] += 1
    bookTotals[a].addBalance(principal, bucket: 0)
    bookTotals[a].openLoans += 1
  }
}
