import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiRisk
import Foundation

/// The lender's decision stack inside the customer loop: the feature ledger's updates, the fraud
/// screen, PD, line and price, and the rows kept for monitoring and re-training.
extension ChunkState {
  /// Starts the lender's month: clears this month's slots and histograms.
  mutating func beginLenderPeriod(_ period: Int) {
    guard lender != nil else { return }
    lender?.ledger.beginPeriod(period)
    borrowerStatus.reset()
    for a in 0..<(lender?.histograms.count ?? 0) {
      lender?.histograms[a] = ArmHistograms()
      lender?.throughTheDoor[a].removeAll()
    }
    lender?.decisions.removeAll(keepingCapacity: true)
  }

  /// After the roll: each borrower's repayment news into the ledger, and booked rows whose
  /// outcome window has passed labelled (and scored into the booked-AUC histogram).
  mutating func observeRepayments(period: Int, window: Int) {
    guard var l = lender else { return }
    lender = nil
    for i in 0..<customers.count {
      l.ledger.recordRepayment(
        i, period: period, worstPastDue: borrowerStatus.worstPastDue[i],
        balance: borrowerStatus.balance[i])
    }
    for a in l.pending.indices {
      let before = l.matured[a].count
      l.pending[a].mature(
        now: period, window: window, ledger: l.ledger, into: &l.matured[a])
      for r in before..<l.matured[a].count where !l.matured[a].scores[r].isNaN {
        l.histograms[a].booked.add(
          score: Double(l.matured[a].scores[r]),
          bad: Double(l.matured[a].labels[r]))
      }
    }
    lender = l
  }

  /// The propensity model's score for every customer of an arm whose ranking channel uses it
  /// (NaN elsewhere), read by the recommendation engine's ranking.
  mutating func scorePropensity(period: Int, lender lp: LenderPeriod) {
    guard var l = lender, lp.propensity.contains(where: { $0 != nil }) else {
      return
    }
    lender = nil
    let n = customers.count
    if l.propensity.count != n {
      l.propensity = .init(repeating: .nan, count: n)
    }
    for i in 0..<n {
      guard let model = lp.propensity[Int(arm[i])] else {
        l.propensity[i] = .nan
        continue
      }
      fillProfileRow(i, period: period, lender: &l)
      l.propensity[i] = Float(
        l.row.withUnsafeBufferPointer {
          model.probability($0.start, scratch: &l.scratch)
        })
    }
    lender = l
  }

  /// Writes customer `i`'s feature row for `period` into `l.row`, with no application (the
  /// features known before anyone applies).
  @inline(__always)
  func fillProfileRow(_ i: Int, period: Int, lender l: inout LenderState) {
    let profile = profile(
      i, declaredIncome: customers.monthlyIncome[i], device: l.device[i])
    l.row.withUnsafeMutableBufferPointer {
      l.ledger.fill(
        $0.start, customer: i, period: period, application: nil,
        profile: profile)
    }
  }

  /// The observable part of customer `i` (no latent column is read here).
  @inline(__always)
  func profile(_ i: Int, declaredIncome: Double, device: UInt8)
    -> ApplicationData
  {
    ApplicationData(
      declaredIncome: declaredIncome,
      bureauScore: Double(customers.creditScore[i]),
      debtToIncome: Double(customers.debtToIncome[i]),
      creditHistoryMonths: Double(customers.creditHistoryMonths[i]),
      priorDelinquencies: Double(customers.priorDelinquencies[i]),
      age: Double(customers.age[i]), cityTier: Double(customers.cityTier[i]),
      requestedAmount: 0, termMonths: 0, instalment: 0,
      externalApplications: 0,
      deviceApplicants: Double(device),
      openLoans: Double(openLoans[i]))
  }

  /// Appends a propensity row for a reached customer (label 0 until they apply); returns its
  /// index, or −1 when not sampled.
  @inline(__always)
  mutating func recordPropensityRow(
    _ i: Int, arm a: Int, period: Int, stream: RandomStream, share: Double
  ) -> Int {
    guard lender != nil,
      stream.uniform(at: CustomerMonthDraw.propensityRow) < share
    else { return -1 }
    var l = lender.unsafelyUnwrapped
    lender = nil
    fillProfileRow(i, period: period, lender: &l)
    l.row.withUnsafeBufferPointer {
      l.propensityRows[a].append($0.start, label: 0, score: .nan)
    }
    let index = l.propensityRows[a].count - 1
    lender = l
    return index
  }

  /// Runs one application through the arm's decision stack.
  ///
  /// - Returns: the terms to book at (the risk-based APR when priced), or nil when declined or
  ///   refused; the counts record which.
  @inline(__always)
  mutating func decideWithStack(
    _ i: Int, arm a: Int, segment seg: Int, period: Int, price: Double,
    terms: PlanTerms, isFraud: Bool, stack: DecisionStack,
    lender lp: LenderPeriod,
    tables t: EngineTables, stream: RandomStream,
    counts c: inout ArmPeriodCounts
  ) -> PlanTerms? {
    guard var l = lender, let risk = t.risk else { return nil }
    lender = nil
    defer { lender = l }
    let policy = risk.policies[a]
    let s = risk.settings
    var income = customers.monthlyIncome[i]
    if policy.operational.incomeErrorShare > 0,
      stream.uniform(at: CustomerMonthDraw.incomeTypo)
        < policy.operational.incomeErrorShare
    {
      // A slipped digit on the form.
      income *= policy.operational.incomeErrorFactor
      c.risk.dataErrors += 1
    }
    var application = profile(i, declaredIncome: income, device: l.device[i])
    application.requestedAmount = price
    application.termMonths = Double(terms.termMonths)
    application.instalment = price * terms.paymentPerYuan
    // The bureau's multi-lending count: geometric, heavier for the indebted and for fraudsters.
    let mean =
      isFraud
      ? s.fraud.rules.maxExternalApplications + 1
      : 0.2
        + application
        .debtToIncome
    let u = stream.openUniform(at: CustomerMonthDraw.externalApplications)
    application.externalApplications = floor(log(u) / log(mean / (1 + mean)))
    let decision = l.row.withUnsafeMutableBufferPointer { row in
      l.ledger.fill(
        row.start, customer: i, period: period, application: application,
        profile: application)
      if risk.recording, period <= risk.recordedMonths {
        l.applicationRows.append(row.start, label: 0, score: .nan)
      }
      return stack.decide(
        row.start, balance: Double(l.ledger.balance[i]), mode: lp.modes[a],
        threshold: lp.thresholds[a], fundingRate: risk.fundingRate[period],
        cap: risk.nominalCap[a][period], scratch: &l.scratch)
    }
    l.ledger.recordApplication(i, period: period)
    if isFraud { c.risk.fraudApplications += 1 }
    if decision.outcome == .fraudDecline {
      if isFraud { c.risk.fraudCaught += 1 } else { c.risk.falsePositives += 1 }
    }
    if decision.scored {
      c.risk.scored += 1
      c.risk.pdSum += decision.pd
      let truth =
        isFraud
        ? 1
        : trueDefaultProbability(
          i, segment: seg, instalment: application.instalment,
          months: s.outcomeMonths, tables: t)
      l.histograms[a].truth.add(score: decision.pd, bad: truth)
      l.histograms[a].book.add(score: decision.pd, bad: 0, amount: price)
      l.monitorScored(arm: a, pd: decision.pd, truth: truth, period: lp)
    }
    switch decision.outcome {
    case .approved, .fraudDecline: break
    case .riskDecline:
      c.risk.pdDeclines += 1
      if lp.keepsRejects { l.keepReject(arm: a, pd: decision.pd) }
    case .lineDecline: c.risk.lineDeclines += 1
    case .capDecline: c.risk.capDeclines += 1
    case .ruleDecline: c.risk.ruleDeclines += 1
    }
    let approved = decision.outcome == .approved
    let share = approved ? s.explainApprovalShare : s.explainDeclineShare
    if share > 0, !risk.recording,
      stream.uniform(at: CustomerMonthDraw.decisionSampled) < share
    {
      l.decisions.append(
        explained(
          i, arm: a, period: period, decision: decision, amount: price,
          threshold: lp.thresholds[a], stack: stack, lender: l,
          reasonCount: s.reasonCount))
    }
    guard approved else { return nil }
    if decision.tier >= 0 { l.ledger.line[i] = Float(decision.line) }
    var booked = terms
    if let apr = decision.apr, policy.riskBasedPricing {
      // The customer sees the price and may walk away: logit in their own price sensitivity.
      let accept = Logistic.sigmoid(
        s.acceptanceIntercept - s.acceptanceSlope
          * Double(customers.priceSensitivity[i]) * apr)
      if !isFraud, stream.uniform(at: CustomerMonthDraw.priceAccepted) >= accept
      {
        c.risk.priceRefusals += 1
        return nil
      }
      booked.monthlyRate = apr / 12
      booked.paymentPerYuan = Amortization.levelPayment(
        principal: 1, monthlyRate: apr / 12, termMonths: terms.termMonths,
        interestFreePeriods: terms.interestFreePeriods)
      booked.feePerInstalmentPerYuan = 0
      c.risk.aprSum += apr
    } else {
      c.risk.aprSum += terms.monthlyRate * 12
    }
    if decision.tier >= 0 { c.risk.addTier(decision.tier) }
    if isFraud {
      c.risk.fraudMissed += 1
      c.risk.fraudLoss += price
    }
    l.row.withUnsafeBufferPointer {
      l.pending[a].append(
        $0.start, customer: i, period: period,
        score: decision.scored ? decision.pd : .nan)
    }
    l.ledger.recordBooking(i, period: period, principal: price)
    return booked
  }

  /// The truth the simulator knows: the chance this applicant goes 90+ days past due within
  /// `months` — the delinquency chain absorbing at 3 months past due.
  mutating func trueDefaultProbability(
    _ i: Int, segment seg: Int, instalment: Double, months: Int,
    tables t: EngineTables
  ) -> Double {
    let z = Double(customers.latentRisk[i])
    let burden = instalment / customers.monthlyIncome[i]
    return DefaultProbability.within(
      months: months, monthsPastDue: 0,
      miss: Logistic.sigmoid(
        t.hazard.missLogit(
          latentRisk: z, burden: burden, offset: t.missOffset[seg])),
      cure: t.cure[seg],
      roll: Logistic.sigmoid(
        t.hazard.rollLogit(latentRisk: z, offset: t.rollOffset[seg])),
      chargeOffMonths: 3)
  }

  /// A sampled decision with its reasons, for manual review.
  mutating func explained(
    _ i: Int, arm a: Int, period: Int, decision: DecisionStack.Decision,
    amount: Double, threshold: Double, stack: DecisionStack,
    lender l: LenderState, reasonCount: Int
  ) -> DecisionRecord {
    let reasons = l.row.withUnsafeBufferPointer {
      stack.pd?.reasons($0.start, count: reasonCount) ?? []
    }
    return DecisionRecord(
      period: period, arm: a, customer: customers.firstIndex + i,
      outcome: decision.outcome.name, anomaly: decision.anomaly,
      pd: decision.pd, threshold: threshold, apr: decision.apr ?? .nan,
      amount: amount, line: decision.tier >= 0 ? decision.line : .nan,
      reasons: reasons.map { ($0.name, $0.contribution) })
  }
}
