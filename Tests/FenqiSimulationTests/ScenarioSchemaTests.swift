import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct ScenarioSchemaTests {
  @Test func theCommittedSchemaIsWhatTheValidatorGenerates() throws {
    let committed = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/scenario.schema.json"),
      encoding: .utf8)
    #expect(
      committed == ScenarioSchema.text(),
      "Scenarios/scenario.schema.json is stale: regenerate it with fenqi schema --out Scenarios/scenario.schema.json --force"
    )
  }

  @Test func everyFieldTheValidatorReadsIsDocumented() {
    let builder = ScenarioSchema.builder()
    let undocumented = builder.fieldPaths.filter { builder.doc(at: $0) == nil }
    #expect(
      undocumented.isEmpty,
      "fields without words in ScenarioFieldDocs: \(undocumented)")
    #expect(builder.fieldPaths.count > 300)
  }

  @Test(arguments: ScenarioValidationTests.scenarioFiles)
  func theSchemaCoversEveryFieldOfAShippedScenario(name: String) throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Scenarios/\(name)"),
      encoding: .utf8)
    let used = ScenarioSchema.fieldPaths(of: [try JSONParser.parse(text)])
    let schema = Set(ScenarioSchema.fieldPaths())
    #expect(used.filter { !schema.contains($0) }.isEmpty)
  }

  @Test func rangesAndWordsComeFromTheValidator() throws {
    let schema = ScenarioSchema.document()
    let periods = try #require(schema["properties"]?["periods"])
    #expect(periods["type"] == .string("integer"))
    #expect(
      periods["minimum"] == .number(1) && periods["maximum"] == .number(600))
    let arm = try #require(schema["properties"]?["arms"]?["items"])
    let term = try #require(
      arm["properties"]?["offer"]?["properties"]?["termMonths"])
    #expect(term["enum"] == .array([3, 6, 9, 12, 18, 24].map { .number($0) }))
    #expect(
      arm["required"]
        == .array([.string("allocation"), .string("name"), .string("offer")]))
    let salt = schema["properties"]?["assignment"]?["properties"]?["salt"]
    #expect(salt?["type"] == .string("string"))
    // A name the document defines is not a fixed vocabulary.
    let shock = schema["properties"]?["business"]?["properties"]?[
      "sectorShocks"]?["items"]
    #expect(shock?["properties"]?["sector"]?["enum"] == nil)
  }

  @Test func aScenarioMayCarryTheSchemaLinkAndComments() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/peer-lifecycle.json"),
      encoding: .utf8)
    let annotated = text.replacingOccurrences(
      of: "{\n  \"name\"",
      with:
        "{\n  \"$schema\": \"scenario.schema.json\", \"$comment\": \"a note\",\n  \"name\""
    )
    #expect(annotated != text)
    let scenario = try ScenarioLoader.parse(
      text: annotated, file: "annotated.json")
    #expect(scenario.name == "peer-lifecycle")
  }
}
