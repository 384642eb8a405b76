import FenqiCore

/// Collects decoded fields: each is handed on, or the object is marked failed when the field was
/// invalid (its problem is already reported).
struct DecodedFields {
  var ok = true

  mutating func take<T>(_ value: T?, _ assign: (T) -> Void) {
    if let value { assign(value) } else { ok = false }
  }

  /// Reads number `key` into `root[keyPath: path]`, its current value the default.
  mutating func number<Root>(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    into root: inout Root, _ path: WritableKeyPath<Root, Double>
  ) {
    take(r.number(key, rule, default: root[keyPath: path])) {
      root[keyPath: path] = $0
    }
  }

  /// Reads integer `key` into `root[keyPath: path]`, its current value the default.
  mutating func integer<Root>(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    into root: inout Root, _ path: WritableKeyPath<Root, Int>
  ) {
    take(r.integer(key, rule, default: root[keyPath: path])) {
      root[keyPath: path] = $0
    }
  }

  /// Reads boolean `key` into `root[keyPath: path]`, its current value the default.
  mutating func bool<Root>(
    _ r: inout JSONObjectReader, _ key: String, into root: inout Root,
    _ path: WritableKeyPath<Root, Bool>
  ) {
    take(r.bool(key, default: root[keyPath: path])) { root[keyPath: path] = $0 }
  }
}
