import FenqiCore
import FenqiCredit

/// Decoding of the customers' `choice` model and of `repayment`.
extension ScenarioDecoder {
  /// The scenario's `choice`: the split utility and, optionally, paying in full.
  func decodeChoice(_ reader: JSONObjectReader) -> ChoiceModel? {
    var r = reader
    var fields = DecodedFields()
    var split = SplitUtility(
      intercept: 0, priceToIncome: 0, instalmentToIncome: 0, annualRate: 0,
      interestFreePeriods: 0, digitalAffinity: 0, priceSensitivityRate: 0)
    if var s = r.object("split", required: true) {
      fields.number(
        &s, "intercept", .any, into: &split, \.intercept, required: true)
      fields.number(&s, "priceToIncome", .any, into: &split, \.priceToIncome)
      fields.number(
        &s, "instalmentToIncome", .any, into: &split, \.instalmentToIncome)
      fields.number(&s, "annualRate", .any, into: &split, \.annualRate)
      fields.number(
        &s, "interestFreePeriods", .any, into: &split, \.interestFreePeriods)
      fields.number(
        &s, "digitalAffinity", .any, into: &split, \.digitalAffinity)
      fields.number(
        &s, "priceSensitivityRate", .any, into: &split, \.priceSensitivityRate)
      s.finish()
    } else {
      fields.require(false)
    }
    // Null, like absence, means paying in full is not an option.
    var full: PayInFullUtility?
    if let v = r.value("payInFull"), v != .null {
      var u = PayInFullUtility(intercept: 0, priceToIncome: 0)
      if var p = JSONObjectReader(
        v, path: r.childPath("payInFull"), collector: collector)
      {
        fields.number(
          &p, "intercept", .any, into: &u, \.intercept, required: true)
        fields.number(&p, "priceToIncome", .any, into: &u, \.priceToIncome)
        p.finish()
      } else {
        fields.require(false)
      }
      full = u
    }
    r.finish()
    return fields.ok ? ChoiceModel(split: split, payInFull: full) : nil
  }

  /// The scenario's `repayment`: the miss and roll hazards and the loss policy.
  func decodeRepayment(_ reader: JSONObjectReader) -> RepaymentSettings? {
    var r = reader
    var fields = DecodedFields()
    var s = RepaymentSettings(
      hazard: RepaymentHazard(
        missIntercept: 0, missLatentRisk: 0, rollIntercept: 0,
        rollLatentRisk: 0),
      chargeOffDaysPastDue: 180, lossGivenDefault: 0, recoveryLagMonths: 3)
    if var m = r.object("miss", required: true) {
      fields.number(
        &m, "intercept", .within(-30, 30), into: &s, \.hazard.missIntercept,
        required: true)
      fields.number(
        &m, "latentRisk", .within(-30, 30), into: &s, \.hazard.missLatentRisk)
      fields.number(
        &m, "burden", .within(-100, 100), into: &s, \.hazard.missBurden)
      fields.number(&m, "macro", .within(-30, 30), into: &s, \.hazard.missMacro)
      m.finish()
    } else {
      fields.require(false)
    }
    if var m = r.object("roll", required: true) {
      fields.number(
        &m, "intercept", .within(-30, 30), into: &s, \.hazard.rollIntercept,
        required: true)
      fields.number(
        &m, "latentRisk", .within(-30, 30), into: &s, \.hazard.rollLatentRisk)
      fields.number(&m, "macro", .within(-30, 30), into: &s, \.hazard.rollMacro)
      fields.numbers(
        &m, "byBucket", .within(-15, 15), count: 4, into: &s,
        \.buckets.rollShift)
      m.finish()
    } else {
      fields.require(false)
    }
    if var c = r.object("cure") {
      fields.numbers(
        &c, "byBucket", .within(-15, 15), count: 4, into: &s,
        \.buckets.cureShift)
      c.finish()
    }
    if let effort = fields.object(&r, "collections", decodeCollections) {
      s.collections = effort
    }
    fields.integer(
      &r, "chargeOffDaysPastDue",
      .integer(oneOf: DelinquencyStateMachine.allowedChargeOffDays),
      into: &s, \.chargeOffDaysPastDue)
    fields.number(
      &r, "lossGivenDefault", .fraction, into: &s, \.lossGivenDefault,
      required: true)
    fields.integer(
      &r, "recoveryLagMonths", .integer(in: 0, 60), into: &s,
      \.recoveryLagMonths)
    if var p = r.object("prepayment") {
      fields.number(
        &p, "partialShare", .fraction, into: &s, \.partialPrepaymentShare)
      fields.number(
        &p, "partialFraction", .within(0.01, 0.99), into: &s,
        \.partialPrepaymentFraction)
      fields.number(
        &p, "costElasticity", .within(0, 1_000), into: &s,
        \.prepaymentCostElasticity)
      p.finish()
    }
    r.finish()
    return fields.ok ? s : nil
  }

  /// A `collections` effort: logit shifts on delinquent loans' cure and roll, and its cost.
  func decodeCollections(_ reader: JSONObjectReader) -> CollectionsEffort? {
    var r = reader
    var fields = DecodedFields()
    var effort = CollectionsEffort.none
    fields.number(&r, "cureShift", .within(-10, 10), into: &effort, \.cureShift)
    fields.number(&r, "rollShift", .within(-10, 10), into: &effort, \.rollShift)
    fields.number(
      &r, "costPerDelinquentLoan", .within(0, 10_000), into: &effort,
      \.costPerDelinquentLoan)
    r.finish()
    return fields.ok ? effort : nil
  }
}

extension ScenarioDecoder {
  /// `seasoning`: the burn-in that grows a starting book.
  ///
  /// Refused beside the sections the burn-in cannot carry over (`blockers`: the lender's models,
  /// targeting policies, firms).
  func decodeSeasoning(_ reader: JSONObjectReader, blockers: [String])
    -> Seasoning?
  {
    var r = reader
    var fields = DecodedFields()
    let months = fields.integer(&r, "burnInMonths", .integer(in: 1, 60))
    let reach =
      r.has("reachRate") ? fields.number(&r, "reachRate", .fraction) : nil
    if !blockers.isEmpty {
      r.report(
        "burnInMonths",
        "a burn-in book cannot be grown beside \(blockers.joined(separator: ", ")) yet; remove `seasoning` or those sections"
      )
      fields.require(false)
    }
    r.finish()
    guard fields.ok, let months else { return nil }
    return Seasoning(burnInMonths: months, reachRate: reach)
  }
}

extension ScenarioParts {
  /// The sections present that a seasoning burn-in cannot run beside.
  var seasoningBlockers: [String] {
    [
      (riskStack.isGiven, "`riskStack`"), (targeting.isGiven, "`targeting`"),
      (business.isGiven, "`business`"),
    ].filter(\.0).map(\.1)
  }
}
