import FenqiCore

/// Finds a free parameter's field in a scenario document.
///
/// It walks a dotted path the way `SweepGrid.set(_:at:in:)` patches it: object keys, and array
/// elements by index or by their `name`. Unlike `set`, every step must exist, the last one
/// included, and hold a number.
enum ScenarioField {
  /// The field's canonical JSON path (`$.arms[1].offer.apr`) and its current value.
  struct Found: Equatable {
    var canonical: String
    var value: Double
  }

  /// Locates `path` in `root`.
  ///
  /// - Returns: the field, or the message for the calibration file's `path` field:
  ///   `the scenario has no field 'repayment.roll.slope'; did you mean 'slope2'?`.
  static func locate(_ path: String, in root: JSONValue) -> Result<
    Found, Problem
  > {
    let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(
      String.init)
    guard !keys.contains(where: \.isEmpty) else {
      return .failure(
        Problem(
          "expected a dotted path such as \"repayment.roll.intercept\", found \(JSONValue.string(path).shortDescription)"
        ))
    }
    var node = root
    var walked = "$"
    for (depth, key) in keys.enumerated() {
      switch node {
      case .object(let members):
        guard let member = members.last(where: { $0.key == key }) else {
          return .failure(missing(path, key, among: members.map(\.key)))
        }
        node = member.value
        walked += "." + key
      case .array(let elements):
        let index =
          Int(key).flatMap { $0 >= 0 && $0 < elements.count ? $0 : nil }
          ?? elements.firstIndex { $0["name"] == .string(key) }
        guard let index else {
          let names = elements.compactMap { e -> String? in
            if case .string(let s) = e["name"] ?? .null { return s }
            return nil
          }
          return .failure(missing(path, key, among: names))
        }
        node = elements[index]
        walked += "[\(index)]"
      default:
        let prefix = keys[..<depth].joined(separator: ".")
        return .failure(
          Problem(
            "the scenario has no field '\(path)': '\(prefix)' is \(node.shortDescription)"
          ))
      }
    }
    guard case .number(let value) = node else {
      return .failure(
        Problem(
          "expected the path of a number, but '\(path)' is \(node.shortDescription) in the scenario"
        ))
    }
    return .success(Found(canonical: walked, value: value))
  }

  /// A message.
  struct Problem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
  }

  private static func missing(
    _ path: String, _ key: String, among candidates: [String]
  )
    -> Problem
  {
    var message = "the scenario has no field '\(path)'"
    if let hint = Suggestion.nearest(to: key, among: candidates) {
      message += "; did you mean '\(hint)'?"
    }
    return Problem(message)
  }
}
