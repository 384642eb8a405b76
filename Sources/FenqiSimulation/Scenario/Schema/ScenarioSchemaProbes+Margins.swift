import FenqiCore
import FenqiPopulation

extension ScenarioSchemaProbes {
  /// The margin kinds a continuous attribute may take, each with its parameters.
  static let continuousMargins: [(kind: String, fields: [(String, Double)])] = [
    ("normal", [("mean", 0), ("sd", 1)]),
    ("logNormal", [("median", 1), ("sigma", 0.5)]),
    ("uniform", [("min", 0), ("max", 1)]),
    ("beta", [("alpha", 2), ("beta", 2), ("min", 0), ("max", 1)]),
    ("poisson", [("mean", 1)]),
  ]

  /// One document per margin kind: every continuous attribute drawn from that kind, both as the
  /// population's defaults and in a segment's own attributes (the categorical attributes in
  /// each).
  static var marginDocuments: [JSONValue] {
    continuousMargins.map { margin in
      let attributes = JSONValue.object(
        CustomerAttribute.allCases.map { attribute in
          (key: attribute.name, value: marginValue(attribute, margin))
        })
      let segment = JSONValue.object([
        ("name", .string("segment")), ("share", .number(1)),
        ("attributes", attributes),
      ])
      return .object([
        (
          "population",
          .object([("attributes", attributes), ("segments", .array([segment]))])
        )
      ])
    }
  }

  /// The margin of `attribute`: `margin` for a continuous one, categorical otherwise.
  private static func marginValue(
    _ attribute: CustomerAttribute,
    _ margin: (kind: String, fields: [(String, Double)])
  ) -> JSONValue {
    let levels = attribute.categoryNames.count
    guard levels > 0 else {
      return .object(
        [(key: "kind", value: .string(margin.kind))]
          + margin.fields.map { (key: $0.0, value: JSONValue.number($0.1)) })
    }
    let share = JSONValue.number(1 / Double(levels))
    return .object([
      ("kind", .string("categorical")),
      ("probabilities", .array(Array(repeating: share, count: levels))),
    ])
  }
}
