import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// The business layer's monthly steps: disputes at failed merchants, firms' cash flow and the
/// bureau before the roll; line monitoring after it; purchases in the customer loop; reviews,
/// value and merchant exposure at the month's end.
extension ChunkState {
  /// Opens each customer's line under their arm's policy: a multiple of monthly income (a firm's
  /// monthly revenue), capped by the policy's ceiling.
  mutating func openLines(tables bt: BusinessTables) {
    guard bt.hasLines else { return }
    for i in 0..<customers.count {
      guard let policy = bt.lines[Int(arm[i])] else {
        business?.line[i] = 0
        continue
      }
      business?.line[i] = Float(
        min(
          policy.maxLine,
          policy.initialIncomeMultiple * customers.monthlyIncome[i]))
    }
  }

  /// Settles disputes at merchants failing this month, sets each firm's cash-flow shift for the
  /// roll and moves every bureau score.
  mutating func beginBusinessMonth(
    period t: Int, tables: EngineTables, merchants: MerchantPeriod?
  ) {
    guard var b = business, let bt = tables.business else { return }
    business = nil
    for i in b.merchantFinanced.indices {
      b.merchantFinanced[i] = 0
      b.merchantExposure[i] = 0
      b.merchantDisputed[i] = 0
    }
    if let merchants {
      loans.settleDisputes(
        DisputeSettings(
          seed: tables.seed, period: t,
          firstCustomerIndex: customers.firstIndex,
          failedNow: merchants.failedNow,
          disputeRate: bt.settings.disputeRate,
          clawbackShare: merchants.clawbackShare,
          armLossShare: tables.platformLossShare),
        openLoans: &openLoans, totals: &bookTotals,
        customers: &customerLedger, byMerchant: &b.merchantDisputed)
    }
    if let firms = b.firms, let f = bt.firms {
      for i in 0..<customers.count
      where bt.isFirmSegment[Int(customers.segment[i])] {
        let sector = Int(firms.sector[i])
        // Cash arrives receivable days after the sale.
        let cash = bt.revenueIndex(
          sector: sector, amplitude: firms.amplitude[i],
          period: t - firms.receivableLag(i), startMonth: tables.startMonth)
        b.cashIndex[i] = Float(cash)
        b.missShift[i] = Float(-f.cashFlowSensitivity * log(max(cash, 0.05)))
        b.revenueNow[i] = Float(
          bt.revenueIndex(
            sector: sector, amplitude: firms.amplitude[i], period: t,
            startMonth: tables.startMonth))
      }
    }
    if bt.hasLines {
      let d = bt.settings.bureau
      let family = StreamFamily(
        seed: tables.seed, period: UInt32(t), purpose: .customerMonth)
      let first = UInt64(customers.firstIndex)
      for i in 0..<customers.count {
        let u = family.stream(for: first + UInt64(i)).uniform(
          at: CustomerMonthDraw.bureauEvent)
        if u < Double(b.bureauEvent[i]) {
          b.bureau[i] -= Float(d.dropPoints)
        } else {
          b.bureau[i] +=
            Float(d.recoveryRate) * (customers.creditScore[i] - b.bureau[i])
        }
      }
    }
    if lender == nil { borrowerStatus.reset() }
    business = b
  }

  /// After the roll: outstanding balances, clean months and freezes on delinquency or a bureau
  /// drop (monitored monthly).
  mutating func afterRollBusiness(tables: EngineTables) {
    guard var b = business, let bt = tables.business else { return }
    business = nil
    for i in 0..<customers.count {
      b.used[i] = borrowerStatus.balance[i]
    }
    if bt.hasLines {
      for i in 0..<customers.count {
        let worst = borrowerStatus.worstPastDue[i]
        b.clean[i] = worst == 0 ? b.clean[i] &+ (b.clean[i] < 255 ? 1 : 0) : 0
        b.worstSinceReview[i] = max(b.worstSinceReview[i], worst)
        let a = Int(arm[i])
        guard let policy = bt.lines[a], b.frozen[i] == 0 else { continue }
        let drop = Double(b.bureauAtReview[i] - b.bureau[i])
        if Int(worst) >= policy.freezeMonthsPastDue
          || (policy.freezeBureauDrop > 0 && drop >= policy.freezeBureauDrop)
        {
          b.frozen[i] = 1
          let kind = bt.isFirmSegment[Int(customers.segment[i])] ? 1 : 0
          counts[a].business[kind].freezes += 1
        }
      }
    }
    business = b
  }

  /// The month's end: scheduled line reviews, each customer's net cash flow and value, stocks by
  /// kind, merchant exposure, and at the horizon the value fields by segment.
  mutating func endBusinessMonth(period t: Int, tables: EngineTables) {
    guard var b = business, let bt = tables.business else { return }
    business = nil
    let segments = bt.isFirmSegment.count
    let discount = bt.discount[t]
    let reviewing = bt.lines.map {
      $0.map { t % $0.reviewEveryMonths == 0 } ?? false
    }
    // Per arm × kind, updated in place (no copy of the counts per customer).
    var kinds = [KindCounts](
      repeating: KindCounts(), count: 2 * tables.armCount)
    for i in 0..<customers.count {
      let a = Int(arm[i])
      let seg = Int(customers.segment[i])
      let kind = bt.isFirmSegment[seg] ? 1 : 0
      let slot = 2 * a + kind
      if let policy = bt.lines[a] {
        if reviewing[a] {
          review(&b, i, policy: policy, counts: &kinds[slot])
        }
        kinds[slot].lines += 1
        kinds[slot].lineTotal += Double(b.line[i])
        kinds[slot].lineUsed += Double(b.used[i])
        if b.frozen[i] != 0 { kinds[slot].frozen += 1 }
      }
      let worst = borrowerStatus.worstPastDue[i]
      if b.previousState[i] == 1 {
        kinds[slot].currentBorrowers += 1
        if worst > 0 { kinds[slot].newlyDelinquent += 1 }
      }
      let owes = b.used[i] > 0
      b.previousState[i] = owes ? (worst > 0 ? 2 : 1) : 0
      kinds[slot].customers += 1
      if owes {
        kinds[slot].borrowers += 1
        kinds[slot].balance += Double(b.used[i])
        if worst > 0 { kinds[slot].delinquentBorrowers += 1 }
      }
      if kind == 1, !b.cashIndex.isEmpty {
        kinds[slot].cashIndexSum += Double(b.cashIndex[i])
      }
      // Net cash flow: the change in the customer's ledger this month.
      let net = customerNet(i, tables: tables)
      let flow = net - b.previousNet[i]
      b.previousNet[i] = net
      kinds[slot].writtenOff += Double(
        customerLedger.chargeOff[i] - b.previousWrittenOff[i])
      b.previousWrittenOff[i] = customerLedger.chargeOff[i]
      kinds[slot].netCashFlow += flow
      kinds[slot].discountedCashFlow += flow * discount
      b.value[i] += flow * discount
    }
    for a in 0..<tables.armCount {
      for kind in 0..<2 { counts[a].business[kind].add(kinds[2 * a + kind]) }
    }
    let slots = bt.merchantSlots
    if slots > 1 {
      for j in 0..<loans.count where loans.merchant[j] > 0 {
        b.merchantExposure[
          Int(loans.arm[j]) * slots + Int(loans.merchant[j])] +=
          loans.principal[j]
      }
    }
    if t == tables.periods {
      let churnAfter = bt.settings.customerValue.churnAfterMonths
      for i in 0..<customers.count {
        let base = ValueField.index(
          .customers, arm: Int(arm[i]), segment: Int(customers.segment[i]),
          segments: segments)
        func add(_ f: ValueField, _ x: Double = 1) {
          b.segmentValue[base + f.rawValue] += x
        }
        add(.customers)
        add(.valueSum, b.value[i])
        if b.value[i] < 0 { add(.negativeValue) }
        let bought = b.purchases[i]
        if bought >= 1 { add(.purchasers) }
        if bought >= 2 { add(.repeatPurchasers) }
        // A purchaser with nothing bought lately and nothing owed has churned.
        if bought >= 1, t - Int(b.lastPurchase[i]) >= churnAfter,
          openLoans[i] == 0
        {
          add(.churned)
        }
      }
    }
    business = b
  }

  /// A need's category (by the segment's weights this month) and, when the category has merchant
  /// agents, a trading merchant by sales share; nil when every merchant of the category has failed.
  ///
  /// Kept out of line so that the customer loop stays small for scenarios without `business`.
  @inline(never)
  static func place(
    segment seg: Int, period: Int, stream: RandomStream,
    tables bt: BusinessTables,
    merchants mp: MerchantPeriod?
  ) -> (category: Int, merchant: Int)? {
    let category = bt.category(
      segment: seg, period: period,
      u: stream.uniform(at: CustomerMonthDraw.category))
    guard let mp else { return (category, 0) }
    guard
      let m = mp.merchant(
        in: bt.categorySlots[category],
        u: stream.uniform(at: CustomerMonthDraw.merchant))
    else { return nil }
    return (category, m)
  }

  /// Records a purchase (split when `financed` > 0, else paid in full) in the customer's
  /// columns, the kind's counts, the segment's order values and the merchant's sales.
  ///
  /// Kept out of line, like ``place(segment:period:stream:tables:merchants:)``.
  ///
  /// - Returns: the miss-logit term of a firm's age and size (0 for people and cash purchases).
  @inline(never)
  mutating func recordPurchase(
    _ i: Int, arm a: Int, segment seg: Int, kind: Int, period: Int,
    listPrice: Double, financed: Double, merchant: Int,
    tables bt: BusinessTables, counts: inout ArmPeriodCounts
  ) -> Double {
    let slots = bt.merchantSlots
    business?.purchases[i] &+= 1
    business?.lastPurchase[i] = UInt16(period)
    counts.business[kind].purchases += 1
    let base = ValueField.index(
      .customers, arm: a, segment: seg, segments: bt.isFirmSegment.count)
    guard financed > 0 else {
      counts.business[kind].cashOrders += 1
      counts.business[kind].cashOrderValue += listPrice
      business?.segmentValue[base + ValueField.cashOrders.rawValue] += 1
      business?.segmentValue[base + ValueField.cashOrderValue.rawValue] +=
        listPrice
      return 0
    }
    counts.business[kind].instalmentOrders += 1
    counts.business[kind].instalmentOrderValue += listPrice
    counts.business[kind].bookedPrincipal += financed
    business?.segmentValue[base + ValueField.instalmentOrders.rawValue] += 1
    business?.segmentValue[base + ValueField.instalmentOrderValue.rawValue] +=
      listPrice
    business?.used[i] += Float(financed)
    if merchant > 0 {
      business?.merchantFinanced[a * slots + merchant] += financed
    }
    guard kind == 1, let firms = business?.firms, let f = bt.firms else {
      return 0
    }
    return f.missLogitShift(
      yearsTrading: Double(firms.yearsTrading[i]),
      employees: Double(firms.employees[i]))
  }

  /// A scheduled review: lifts a freeze after enough clean months, cuts after early delinquency,
  /// raises clean, growing users up to the caps.
  private func review(
    _ b: inout BusinessState, _ i: Int, policy p: LineManagement,
    counts k: inout KindCounts
  ) {
    k.reviews += 1
    let income = customers.monthlyIncome[i]
    if b.frozen[i] != 0 {
      if Int(b.clean[i]) >= p.unfreezeCleanMonths {
        b.frozen[i] = 0
        k.unfreezes += 1
      }
    } else if Int(b.worstSinceReview[i]) >= p.cutMonthsPastDue {
      b.line[i] = Float(Double(b.line[i]) * p.cutFactor)
      k.cuts += 1
    } else if Int(b.clean[i]) >= p.raiseMinCleanMonths,
      b.used[i] > b.balanceAtReview[i],
      Double(b.used[i]) >= p.raiseMinUtilisation * Double(b.line[i])
    {
      // A raise, capped by the policy's ceiling and income multiple.
      let cap = min(p.maxLine, p.maxIncomeMultiple * income)
      let raised = min(Double(b.line[i]) * p.raiseFactor, cap)
      if raised > Double(b.line[i]) {
        b.line[i] = Float(raised)
        k.raises += 1
      }
    }
    b.worstSinceReview[i] = 0
    b.balanceAtReview[i] = b.used[i]
    b.bureauAtReview[i] = b.bureau[i]
  }
}
