import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiModels
import Foundation

/// Targeting inside the customer loop: plans the month's contacts and offers, and records what
/// the simulator knows about each customer's response to every action.
extension ChunkState {
  /// The action model's extra inputs for an action (−1: no contact; k: offer k).
  static func actionFeatures(
    _ action: Int, offers: [TargetingOffer],
    into x: UnsafeMutablePointer<Double>
  ) {
    guard action >= 0 else {
      for k in 0..<5 { x[k] = 0 }
      return
    }
    let o = offers[action]
    x[0] = 1
    x[1] = {
      if case .annualRate(let r) = o.product.pricing { return r }
      return 0
    }()
    x[2] = Double(o.product.interestFreePeriods)
    x[3] = Double(o.product.termMonths)
    x[4] = o.discount
  }

  /// The names of the action model's extra inputs.
  static let actionNames = [
    "contacted", "offerRate", "offerInterestFree", "offerTerm", "offerDiscount",
  ]

  /// Plans every targeting arm's contacts for `period`: during the pilot at random; then by each
  /// arm's policy, the top `budget` share of the arm's customers in this chunk by priority.
  mutating func planTargeting(
    period: Int, plan tp: TargetingPeriod, tables t: EngineTables
  ) {
    guard var ts = targeting, let tt = t.targeting, var l = lender else {
      return
    }
    targeting = nil
    lender = nil
    defer {
      targeting = ts
      lender = l
    }
    let n = customers.count
    let offers = tt.settings.offers
    let k = offers.count
    let family = StreamFamily(
      seed: t.seed, period: UInt32(period), purpose: .customerMonth)
    let bandits = StreamFamily(
      seed: t.seed, period: UInt32(period), purpose: .targetingBandit)
    let first = UInt64(customers.firstIndex)
    for i in 0..<n {
      ts.plan[i] = -1
      ts.priority[i] = -1
      guard let plan = tp.arms[Int(arm[i])] else { continue }
      let stream = family.stream(for: first + UInt64(i))
      if tp.pilot {
        // The randomised pilot: contact with the pilot share, a uniformly drawn offer.
        if stream.uniform(at: CustomerMonthDraw.pilotContact)
          < tt.settings.pilotContactShare
        {
          ts.plan[i] = Int8(
            Swift.min(
              k - 1,
              Int(stream.uniform(at: CustomerMonthDraw.pilotOffer) * Double(k)))
          )
        }
        continue
      }
      let random = Float(
        stream.uniform(at: CustomerMonthDraw.targetingPriority))
      switch plan.policy.policy {
      case .random, .bandit:
        ts.priority[i] = random
      case .rule:
        if let offer = plan.policy.ruleOffers[Int(customers.segment[i])] {
          ts.priority[i] = random
          ts.plan[i] = Int8(offer)
        }
      case .propensity, .uplift, .multiObjective:
        fillProfileRow(i, period: period, lender: &l)
        ts.priority[i] = score(
          i, plan: plan, state: &ts, lender: &l, offers: offers)
      }
    }
    // Per arm: the budget's top priorities in this chunk.
    for a in tp.arms.indices {
      guard let plan = tp.arms[a] else { continue }
      if tp.pilot { continue }
      let budget = Int(
        (plan.policy.budget * Double(customersPerArm[a])).rounded())
      var masked = ts.priority
      for i in 0..<n where Int(arm[i]) != a { masked[i] = -1 }
      for i in 0..<n { ts.chosen[i] = false }
      masked.withUnsafeBufferPointer { p in
        ts.chosen.withUnsafeMutableBufferPointer { c in
          _ = TopSelection.choose(priority: p, k: budget, chosen: c)
        }
      }
      for i in 0..<n where Int(arm[i]) == a {
        guard ts.chosen[i] else {
          ts.plan[i] = -1
          continue
        }
        switch plan.policy.policy {
        case .random, .propensity, .uplift: ts.plan[i] = 0
        // The rule and multi-objective policies set the offer with the priority.
        case .rule, .multiObjective: break
        case .bandit:
          var s = bandits.stream(for: first + UInt64(i))
          let context = Int(customers.cityTier[i]) % TargetingTables.contexts
          ts.plan[i] = Int8(
            plan.bandit?.choose(context: context, stream: &s) ?? 0)
        }
      }
    }
  }

  /// A model policy's priority in [0, 1] for the feature row in `l.row` (−1: do not contact);
  /// the multi-objective policy also writes its chosen offer into the plan.
  private func score(
    _ i: Int, plan: ArmPlan, state ts: inout TargetingState,
    lender l: inout LenderState, offers: [TargetingOffer]
  ) -> Float {
    let width = LenderFeature.count
    return l.row.withUnsafeBufferPointer { row in
      ts.bins.withUnsafeMutableBufferPointer { bins in
        switch plan.policy.policy {
        case .propensity:
          return Float(
            plan.response?.treatedProbability(row.start, bins: bins.start) ?? 0)
        case .uplift:
          let tau = plan.response?.uplift(row.start, bins: bins.start) ?? 0
          return Float(Swift.min(1, Swift.max(0, (tau + 1) / 2)))
        default:
          guard let model = plan.action else { return -1 }
          return ts.extended.withUnsafeMutableBufferPointer { x in
            for f in 0..<width { x[f] = row[f] }
            Self.actionFeatures(-1, offers: offers, into: x.start + width)
            let none = Logistic.sigmoid(model.margin(x.start, bins: bins.start))
            var best = 0.0
            var bestOffer = -1
            for o in offers.indices {
              Self.actionFeatures(o, offers: offers, into: x.start + width)
              let p = Logistic.sigmoid(model.margin(x.start, bins: bins.start))
              let lift = p - none
              // The lender's PD for this offer's loan of the expected amount.
              var pd = 0.0
              if let pdModel = plan.pd {
                for f in 0..<width { ts.pdRow[f] = row[f] }
                ts.pdRow[LenderFeature.requestedAmount.rawValue] =
                  plan.amount * (1 - offers[o].discount)
                ts.pdRow[LenderFeature.termMonths.rawValue] = Double(
                  offers[o].product.termMonths)
                pd = ts.pdRow.withUnsafeBufferPointer {
                  pdModel.probability($0.start, scratch: &l.scratch)
                }
              }
              // Contacting adds nothing unless it adds bookings.
              guard lift > 0 else { continue }
              let value = plan.amount * (1 - offers[o].discount) / 1000
              let w = plan.policy.weights
              // Weighted reward per incremental booking: conversion, interest repaid, order
              // value, expected loss (PD × LGD × amount), amounts in thousands of yuan.
              let reward =
                lift
                * (w.conversion + w.repayment * (1 - pd)
                  * plan.interestPerYuan[o] * value
                  + w.orderValue * value - w.loss * pd * plan.lossGivenDefault
                  * value) - w.cost * plan.contactCost[o] / 1000
              if reward > best {
                best = reward
                bestOffer = o
              }
            }
            guard bestOffer >= 0 else { return -1 }
            ts.plan[i] = Int8(bestOffer)
            return Float(0.5 + atan(best * 10) / Double.pi)
          }
        }
      }
    }
  }
}

extension ChunkState {
  /// The simulator's truth for customer `i` of a targeting arm this month.
  ///
  /// The probability of booking (need × choice, the arm approving every application) with no
  /// contact and with each offer. Adds it to the counts, and logs the customer during the pilot.
  mutating func recordTargetingTruth(
    _ i: Int, arm a: Int, segment seg: Int, period: Int, planned: Int,
    need: Double, pilot: Bool, stream: RandomStream, tables t: EngineTables,
    offers tt: TargetingTables, arm base: (Double, Double, PlanTerms),
    competitionLog: Double, counts c: inout ArmPeriodCounts
  ) {
    guard var ts = targeting else { return }
    targeting = nil
    defer { targeting = ts }
    let k = tt.offers.count
    let contexts = TargetingTables.contexts
    if c.targeting.offerValue.count != k {
      // Sized on the month's first customer, keeping what the month has counted already (this
      // customer's contact and its cost).
      var sized = TargetingCounts(offers: k, contexts: contexts)
      sized.add(c.targeting)
      c.targeting = sized
    }
    let income = customers.monthlyIncome[i]
    let listPrice = t.price(
      segment: seg, income: income,
      normal: Normal.quantile(stream.openUniform(at: CustomerMonthDraw.price)))
    let split = t.split
    // Multinomial logit over split / pay in full / neither, as the loop draws it.
    func probability(
      constant: Double, rate: Double, terms: PlanTerms, discount: Double,
      organic: Bool, channel: Double = 0
    ) -> Double {
      let price = listPrice * (1 - discount)
      let priceToIncome = price / income
      let burden = price * terms.paymentPerYuan / income
      let digital = Double(customers.digitalAffinity[i])
      let sensitivity = Double(customers.priceSensitivity[i])
      var u = constant + t.splitOffset[seg]
      u += split.priceToIncome * priceToIncome
      u += split.instalmentToIncome * burden
      u += split.digitalAffinity * digital
      u += split.priceSensitivityRate * sensitivity * rate
      u -= competitionLog
      u += channel
      if organic {
        u +=
          tt.settings.organicSplitOffset + tt.settings.organicDigitalAffinity
          * digital
      }
      let eSplit = exp(u)
      let eFull =
        t.payInFull.map { exp($0.intercept + $0.priceToIncome * priceToIncome) }
        ?? 0
      return need * eSplit / (1 + eSplit + eFull)
    }
    ts.truth[0] = probability(
      constant: base.0, rate: base.1, terms: base.2, discount: 0, organic: true)
    for o in 0..<k {
      let v = tt.offers[o]
      ts.truth[o + 1] = probability(
        constant: v.splitConstant, rate: v.rate, terms: v.terms,
        discount: v.discount?.percent ?? 0, organic: false,
        channel: tt.responseLog[o * tt.segments + seg])
    }
    c.targeting.expectedBookings += ts.truth[planned + 1]
    if planned >= 0 {
      c.targeting.contacts += 1
      c.targeting.incrementalBookings += ts.truth[planned + 1] - ts.truth[0]
      c.targeting.chosenValue += ts.truth[planned + 1]
      c.targeting.offerContacts[planned] += 1
      for o in 0..<k { c.targeting.offerValue[o] += ts.truth[o + 1] }
      let context = Int(customers.cityTier[i]) % contexts
      c.targeting.failures[context * k + planned] += 1
    }
    ts.logRow[i] = -1
    guard pilot, var l = lender else { return }
    lender = nil
    fillProfileRow(i, period: period, lender: &l)
    l.row.withUnsafeBufferPointer {
      ts.log.rows.append($0.start, label: 0, score: .nan)
    }
    lender = l
    ts.logRow[i] = Int32(ts.log.action.count)
    ts.log.action.append(Int8(planned))
    ts.log.month.append(UInt8(Swift.min(255, period)))
    ts.log.arm.append(UInt8(a))
    for v in ts.truth { ts.log.truth.append(Float(v)) }
  }

  /// A targeting arm's booking: the contact's success (the bandit's feedback) and the log's label.
  mutating func targetingBooked(
    _ i: Int, planned: Int, discount: Double, counts c: inout ArmPeriodCounts
  ) {
    guard targeting != nil else { return }
    // The offer's discount is lender-funded, as a campaign's is.
    if discount > 0 {
      c.targeting.discountCost += discount
      if customerLedger.isTracking {
        customerLedger.income[i] -= Float(discount)
      }
    }
    if planned >= 0 {
      let k = c.targeting.offerContacts.count
      let context = Int(customers.cityTier[i]) % TargetingTables.contexts
      c.targeting.contactedBookings += 1
      c.targeting.successes[context * k + planned] += 1
      c.targeting.failures[context * k + planned] -= 1
    }
    if let row = targeting?.logRow[i], row >= 0 {
      targeting?.log.rows.labels[Int(row)] = 1
    }
  }
}

/// The targeting feature's hook into the customer's reach.
extension ChunkState {
  /// Reach by the policy's plan: contact with offer `planned`, or not at all.
  @inline(__always)
  mutating func reachByPlan(
    _ c: inout CustomerMonth, view v: borrowing MonthView, counts: MonthCounts
  ) {
    c.planned = Int(targeting?.plan[c.i] ?? -1)
    c.reached = c.planned >= 0
    guard c.reached, let tt = v.targetingTables else { return }
    counts[c.a].reached += 1
    lender?.ledger.recordContact(c.i, period: v.period)
    let cost = tt.contactCost[c.planned] ?? v.tables.costPerContact[c.a]
    counts[c.a].targeting.contactCost += cost
    if v.ledgerOn { customerLedger.income[c.i] -= Float(cost) }
  }
}
