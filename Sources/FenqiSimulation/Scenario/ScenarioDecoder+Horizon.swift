import FenqiCore

extension ScenarioDecoder {
  /// `horizon`: run-off months after the window (`runOff`: a number of months, 0–120, or
  /// `"matured"`) and the annual discount rate of net present values (`discountRate`).
  func decodeHorizon(_ reader: JSONObjectReader) -> Horizon? {
    var r = reader
    var fields = DecodedFields()
    var runOff = Horizon.RunOff.none
    switch r.value("runOff") {
    case nil: break
    case .string("matured")?: runOff = .untilMatured
    case .number(let m)? where m == m.rounded() && m >= 0 && m <= 120:
      runOff = m == 0 ? .none : .months(Int(m))
    case let other?:
      r.report(
        "runOff",
        "expected a whole number of months from 0 to 120, or \"matured\" (until every loan booked in the window has matured), found \(other.shortDescription)"
      )
      fields.require(false)
    }
    let rate =
      r.has("discountRate")
      ? fields.number(&r, "discountRate", .within(0, 1)) : nil
    r.finish()
    guard fields.ok else { return nil }
    return Horizon(runOff: runOff, annualDiscountRate: rate)
  }
}
