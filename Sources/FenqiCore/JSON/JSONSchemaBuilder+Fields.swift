extension JSONSchemaBuilder {
  /// The schema of one field from its reads (all at the same path) and its documentation.
  func fieldSchema(_ path: String, _ fieldReads: [FieldRecorder.Read])
    -> JSONValue
  {
    let doc = docs[path]
    var out: [(key: String, value: JSONValue)]
    if let fragment = doc?.schema, case .object(let members) = fragment {
      out = members
    } else {
      out = formSchema(path, Self.mostSpecific(fieldReads.map(\.kind)))
    }
    if let value = fieldReads.lazy.compactMap(\.defaultValue).first {
      out.append(("default", value))
    }
    if let doc { out.insert(("description", .string(doc.text)), at: 0) }
    return .object(out)
  }

  /// Of several reads of one field, the one that says most: typed over raw, a name over a
  /// string.
  static func mostSpecific(_ kinds: [FieldRecorder.Kind]) -> FieldRecorder.Kind
  {
    func rank(_ kind: FieldRecorder.Kind) -> Int {
      switch kind {
      case .any: 0
      case .string: 1
      default: 2
      }
    }
    return kinds.max { rank($0) < rank($1) } ?? .any
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
