import Foundation
import Testing

@testable import fenqi

@Suite struct SchemaCommandTests {
  @Test func printsTheCommittedSchema() throws {
    let r = invoke(["schema"])
    #expect(r.code == .success)
    let committed = try String(
      contentsOfFile: path("Scenarios/scenario.schema.json"), encoding: .utf8)
    #expect(r.out == committed)
  }

  @Test func listsEveryFieldWithItsWords() {
    let r = invoke(["schema", "--fields"])
    #expect(r.code == .success)
    let lines = r.out.split(separator: "\n")
    #expect(lines.count > 300)
    #expect(lines.allSatisfy { $0.split(separator: "\t").count == 2 })
    #expect(
      r.out.contains(
        "$.arms[].offer.termMonths\tNumber of monthly instalments."))
  }

  @Test func writesAFileOnlyWhereAllowed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.json").path
    #expect(invoke(["schema", "--out", out]).code == .success)
    let again = invoke(["schema", "--out", out])
    #expect(again.code == .badInput && again.err.contains("pass --force"))
    #expect(invoke(["schema", "--out", out, "--force"]).code == .success)
    let stray = invoke(["schema", "extra"])
    #expect(
      stray.code == .badInput && stray.err.contains("expected no arguments"))
  }
}
