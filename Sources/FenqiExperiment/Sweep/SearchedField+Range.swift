import FenqiCore

extension SearchedField {
  /// Reports, at the field object's `max` and `min`, a range that is empty (`max` ≤ `min`) or a
  /// log scale over a `min` that is not positive.
  ///
  /// - Returns: whether the range is usable (nil bounds, reported elsewhere, count as usable).
  @discardableResult
  public static func checkRange(
    _ r: JSONObjectReader, low: Double?, high: Double?, isLog: Bool
  ) -> Bool {
    var ok = true
    if let low, let high, low >= high {
      r.report(
        "max",
        "expected a number > min (\(JSONWriter.format(low))), found \(JSONWriter.format(high))"
      )
      ok = false
    }
    if let low, isLog, low <= 0 {
      r.report(
        "min",
        "expected a number > 0 on a log scale, found \(JSONWriter.format(low))")
      ok = false
    }
    return ok
  }
}
