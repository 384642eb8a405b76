import FenqiCore

/// The words of every scenario field, by path pattern.
///
/// See ``JSONSchemaBuilder/docs``: what each field means, its unit and typical values. Types, ranges, allowed words and defaults are not written
/// here: the schema takes them from the validator's reads.
///
/// A test requires an entry for every field the validator reads, so a new field cannot reach the
/// schema undocumented.
enum ScenarioFieldDocs {
  /// Every field's documentation.
  static let all: [String: FieldDoc] = [
    foundation, population, behaviour, world, arms, offers, campaign, marketing,
    riskStack,
    targeting, business, experiment,
  ].reduce(into: [:]) { all, part in all.merge(part) { first, _ in first } }

  /// `FieldDoc(description, unit:, typical:)` in short.
  static func doc(_ text: String, unit: String? = nil, typical: String? = nil)
    -> FieldDoc
  {
    FieldDoc(text, unit: unit, typical: typical)
  }

  /// A field whose whole form is `schema` (a map, or a value of more than one form).
  static func shaped(_ text: String, _ schema: JSONValue, unit: String? = nil)
    -> FieldDoc
  {
    FieldDoc(text, unit: unit, schema: schema)
  }

  /// `{"type": type}` plus `extra`.
  static func typed(_ type: String, _ extra: [(String, JSONValue)] = [])
    -> JSONValue
  {
    .object([("type", .string(type))] + extra.map { (key: $0.0, value: $0.1) })
  }

  /// An object whose keys are names (segments, channels, categories) and whose values follow
  /// `value`.
  static func map(_ value: JSONValue) -> JSONValue {
    typed(
      "object",
      [
        (
          "propertyNames",
          .object([("minLength", .number(1)), ("maxLength", .number(100))])
        ),
        ("additionalProperties", value),
      ])
  }

  /// Any of `forms`.
  static func anyOf(_ forms: JSONValue...) -> JSONValue {
    .object([("anyOf", .array(forms))])
  }

  /// A number ≥ `minimum` (and ≤ `maximum`).
  static func number(_ minimum: Double? = nil, _ maximum: Double? = nil)
    -> JSONValue
  {
    var extra: [(String, JSONValue)] = []
    if let minimum { extra.append(("minimum", .number(minimum))) }
    if let maximum { extra.append(("maximum", .number(maximum))) }
    return typed("number", extra)
  }

  /// An array whose items follow `item`.
  static func array(_ item: JSONValue, count: Int? = nil) -> JSONValue {
    var extra: [(String, JSONValue)] = [("items", item)]
    if let count {
      extra += [
        ("minItems", .number(Double(count))),
        ("maxItems", .number(Double(count))),
      ]
    }
    return typed("array", extra)
  }

  /// A constant number or a monthly path of numbers.
  static let numberOrPath = anyOf(number(), array(number()))
}
