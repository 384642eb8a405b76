import FenqiCore

/// How every section decoder reads an object's fields: each read goes through here, which remembers
/// whether any field was invalid, so a decoder ends with `fields.ok ? value : nil` instead of a
/// chain of optionals and flags.
///
/// Two forms of each read:
/// - `into:` writes the field into its place in the value being built; the value's current
///   content is the default (`required: true`: a missing field is a problem instead).
/// - without `into:`, the field comes back as an optional, for values that are not built field by
///   field (an enum's payload) and for the ``ScenarioRule``s that relate it to other fields.
///
/// Every read also returns what it read, nil when it was invalid (the reader has reported why).
struct DecodedFields {
  /// False once a field was invalid or a rule refused the value; its problem has been reported.
  private(set) var ok = true

  /// Marks the value invalid unless `holds` (the problem has been reported).
  mutating func require(_ holds: Bool) {
    if !holds { ok = false }
  }

  /// `value`, or nil after marking the value invalid (its problem has been reported).
  @discardableResult
  mutating func take<T>(_ value: T?) -> T? {
    if value == nil { ok = false }
    return value
  }

  /// Hands `value` to `assign`, or marks the value invalid when it is nil.
  mutating func take<T>(_ value: T?, _ assign: (T) -> Void) {
    if let value { assign(value) } else { ok = false }
  }

  // MARK: reads into the value being built

  /// Number `key` into `root[keyPath: path]`.
  @discardableResult
  mutating func number<Root>(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    into root: inout Root, _ path: WritableKeyPath<Root, Double>,
    required: Bool = false
  ) -> Double? {
    let x = number(
      &r, key, rule, default: required ? nil : root[keyPath: path])
    if let x { root[keyPath: path] = x }
    return x
  }

  /// Integer `key` into `root[keyPath: path]`.
  @discardableResult
  mutating func integer<Root>(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    into root: inout Root, _ path: WritableKeyPath<Root, Int>,
    required: Bool = false
  ) -> Int? {
    let x = integer(
      &r, key, rule, default: required ? nil : root[keyPath: path])
    if let x { root[keyPath: path] = x }
    return x
  }

  /// Boolean `key` into `root[keyPath: path]`.
  @discardableResult
  mutating func bool<Root>(
    _ r: inout JSONObjectReader, _ key: String, into root: inout Root,
    _ path: WritableKeyPath<Root, Bool>
  ) -> Bool? {
    let x = bool(&r, key, default: root[keyPath: path])
    if let x { root[keyPath: path] = x }
    return x
  }

  /// String `key`, one of `Value`'s raw values, into `root[keyPath: path]`.
  @discardableResult
  mutating func choice<Root, Value>(
    _ r: inout JSONObjectReader, _ key: String, into root: inout Root,
    _ path: WritableKeyPath<Root, Value>, required: Bool = false
  ) -> Value?
  where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    let x = choice(
      &r, key, Value.self,
      default: required ? nil : root[keyPath: path])
    if let x { root[keyPath: path] = x }
    return x
  }

  /// Numbers `key` (each satisfying `rule`) into `root[keyPath: path]`.
  @discardableResult
  mutating func numbers<Root>(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    count: Int? = nil, into root: inout Root,
    _ path: WritableKeyPath<Root, [Double]>
  ) -> [Double]? {
    let x = take(
      r.numbers(key, rule, count: count, default: root[keyPath: path]))
    if let x { root[keyPath: path] = x }
    return x
  }

  /// The name `key` (see ``JSONObjectReader/name(_:)``) into `root[keyPath: path]`.
  @discardableResult
  mutating func name<Root>(
    _ r: inout JSONObjectReader, _ key: String = "name", into root: inout Root,
    _ path: WritableKeyPath<Root, String>
  ) -> String? {
    let x = take(r.name(key))
    if let x { root[keyPath: path] = x }
    return x
  }

  // MARK: reads that come back

  /// Number `key`; absent: `defaultValue`, or a "missing" problem when there is none.
  mutating func number(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    default defaultValue: Double? = nil
  ) -> Double? {
    take(r.number(key, rule, default: defaultValue))
  }

  /// Integer `key`; absent: `defaultValue`, or a "missing" problem when there is none.
  mutating func integer(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    default defaultValue: Int? = nil
  ) -> Int? {
    take(r.integer(key, rule, default: defaultValue))
  }

  /// Boolean `key`; absent: `defaultValue`, or a "missing" problem when there is none.
  mutating func bool(
    _ r: inout JSONObjectReader, _ key: String,
    default defaultValue: Bool? = nil
  ) -> Bool? {
    take(r.bool(key, default: defaultValue))
  }

  /// String `key`, optionally one of `allowed`.
  mutating func string(
    _ r: inout JSONObjectReader, _ key: String,
    default defaultValue: String? = nil, allowed: [String]? = nil,
    allowedAreNames: Bool = false
  ) -> String? {
    take(
      r.string(
        key, default: defaultValue, allowed: allowed,
        allowedAreNames: allowedAreNames))
  }

  /// String `key` as a case of `Value`, whose raw values are the allowed strings.
  mutating func choice<Value>(
    _ r: inout JSONObjectReader, _ key: String, _ type: Value.Type,
    default defaultValue: Value? = nil
  ) -> Value?
  where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    take(
      r.string(
        key, default: defaultValue?.rawValue,
        allowed: Value.allCases.map(\.rawValue)
      ).flatMap(Value.init(rawValue:)))
  }

  /// Numbers `key`, each satisfying `rule`, optionally exactly `count` of them.
  mutating func numbers(
    _ r: inout JSONObjectReader, _ key: String, _ rule: NumberRule,
    count: Int? = nil, default defaultValue: [Double]? = nil
  ) -> [Double]? {
    take(r.numbers(key, rule, count: count, default: defaultValue))
  }

  /// The name `key` (see ``JSONObjectReader/name(_:)``).
  mutating func name(_ r: inout JSONObjectReader, _ key: String = "name")
    -> String?
  {
    take(r.name(key))
  }

  /// Object `key` decoded by `decode`; nil when absent, not an object (reported) or invalid.
  ///
  /// The value is marked invalid when `decode` fails, or when a `required` object is missing or
  /// not an object; an optional object of the wrong type is reported and left out.
  mutating func object<T>(
    _ r: inout JSONObjectReader, _ key: String, required: Bool = false,
    _ decode: (JSONObjectReader) -> T?
  ) -> T? {
    guard let reader = r.object(key, required: required) else {
      require(!required)
      return nil
    }
    return take(decode(reader))
  }

  /// Array `key`, each element decoded by `decode` (nil after reporting its problems, which marks
  /// the value invalid); nil when absent or not an array (reported when `required` or not an
  /// array: the caller decides whether it can do without).
  mutating func array<T>(
    _ r: inout JSONObjectReader, _ key: String, required: Bool = false,
    minimumCount: Int = 0,
    _ decode: (_ path: String, _ value: JSONValue) -> T?
  ) -> [T]? {
    guard
      let elements = r.array(
        key, required: required, minimumCount: minimumCount)
    else { return nil }
    var out: [T] = []
    for (path, value) in elements {
      if let x = decode(path, value) { out.append(x) } else { ok = false }
    }
    return out
  }
}
