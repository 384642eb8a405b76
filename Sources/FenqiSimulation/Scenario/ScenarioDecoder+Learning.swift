import FenqiCore
import FenqiDecision

/// Decoding of the learning loop's parts of `riskStack`: `drift` (stability alarms and their
/// action) and `rejectInference` (how re-training treats declined applicants).
extension ScenarioDecoder {
  /// `riskStack.drift` and `riskStack.rejectInference` into `s`.
  func decodeLearning(
    _ r: inout JSONObjectReader, into s: inout RiskStackSettings,
    fields: inout DecodedFields
  ) {
    if var d = r.object("drift") {
      fields.number(&d, "watch", .within(0.001, 10), into: &s, \.drift.watch)
      fields.number(&d, "act", .within(0.001, 10), into: &s, \.drift.act)
      fields.choice(&d, "action", into: &s, \.drift.action)
      if s.drift.act <= s.drift.watch {
        d.report(
          "act",
          "expected a PSI above the watch threshold \(JSONWriter.format(s.drift.watch)), found \(JSONWriter.format(s.drift.act))"
        )
        fields.require(false)
      }
      d.finish()
    }
    if var j = r.object("rejectInference") {
      fields.choice(&j, "method", into: &s, \.rejectInference.method)
      fields.number(
        &j, "badRateFactor", .within(0.1, 10), into: &s,
        \.rejectInference.badRateFactor)
      j.finish()
    }
  }
}
