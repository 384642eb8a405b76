import Testing

@testable import FenqiCore

@Suite struct JSONSchemaBuilderTests {
  /// Reads `documents` as a small validator would: `kind` picks which of two fields is needed.
  static func reads(_ documents: [String]) throws -> [FieldRecorder.Read] {
    let recorder = FieldRecorder()
    for text in documents {
      let collector = ProblemCollector()
      collector.recorder = recorder
      guard
        var root = JSONObjectReader(
          try JSONParser.parse(text), path: "$", collector: collector)
      else { continue }
      _ = root.integer("size", .integer(in: 1, 10))
      _ = root.number("rate", .fraction, default: 0.5)
      for (path, value) in root.array("items") ?? [] {
        guard
          var item = JSONObjectReader(value, path: path, collector: collector)
        else { continue }
        switch item.string("kind", allowed: ["a", "b"]) {
        case "a": _ = item.number("alpha", .positive)
        default: _ = item.number("beta", .within(0, 5))
        }
        item.finish()
      }
      root.finish()
    }
    return recorder.reads
  }

  @Test func pathsDropArrayIndicesButKeepQuotedKeys() {
    #expect(FieldRecorder.pattern("$.arms[12].offer") == "$.arms[].offer")
    #expect(FieldRecorder.pattern("$.a[\"x[1]\"].b[0]") == "$.a[\"x[1]\"].b[]")
  }

  @Test func aFieldOneVariantNeedsIsNotRequiredOfTheOthers() throws {
    let reads = try Self.reads([
      #"{"size": 2, "items": [{"kind": "a", "alpha": 1}, {"kind": "b", "beta": 2}]}"#
    ])
    let docs = ["$.size": FieldDoc("How many.", unit: "units", typical: "3")]
    let schema = JSONSchemaBuilder(reads: reads, docs: docs).schema(
      title: "t", description: "d")
    #expect(schema["required"] == .array([.string("size")]))
    let size = schema["properties"]?["size"]
    #expect(
      size?["type"] == .string("integer") && size?["maximum"] == .number(10))
    #expect(
      size?["description"] == .string("How many. Unit: units. Typical: 3."))
    #expect(schema["properties"]?["rate"]?["default"] == .number(0.5))
    let item = schema["properties"]?["items"]?["items"]
    #expect(item?["required"] == .array([.string("kind")]))
    #expect(
      item?["properties"]?["kind"]?["enum"]
        == .array([.string("a"), .string("b")]))
    #expect(item?["additionalProperties"] == .bool(false))
  }

  @Test func aDefaultThatDependsOnTheDocumentIsNotStated() throws {
    let recorder = FieldRecorder()
    for fallback in [1.0, 2.0] {
      let collector = ProblemCollector()
      collector.recorder = recorder
      var r = try #require(
        JSONObjectReader(
          try JSONParser.parse("{}"), path: "$", collector: collector))
      _ = r.number("own", .any, default: 5)
      _ = r.number("borrowed", .any, default: fallback)
    }
    let schema = JSONSchemaBuilder(reads: recorder.reads, docs: [:]).schema(
      title: "t", description: "d")
    #expect(schema["properties"]?["own"]?["default"] == .number(5))
    #expect(schema["properties"]?["borrowed"]?["default"] == nil)
  }

  @Test func readsOfOneFieldUnderDifferentRulesAcceptWhatEitherAccepts() {
    let loose = JSONSchemaBuilder.loosest([.within(0, 50), .within(-3, 10)])
    #expect(loose.bounds == NumberBounds(minimum: -3, maximum: 50))
    #expect(loose.accepts(40) && loose.accepts(-2) && !loose.accepts(60))
    #expect(
      JSONSchemaBuilder.loosest([.within(0, 1), .any]).bounds == NumberBounds())
  }

  @Test func aFieldInSeveralPlacesTakesTheWordsOfItsTail() {
    let builder = JSONSchemaBuilder(
      reads: [],
      docs: [
        "*.offer.term": FieldDoc("Months."), "$.x.offer.term": FieldDoc("Own."),
      ])
    #expect(
      builder.doc(at: "$.arms[].campaign.offer.term")?.description == "Months.")
    #expect(builder.doc(at: "$.x.offer.term")?.description == "Own.")
    #expect(builder.doc(at: "$.x.term") == nil)
  }

  @Test func schemaLinksAndCommentsAreNotUnknownFields() throws {
    let collector = ProblemCollector()
    let text =
      #"{"$schema": "s.json", "$comment": "x", "$comment-2": "y", "size": 1, "sise": 2}"#
    var r = try #require(
      JSONObjectReader(
        try JSONParser.parse(text), path: "$", collector: collector))
    _ = r.integer("size", .integer(atLeast: 1))
    r.finish()
    #expect(collector.problems.map(\.path) == ["$.sise"])
  }
}
