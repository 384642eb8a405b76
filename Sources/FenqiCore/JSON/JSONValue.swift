/// A parsed JSON document.
///
/// Objects keep their members in file order, so that problems are reported
/// in the order a reader sees them, and duplicate keys can be detected.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// Any JSON number, held as a double.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in file order.
  case object([(key: String, value: JSONValue)])

  /// Structural equality; object members compare in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count
        && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// The member named `key` of an object (the last one if repeated), or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.key == key })?.value
  }

  /// A short description of the value for error messages: numbers and strings verbatim, other
  /// kinds by name ("an object", "an array", "null", "true").
  public var shortDescription: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return JSONWriter.format(x)
    case .string(let s):
      return "\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
