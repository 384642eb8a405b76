import FenqiCore
import FenqiCredit
import FenqiMarketing

/// Decoding of `arms`: each arm, its offer and approval rule.
extension ScenarioDecoder {
  /// The most arms a scenario may compare.
  static let maxArms = 64

  /// The scenario's `arms`, one entry per element (nil: that arm is invalid); nil when the field is
  /// missing or not an array.
  func decodeArms(_ root: inout JSONObjectReader, _ parts: ScenarioParts)
    -> [Arm?]?
  {
    guard
      let elements = root.array("arms", required: true, minimumCount: 1)
    else { return nil }
    var arms: [Arm?] = []
    var allocations: [Double?] = []
    for (path, value) in elements {
      let (arm, allocation) = decodeArm(value, path: path, parts)
      arms.append(arm)
      allocations.append(allocation)
    }
    let path = root.childPath("arms")
    let decoded = arms.compactMap { $0 }
    if decoded.count > Self.maxArms {
      collector.report(
        path, "expected at most \(Self.maxArms) arms, found \(decoded.count)")
    }
    var names: Set<String> = []
    for (i, arm) in arms.enumerated() {
      guard let arm else { continue }
      check(
        .name(path: "\(path)[\(i)].name", noun: "arm", arm.name, taken: names))
      names.insert(arm.name)
    }
    let shares = allocations.compactMap { $0 }
    if !shares.isEmpty, shares.count == allocations.count {
      check(.shares(path: path, noun: "arm allocations", values: shares))
    }
    return arms
  }

  /// One arm, and its allocation when that field is valid (the allocations are checked together
  /// even when an arm is invalid for another reason).
  private func decodeArm(
    _ value: JSONValue, path: String, _ parts: ScenarioParts
  ) -> (Arm?, allocation: Double?) {
    guard var r = JSONObjectReader(value, path: path, collector: collector)
    else { return (nil, nil) }
    var fields = DecodedFields()
    let name = fields.name(&r)
    let allocation = fields.number(&r, "allocation", .fraction)
    // With channels or a targeting policy, contacts come from them; reachRate is for the generic
    // channel.
    let reach = fields.number(
      &r, "reachRate", .fraction,
      default: r.has("channels") || r.has("targeting") ? 0 : nil)
    let cost = fields.number(
      &r, "costPerContact", .within(0, 10_000), default: 0)
    let offer = fields.object(&r, "offer", required: true, decodeOffer)
    var approval = parts.approval
    if let a = fields.object(
      &r, "approval", { decodeApproval($0, parts.approval) })
    {
      approval = a
    }
    // Campaigns, points and segment strategies reach customers through the channel mix.
    fields.require(
      check(
        .armMarketing(
          path: path,
          given: ScenarioDecoder.armMarketingKeys.filter(r.has),
          scenarioHasChannels: !parts.channels.isEmpty)))
    let marketing = decodeArmMarketing(&r, &fields, parts, offer: offer)
    let risk = fields.object(&r, "risk") {
      decodeArmRisk($0, periods: parts.periods)
    }
    let targeting = fields.object(&r, "targeting") {
      decodeArmTargeting(
        $0, offers: parts.targeting.value?.offers.map(\.name) ?? [],
        segments: parts.segmentNames)
    }
    fields.require(
      check(
        .armContact(
          path: path,
          channels: ScenarioDecoder.armMarketingKeys.contains(where: r.has),
          targeting: r.has("targeting"))))
    let lines = fields.object(&r, "lines", decodeLines)
    let recourse = fields.object(&r, "recourse", decodeRecourse)
    let coLending = fields.object(&r, "coLending", decodeCoLending)
    let collections = fields.object(&r, "collections", decodeCollections)
    r.finish()
    guard fields.ok, let name, let allocation, let reach, let cost, let offer,
      let approval
    else { return (nil, allocation) }
    let contact: ArmContact =
      if let marketing { .channels(marketing) } else if let targeting {
        .targeting(targeting)
      } else { .generic }
    let arm = Arm(
      name: name, allocation: allocation, reachRate: reach,
      costPerContact: cost, offer: offer, approval: approval,
      contact: contact, risk: risk, lines: lines, recourse: recourse,
      coLending: coLending, collections: collections)
    return (arm, allocation)
  }

  /// An instalment plan: the arm's `offer`, a campaign's, a segment strategy's or a targeting
  /// offer's.
  func decodeOffer(_ reader: JSONObjectReader) -> InstalmentProduct? {
    var r = reader
    var fields = DecodedFields()
    let term = fields.integer(
      &r, "termMonths", .integer(oneOf: InstalmentProduct.allowedTerms))
    var pricing: InstalmentProduct.Pricing?
    if var p = r.object("pricing", required: true) {
      switch fields.string(
        &p, "kind", allowed: ["annualRate", "flatMonthlyFee"])
      {
      case "annualRate":
        pricing = fields.number(&p, "rate", .within(0, 1)).map {
          .annualRate($0)
        }
      case "flatMonthlyFee":
        pricing = fields.number(&p, "rate", .within(0, 0.1)).map {
          .flatMonthlyFee($0)
        }
      default:
        _ = p.value("rate")
      }
      p.finish()
    }
    let free = fields.integer(
      &r, "interestFreePeriods", .integer(in: 0, 24), default: 0)
    let funder = fields.choice(
      &r, "interestFreeFundedBy", InstalmentProduct.SubsidyFunder.self,
      default: .lender)
    let fees = fields.object(&r, "fees", decodeFees) ?? ProductFees.none
    r.finish()
    if let term, let free,
      !check(.offer(path: r.path, termMonths: term, interestFreePeriods: free))
    {
      return nil
    }
    guard fields.ok, let term, let pricing, let free, let funder else {
      return nil
    }
    let product = InstalmentProduct(
      termMonths: term, pricing: pricing, interestFreePeriods: free,
      subsidyFunder: funder, fees: fees)
    offers.list.append((r.path, product))
    return product
  }

  /// An arm's `coLending`: the partner's share and rate, and the platform's guarantee.
  func decodeCoLending(_ reader: JSONObjectReader) -> CoLending? {
    var r = reader
    var fields = DecodedFields()
    let share = fields.number(&r, "partnerShare", .within(0.01, 0.95))
    let rate = fields.number(&r, "partnerRate", .within(0, 1))
    let guarantee = fields.string(
      &r, "guarantee", allowed: ["platform", "none"])
    let fee =
      r.has("guaranteeFeeRate")
      ? fields.number(&r, "guaranteeFeeRate", .within(0, 0.2)) : 0
    if guarantee == "none", r.has("guaranteeFeeRate") {
      fields.require(
        check(
          .guaranteeFeeWithoutGuarantee(path: r.childPath("guaranteeFeeRate"))))
    }
    r.finish()
    guard fields.ok, let share, let rate, let guarantee, let fee else {
      return nil
    }
    return CoLending(
      partnerShare: share, partnerRate: rate,
      guaranteed: guarantee == "platform",
      guaranteeFeeRate: fee)
  }

  /// An offer's `fees`: an upfront (service) fee, a late fee and penalty interest.
  func decodeFees(_ reader: JSONObjectReader) -> ProductFees? {
    var r = reader
    var fields = DecodedFields()
    var fees = ProductFees()
    if var u = r.object("upfront") {
      if !u.has("share") && !u.has("amount") {
        u.report(
          "share",
          "an upfront fee needs a share of the principal, an amount in yuan, or both"
        )
        fields.require(false)
      }
      fields.number(&u, "share", .within(0, 0.5), into: &fees, \.upfrontShare)
      fields.number(
        &u, "amount", .within(0, 100_000), into: &fees, \.upfrontAmount)
      fields.bool(&u, "financed", into: &fees, \.upfrontFinanced)
      u.finish()
    }
    if var l = r.object("lateFee") {
      fields.number(
        &l, "amount", .within(0, 10_000), into: &fees, \.lateFeeAmount)
      fields.number(&l, "share", .within(0, 1), into: &fees, \.lateFeeShare)
      fields.number(&l, "cap", .within(0, 10_000), into: &fees, \.lateFeeCap)
      fields.integer(
        &l, "graceDays", .integer(in: 0, 29), into: &fees, \.graceDays)
      l.finish()
    }
    fields.number(
      &r, "penaltyDailyRate", .within(0, 0.01), into: &fees,
      \.penaltyDailyRate)
    if var e = r.object("earlySettlement") {
      switch fields.string(
        &e, "rule", allowed: ["interestToDate", "fee", "forfeitInterestFree"])
      {
      case "fee":
        if let share = fields.number(&e, "share", .within(0, 0.2)) {
          fees.earlySettlement = .fee(share: share)
        }
      case "forfeitInterestFree":
        fees.earlySettlement = .forfeitInterestFree
      default:
        break
      }
      e.finish()
    }
    r.finish()
    return fields.ok ? fees : nil
  }

  /// An `approval` rule; the fields it leaves out come from `fallback` (the scenario's rule, for
  /// an arm's).
  func decodeApproval(_ reader: JSONObjectReader, _ fallback: ApprovalRule?)
    -> ApprovalRule?
  {
    var r = reader
    var fields = DecodedFields()
    var rule = ApprovalRule(
      minimumCreditScore: fallback?.minimumCreditScore ?? 0,
      maxOpenLoans: fallback?.maxOpenLoans ?? 1,
      maxDebtToIncome: fallback?.maxDebtToIncome)
    fields.number(
      &r, "minimumCreditScore", .within(0, 1000), into: &rule,
      \.minimumCreditScore, required: fallback == nil)
    fields.integer(
      &r, "maxOpenLoans", .integer(in: 1, 20), into: &rule, \.maxOpenLoans)
    // A number or null (null: the fallback's).
    if let v = r.value("maxDebtToIncome"), v != .null {
      if case .number(let x) = v, x > 0, x <= 5 {
        rule.maxDebtToIncome = x
      } else {
        r.report(
          "maxDebtToIncome",
          "expected a number in (0, 5] or null, found \(v.shortDescription)")
        fields.require(false)
      }
    }
    r.finish()
    return fields.ok ? rule : nil
  }
}
