import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiServe

/// `Sources/FenqiServe/FenqiServe.docc/openapi.json` describes exactly the server's routes, each
/// operation with a summary and responses, and the decision application with exactly the
/// decision service's fields, types, ranges and defaults.
@Suite struct OpenAPITests {
  /// The parsed description.
  static func document() throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/FenqiServe/FenqiServe.docc/openapi.json")
    return try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
  }

  /// The members of an object (empty for anything else).
  static func members(_ v: JSONValue?) -> [(key: String, value: JSONValue)] {
    if case .object(let m)? = v { return m }
    return []
  }

  /// Every (method, path) the description has, with its operation.
  static func operations(_ doc: JSONValue) -> [(
    method: String, path: String, operation: JSONValue
  )] {
    members(doc["paths"]).flatMap { path in
      members(path.value).map {
        (method: $0.key.uppercased(), path: path.key, operation: $0.value)
      }
    }
  }

  @Test func itIsOpenAPI31() throws {
    let doc = try Self.document()
    #expect(doc["openapi"] == .string("3.1.0"))
    #expect(
      Self.members(doc["components"]?["securitySchemes"]?["bearer"]).contains {
        $0.key == "scheme" && $0.value == .string("bearer")
      })
  }

  @Test func itsOperationsAreExactlyTheServersRoutes() throws {
    let doc = try Self.document()
    let described = Self.operations(doc).map { "\($0.method) \($0.path)" }
    let served = try ServeFixture().application.routes.map {
      "\($0.method) \($0.pattern)"
    }
    #expect(described.count == Set(described).count)
    #expect(Set(described) == Set(served))
    #expect(served.count == 16)
  }

  @Test func everyOperationHasASummaryAndResponses() throws {
    let doc = try Self.document()
    for op in Self.operations(doc) {
      guard case .string(let summary)? = op.operation["summary"] else {
        Issue.record("\(op.method) \(op.path): no summary")
        continue
      }
      #expect(!summary.isEmpty)
      let codes = Self.members(op.operation["responses"]).map(\.key)
      #expect(codes.contains { $0.hasPrefix("2") }, "\(op.method) \(op.path)")
      if op.path.hasPrefix("/v1/") {
        #expect(codes.contains("401"), "\(op.method) \(op.path)")
      }
      let parameters = op.path.split(separator: "{").dropFirst().map {
        String($0.prefix { $0 != "}" })
      }
      let declared: [String] =
        if case .array(let list)? = op.operation["parameters"] {
          list.compactMap { p -> String? in
            guard case .string(let ref)? = p["$ref"],
              let name = ref.split(separator: "/").last,
              case .string(let n)? = doc["components"]?["parameters"]?[
                String(name)]?["name"]
            else { return nil }
            return n
          }
        } else { [] }
      #expect(declared == parameters, "\(op.method) \(op.path)")
    }
  }

  @Test func theApplicationSchemaHasTheServicesFields() throws {
    let doc = try Self.document()
    let app = doc["components"]?["schemas"]?["Application"]
    let properties = Self.members(app?["properties"])
    #expect(properties.count == RequestField.all.count + 2)
    #expect(
      Set(properties.map(\.key))
        == Set(RequestField.all.map(\.name) + ["applicationId", "arm"]))
    var required: [String] = []
    for field in RequestField.all {
      let p = app?["properties"]?[field.name]
      #expect(
        p?["type"] == .string(field.integer ? "integer" : "number"),
        "\(field.name)")
      #expect(p?["minimum"] == .number(field.lower), "\(field.name)")
      #expect(p?["maximum"] == .number(field.upper), "\(field.name)")
      #expect(
        p?["default"] == field.defaultValue.map { .number($0) }, "\(field.name)"
      )
      if field.defaultValue == nil { required.append(field.name) }
    }
    #expect(app?["required"] == .array(required.map { .string($0) }))
  }
}
