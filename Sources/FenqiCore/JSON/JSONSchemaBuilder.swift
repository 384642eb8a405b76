/// Builds a JSON Schema (draft 2020-12) from the fields a validator read (a ``FieldRecorder``)
/// and the words that document them (``FieldDoc``s), so types, ranges, allowed words and
/// defaults come from the validator itself and only the prose is written beside it.
///
/// Every object is closed (`additionalProperties: false`, as the validator rejects unknown
/// fields) but for `$schema` and `$comment…` annotations. A field is required when every
/// instance of its object that read it read it as required. A field documented with a
/// ``FieldDoc/schema`` uses that fragment instead of what was recorded beneath it (maps keyed by
/// names, values of more than one form).
public struct JSONSchemaBuilder: Sendable {
  /// The recorded reads.
  public let reads: [FieldRecorder.Read]
  /// Words for each field, by path pattern (`$.arms[].offer.termMonths`), or by a path's tail
  /// after `*.` for a field that appears in several places (`*.offer.termMonths`).
  public let docs: [String: FieldDoc]

  /// Creates a builder.
  public init(reads: [FieldRecorder.Read], docs: [String: FieldDoc]) {
    self.reads = reads
    self.docs = docs
  }

  /// The paths of every field read, in the order first read, each once.
  public var fieldPaths: [String] {
    var seen: Set<String> = []
    var out: [String] = []
    for read in reads {
      let path = Self.childPath(read.objectPath, read.key)
      if !covered(path), seen.insert(path).inserted { out.append(path) }
    }
    return out
  }

  /// The schema of the object at `path` (the root is `$`), with `title` and `description`.
  public func schema(title: String, description: String) -> JSONValue {
    var root = objectSchema(at: "$")
    root.insert(
      ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      at: 0)
    root.insert(("title", .string(title)), at: 1)
    root.insert(("description", .string(description)), at: 2)
    return .object(root)
  }

  /// The path of a field of the object at `objectPath`, as ``JSONObjectReader`` writes it.
  public static func childPath(_ objectPath: String, _ key: String) -> String {
    let plain = key.unicodeScalars.allSatisfy {
      ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
    }
    return plain && !key.isEmpty
      ? "\(objectPath).\(key)" : "\(objectPath)[\(JSONWriter.quoted(key))]"
  }

  /// The words for the field at `path`: its own entry, or the entry of its longest tail
  /// (`*.offer.termMonths` for `$.arms[].campaign.offer.termMonths`).
  public func doc(at path: String) -> FieldDoc? {
    if let own = docs[path] { return own }
    var index = path.startIndex
    while let dot = path[index...].firstIndex(of: ".") {
      if let tail = docs["*" + path[dot...]] { return tail }
      index = path.index(after: dot)
    }
    return nil
  }

  /// Whether `path` lies beneath a field whose documentation gives its whole schema.
  private func covered(_ path: String) -> Bool {
    var p = Substring(path)
    while let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) {
      p = p[..<cut]
      if doc(at: String(p))?.schema != nil { return true }
    }
    return false
  }

  /// The members of an object's schema: its properties, required fields, closed to others.
  func objectSchema(at path: String) -> [(key: String, value: JSONValue)] {
    let mine = reads.filter { $0.objectPath == path }
    var order: [String] = []
    var byKey: [String: [FieldRecorder.Read]] = [:]
    for read in mine {
      if byKey[read.key] == nil { order.append(read.key) }
      byKey[read.key, default: []].append(read)
    }
    var properties: [(key: String, value: JSONValue)] = []
    var required: [JSONValue] = []
    for key in order.sorted() {
      let fieldReads = byKey[key] ?? []
      properties.append(
        (key, fieldSchema(Self.childPath(path, key), fieldReads)))
      if isRequired(key, of: mine, fieldReads) { required.append(.string(key)) }
    }
    var out: [(key: String, value: JSONValue)] = [("type", .string("object"))]
    out.append(("properties", .object(properties)))
    if !required.isEmpty { out.append(("required", .array(required))) }
    out.append(
      (
        "patternProperties",
        .object([
          ("^\\$(schema$|comment)", .object([("type", .string("string"))]))
        ])
      ))
    out.append(("additionalProperties", .bool(false)))
    return out
  }

  /// Required when every instance of the object that read anything read `key`, as required.
  private func isRequired(
    _ key: String, of objectReads: [FieldRecorder.Read],
    _ fieldReads: [FieldRecorder.Read]
  ) -> Bool {
    let instances = Set(objectReads.map(\.instance))
    let requiring = Set(fieldReads.filter(\.required).map(\.instance))
    return !fieldReads.contains { !$0.required } && requiring == instances
  }
}

/// The words documenting one field of a schema.
public struct FieldDoc: Sendable {
  /// What the field means, in a sentence or two.
  public var description: String
  /// The unit (yuan, months, a fraction a month …), when the field has one.
  public var unit: String?
  /// A typical range or value, in words ("0.3–0.9 for consumer books").
  public var typical: String?
  /// A whole schema fragment for a field whose form the recorder cannot see (a map keyed by
  /// names, a number or a word); nil: the recorded form.
  public var schema: JSONValue?

  /// Creates the words for a field.
  public init(
    _ description: String, unit: String? = nil, typical: String? = nil,
    schema: JSONValue? = nil
  ) {
    self.description = description
    self.unit = unit
    self.typical = typical
    self.schema = schema
  }

  /// The description as a schema shows it: the sentence, then the unit and typical values.
  public var text: String {
    var out = description
    if let unit { out += " Unit: \(unit)." }
    if let typical { out += " Typical: \(typical)." }
    return out
  }
}
