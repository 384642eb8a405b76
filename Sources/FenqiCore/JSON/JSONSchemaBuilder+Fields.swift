extension JSONSchemaBuilder {
  /// The schema of one field from its reads (all at the same path) and its documentation.
  func fieldSchema(_ path: String, _ fieldReads: [FieldRecorder.Read])
    -> JSONValue
  {
    let doc = doc(at: path)
    var out: [(key: String, value: JSONValue)]
    if let fragment = doc?.schema, case .object(let members) = fragment {
      out = members
    } else {
      out = formSchema(path, Self.mostSpecific(fieldReads.map(\.kind)))
    }
    // A default that differs between documents comes from another field (an arm's rule falls
    // back to the scenario's, the control to the first arm): no default can be stated.
    let defaults = fieldReads.compactMap(\.defaultValue)
    if let value = defaults.first, defaults.allSatisfy({ $0 == value }) {
      out.append(("default", value))
    }
    if let doc { out.insert(("description", .string(doc.text)), at: 0) }
    return .object(out)
  }

  /// Of several reads of one field, the one that says most — typed over raw, a name over a
  /// string — with the constraints of every read loosened to accept what any read accepts
  /// (a variant of an object may allow a field a wider range than another).
  static func mostSpecific(_ kinds: [FieldRecorder.Kind]) -> FieldRecorder.Kind
  {
    func rank(_ kind: FieldRecorder.Kind) -> Int {
      switch kind {
      case .any: 0
      case .string: 1
      default: 2
      }
    }
    guard let best = kinds.max(by: { rank($0) < rank($1) }) else { return .any }
    switch best {
    case .number:
      let rules = kinds.compactMap { k -> NumberRule? in
        if case .number(let r) = k { r } else { nil }
      }
      return .number(loosest(rules))
    case .string:
      var allowed: [String]? = []
      for case .string(let list) in kinds {
        if let list, let so = allowed {
          allowed = so + list.filter { !so.contains($0) }
        } else {
          allowed = nil
        }
      }
      return .string(allowed: allowed)
    default: return best
    }
  }

  /// A rule accepting whatever any of `rules` accepts, as far as their bounds say.
  static func loosest(_ rules: [NumberRule]) -> NumberRule {
    guard let first = rules.first else { return .any }
    let bounds = rules.map(\.bounds)
    if bounds.allSatisfy({ $0 == first.bounds }) { return first }
    let known = bounds.compactMap { $0 }
    guard known.count == bounds.count else { return .any }
    func common(
      _ key: KeyPath<NumberBounds, Double?>, _ pick: ([Double]) -> Double?
    )
      -> Double?
    {
      let values = known.compactMap { $0[keyPath: key] }
      return values.count == known.count ? pick(values) : nil
    }
    let merged = NumberBounds(
      minimum: common(\.minimum) { $0.min() },
      maximum: common(\.maximum) { $0.max() },
      exclusiveMinimum: common(\.exclusiveMinimum) { $0.min() },
      exclusiveMaximum: common(\.exclusiveMaximum) { $0.max() },
      integer: known.allSatisfy(\.integer))
    return NumberRule(
      rules.map(\.expectation).joined(separator: " or "), bounds: merged
    ) { x in rules.contains { $0.accepts(x) } }
  }

  /// The members of the schema of a value read as `kind`.
  private func formSchema(_ path: String, _ kind: FieldRecorder.Kind)
    -> [(key: String, value: JSONValue)]
  {
    switch kind {
    case .number(let rule): return Self.numberSchema(rule)
    case .string(let allowed):
      var out: [(key: String, value: JSONValue)] = [("type", .string("string"))]
      if let allowed {
        out.append(("enum", .array(allowed.map(JSONValue.string))))
      }
      return out
    case .name:
      return [
        ("type", .string("string")), ("minLength", .number(1)),
        ("maxLength", .number(Double(JSONObjectReader.maxNameLength))),
        ("pattern", .string("^[^\\u0000-\\u001f\\u007f-\\u009f]*$")),
      ]
    case .bool: return [("type", .string("boolean"))]
    case .object: return objectSchema(at: path)
    case .array(let minimumCount):
      var out: [(key: String, value: JSONValue)] = [("type", .string("array"))]
      if minimumCount > 0 {
        out.append(("minItems", .number(Double(minimumCount))))
      }
      let element = path + "[]"
      if reads.contains(where: { $0.objectPath == element }) {
        out.append(("items", .object(objectSchema(at: element))))
      }
      return out
    case .numbers(let rule, let count):
      var out: [(key: String, value: JSONValue)] = [
        ("type", .string("array")), ("items", .object(Self.numberSchema(rule))),
      ]
      if let count {
        out.append(("minItems", .number(Double(count))))
        out.append(("maxItems", .number(Double(count))))
      }
      return out
    case .any: return []
    }
  }

  /// The schema of a number under `rule`: its type and bounds.
  static func numberSchema(_ rule: NumberRule) -> [(
    key: String, value: JSONValue
  )] {
    guard let b = rule.bounds else {
      return [
        ("type", .string("number")),
        ("$comment", .string("expected \(rule.expectation)")),
      ]
    }
    var out: [(key: String, value: JSONValue)] = [
      ("type", .string(b.integer ? "integer" : "number"))
    ]
    if let allowed = b.allowed {
      out.append(("enum", .array(allowed.map(JSONValue.number))))
    }
    if let x = b.minimum { out.append(("minimum", .number(x))) }
    if let x = b.maximum { out.append(("maximum", .number(x))) }
    if let x = b.exclusiveMinimum {
      out.append(("exclusiveMinimum", .number(x)))
    }
    if let x = b.exclusiveMaximum {
      out.append(("exclusiveMaximum", .number(x)))
    }
    return out
  }
}
