import FenqiCore

/// Decoding of an arm's `lines` policy and `recourse` terms (they need a `business` layer).
extension ScenarioDecoder {
  /// An arm's `lines` policy.
  func decodeLines(_ reader: JSONObjectReader) -> LineManagement? {
    var r = reader
    var fields = DecodedFields()
    var p = LineManagement()
    fields.number(
      &r, "initialIncomeMultiple", .within(0.01, 100), into: &p,
      \.initialIncomeMultiple)
    fields.number(&r, "maxLine", .within(1, 1e9), into: &p, \.maxLine)
    fields.integer(
      &r, "reviewEveryMonths", .integer(in: 1, 24), into: &p,
      \.reviewEveryMonths)
    if var raise = r.object("raise") {
      fields.number(
        &raise, "factor", .within(1, 10), into: &p, \.raiseFactor)
      fields.integer(
        &raise, "minCleanMonths", .integer(in: 0, 60), into: &p,
        \.raiseMinCleanMonths)
      fields.number(
        &raise, "minUtilisation", .fraction, into: &p, \.raiseMinUtilisation)
      fields.number(
        &raise, "maxIncomeMultiple", .within(0.01, 1_000), into: &p,
        \.maxIncomeMultiple)
      raise.finish()
    }
    if var cut = r.object("cut") {
      fields.number(
        &cut, "factor", NumberRule.within(0.01, 0.99), into: &p, \.cutFactor)
      fields.integer(
        &cut, "monthsPastDue", .integer(in: 1, 12), into: &p,
        \.cutMonthsPastDue)
      cut.finish()
    }
    if var freeze = r.object("freeze") {
      fields.integer(
        &freeze, "monthsPastDue", .integer(in: 1, 12), into: &p,
        \.freezeMonthsPastDue)
      fields.number(
        &freeze, "bureauDrop", .within(0, 1_000), into: &p,
        \.freezeBureauDrop)
      fields.integer(
        &freeze, "unfreezeCleanMonths", .integer(in: 1, 60), into: &p,
        \.unfreezeCleanMonths)
      // Only on a policy whose every field so far is valid.
      if fields.ok {
        fields.require(
          check(.lineFreeze(path: freeze.childPath("monthsPastDue"), p)))
      }
      freeze.finish()
    }
    if fields.ok {
      fields.require(check(.lineRaise(path: r.childPath("raise"), p)))
    }
    r.finish()
    return fields.ok ? p : nil
  }

  /// An arm's `recourse` terms.
  func decodeRecourse(_ reader: JSONObjectReader) -> RecourseTerms? {
    var r = reader
    var fields = DecodedFields()
    var t = RecourseTerms()
    fields.number(&r, "clawbackShare", .fraction, into: &t, \.clawbackShare)
    if r.has("reserveRate") {
      t.reserveRate = fields.number(&r, "reserveRate", .within(0, 1))
    }
    r.finish()
    return fields.ok ? t : nil
  }
}
