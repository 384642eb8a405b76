/// Reads one JSON object field by field, tracking its path, and reports to a shared
/// ``ProblemCollector`` instead of stopping at the first problem.
///
/// Every field asked for is remembered; ``finish()`` then reports the fields nobody asked for as
/// unknown, with a "did you mean" hint drawn from the known ones.
public struct JSONObjectReader {
  /// The path of this object, for example `$.arms[0]`.
  public let path: String
  private let members: [(key: String, value: JSONValue)]
  /// The collector every problem goes to.
  public let collector: ProblemCollector
  private var known: [String] = []
  /// This reader's number in the collector's recorder (0 without one).
  private var instance = 0

  /// Starts reading `value` at `path`; reports and returns nil if it is not an object.
  public init?(_ value: JSONValue, path: String, collector: ProblemCollector) {
    guard case .object(let members) = value else {
      collector.report(
        path, "expected an object, found \(value.shortDescription)")
      return nil
    }
    self.path = path
    self.members = members
    self.collector = collector
    instance = collector.recorder?.nextInstance() ?? 0
    var seen: Set<String> = []
    for m in members where !seen.insert(m.key).inserted {
      collector.report(childPath(m.key), "field appears more than once")
    }
  }

  /// The path of a field of this object.
  public func childPath(_ key: String) -> String {
    let plain = key.unicodeScalars.allSatisfy {
      ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
    }
    return plain && !key.isEmpty
      ? "\(path).\(key)" : "\(path)[\(JSONWriter.quoted(key))]"
  }

  /// Reports a problem at a field of this object.
  public func report(_ key: String, _ message: String) {
    collector.report(childPath(key), message)
  }

  /// The raw value of a field, marking it known; nil when absent.
  public mutating func value(_ key: String) -> JSONValue? {
    record(key, .any)
    return member(key)
  }

  /// The raw value of a field, marking it known but recording nothing (the typed reads record
  /// what they read).
  private mutating func member(_ key: String) -> JSONValue? {
    known.append(key)
    return members.last(where: { $0.key == key })?.value
  }

  /// Records a read in the collector's recorder, if it has one.
  private func record(
    _ key: String, _ kind: FieldRecorder.Kind, default value: JSONValue? = nil,
    required: Bool = false
  ) {
    collector.recorder?.record(
      path, key, kind, default: value, required: required, instance: instance)
  }

  /// Whether `key` is a comment or a schema reference, which every object may carry and readers
  /// ignore: `$schema` (an editor's link to the JSON Schema) and keys starting with `$comment`.
  public static func isAnnotation(_ key: String) -> Bool {
    key == "$schema" || key.hasPrefix("$comment")
  }

  /// Whether the object has the field (does not mark it known).
  ///
  /// A field a reader asks about is optional: the recorder notes it as such, whatever typed
  /// read follows when it is there.
  public func has(_ key: String) -> Bool {
    record(key, .any)
    return members.contains { $0.key == key }
  }

  /// A number satisfying `rule`; absent → `defaultValue`, or a "missing" problem when there is none.
  public mutating func number(
    _ key: String, _ rule: NumberRule, default defaultValue: Double? = nil
  ) -> Double? {
    record(
      key, .number(rule), default: defaultValue.map(JSONValue.number),
      required: defaultValue == nil)
    guard let v = member(key) else {
      if defaultValue == nil {
        report(key, "missing required field (expected \(rule.expectation))")
      }
      return defaultValue
    }
    guard case .number(let x) = v, rule.accepts(x) else {
      report(key, "expected \(rule.expectation), found \(v.shortDescription)")
      return nil
    }
    return x
  }

  /// An integer satisfying `rule` (which should demand an integer).
  public mutating func integer(
    _ key: String, _ rule: NumberRule, default defaultValue: Int? = nil
  ) -> Int? {
    number(key, rule, default: defaultValue.map(Double.init)).map { Int($0) }
  }

  /// A string, optionally restricted to `allowed` values.
  ///
  /// `allowedAreNames`: the allowed values are names the document itself defines (its
  /// categories, sectors, channels), not a fixed vocabulary — a schema cannot list them.
  public mutating func string(
    _ key: String, default defaultValue: String? = nil,
    allowed: [String]? = nil,
    allowedAreNames: Bool = false
  ) -> String? {
    let expectation =
      allowed.map { "one of " + $0.map { "\"\($0)\"" }.joined(separator: ", ") }
      ?? "a string"
    record(
      key, .string(allowed: allowedAreNames ? nil : allowed),
      default: defaultValue.map(JSONValue.string),
      required: defaultValue == nil)
    guard let v = member(key) else {
      if defaultValue == nil {
        report(key, "missing required field (expected \(expectation))")
      }
      return defaultValue
    }
    guard case .string(let s) = v, allowed?.contains(s) ?? true else {
      var message = "expected \(expectation), found \(v.shortDescription)"
      if case .string(let s) = v, let allowed,
        let hint = Suggestion.nearest(to: s, among: allowed)
      {
        message += "; did you mean \"\(hint)\"?"
      }
      report(key, message)
      return nil
    }
    return s
  }

  /// The longest name a scenario may give anything, in characters.
  public static let maxNameLength = 100

  /// A name: a required string of 1 to ``maxNameLength`` characters, no control characters
  /// (names become folder names, CSV headers and report labels).
  public mutating func name(_ key: String = "name") -> String? {
    defer { record(key, .name, required: true) }
    guard let s = string(key) else { return nil }
    let count = s.count
    if count == 0 || count > Self.maxNameLength {
      report(
        key,
        "expected a name of 1 to \(Self.maxNameLength) characters, found \(count)"
      )
      return nil
    }
    if s.unicodeScalars.contains(where: {
      $0.properties.generalCategory == .control
    }) {
      report(
        key,
        "expected a name without control characters (newlines, tabs), found \(JSONValue.string(s).shortDescription)"
      )
      return nil
    }
    return s
  }

  /// A boolean.
  public mutating func bool(_ key: String, default defaultValue: Bool? = nil)
    -> Bool?
  {
    record(
      key, .bool, default: defaultValue.map(JSONValue.bool),
      required: defaultValue == nil)
    guard let v = member(key) else {
      if defaultValue == nil {
        report(key, "missing required field (expected true or false)")
      }
      return defaultValue
    }
    guard case .bool(let b) = v else {
      report(key, "expected true or false, found \(v.shortDescription)")
      return nil
    }
    return b
  }

  /// A nested object reader; nil when absent (reported if `required`) or not an object.
  public mutating func object(_ key: String, required: Bool = false)
    -> JSONObjectReader?
  {
    record(key, .object, required: required)
    guard let v = member(key) else {
      if required { report(key, "missing required field (expected an object)") }
      return nil
    }
    return JSONObjectReader(v, path: childPath(key), collector: collector)
  }

  /// The elements of an array field with their paths; nil when absent (reported if `required`)
  /// or not an array.
  public mutating func array(
    _ key: String, required: Bool = false, minimumCount: Int = 0
  ) -> [(path: String, value: JSONValue)]? {
    record(key, .array(minimumCount: minimumCount), required: required)
    return elements(key, required: required, minimumCount: minimumCount)
  }

  /// ``array(_:required:minimumCount:)`` without recording the read.
  private mutating func elements(
    _ key: String, required: Bool = false, minimumCount: Int = 0
  ) -> [(path: String, value: JSONValue)]? {
    guard let v = member(key) else {
      if required { report(key, "missing required field (expected an array)") }
      return nil
    }
    guard case .array(let elements) = v else {
      report(key, "expected an array, found \(v.shortDescription)")
      return nil
    }
    if elements.count < minimumCount {
      report(
        key,
        "expected an array of at least \(minimumCount) element\(minimumCount == 1 ? "" : "s"), found \(elements.count)"
      )
    }
    let base = childPath(key)
    return elements.enumerated().map { ("\(base)[\($0.offset)]", $0.element) }
  }

  /// An array of numbers each satisfying `rule`, optionally of an exact length.
  public mutating func numbers(
    _ key: String, _ rule: NumberRule, count: Int? = nil,
    default defaultValue: [Double]? = nil
  ) -> [Double]? {
    record(
      key, .numbers(rule, count: count),
      default: defaultValue.map { .array($0.map(JSONValue.number)) },
      required: defaultValue == nil)
    guard has(key) else {
      known.append(key)
      if defaultValue == nil {
        report(
          key,
          "missing required field (expected an array of \(rule.expectation.replacingFirstArticle()))"
        )
      }
      return defaultValue
    }
    guard let elements = elements(key) else { return nil }
    if let count, elements.count != count {
      report(key, "expected \(count) numbers, found \(elements.count)")
      return nil
    }
    var out: [Double] = []
    var ok = true
    for e in elements {
      if case .number(let x) = e.value, rule.accepts(x) {
        out.append(x)
      } else {
        collector.report(
          e.path,
          "expected \(rule.expectation), found \(e.value.shortDescription)")
        ok = false
      }
    }
    return ok ? out : nil
  }

  /// Reports every field that no one asked for, with the nearest known field as a hint.
  public func finish() {
    for m in members where !known.contains(m.key) && !Self.isAnnotation(m.key) {
      var message = "unknown field"
      if let hint = Suggestion.nearest(to: m.key, among: known) {
        message += "; did you mean \"\(hint)\"?"
      }
      report(m.key, message)
    }
  }
}

extension String {
  /// "a number > 0" → "numbers > 0"-ish phrasing for array expectations: drops a leading article.
  fileprivate func replacingFirstArticle() -> String {
    if hasPrefix("a ") { return String(dropFirst(2)) + " values" }
    if hasPrefix("an ") { return String(dropFirst(3)) + " values" }
    return self
  }
}
