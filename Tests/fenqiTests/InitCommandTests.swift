import Foundation
import Testing

@testable import fenqi

/// `fenqi init`: a template becomes a named, valid scenario with the schema beside it, never
/// over a file that is there unless asked.
@Suite struct InitCommandTests {
  /// A fresh empty folder.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The JSON object in the file at `url`.
  static func object(_ url: URL) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        as? [String: Any])
  }

  @Test(arguments: [
    "promotion-ab", "seasonal-campaign", "stress", "risk-stack", "business",
  ])
  func writesANamedScenarioThatValidatesAndTheSchema(_ template: String) throws
  {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = invoke(["init", template, "q4-promo.json", "--dir", dir.path])
    #expect(r.code == .success && r.err.isEmpty, "\(r.err)")
    let file = dir.appendingPathComponent("q4-promo.json")
    #expect(r.out.contains("wrote \(file.path) (template \(template))"))
    let json = try Self.object(file)
    #expect(json["name"] as? String == "q4-promo")
    #expect(json["$schema"] as? String == "scenario.schema.json")
    let schema = try Self.object(
      dir.appendingPathComponent("scenario.schema.json"))
    #expect(schema["title"] as? String == "Fenqi scenario")
    #expect(schema["properties"] is [String: Any])
    let valid = invoke(["validate", file.path, "--no-quick-run"])
    #expect(
      valid.code == .success && valid.out.contains("valid — "), "\(valid.err)")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(names.sorted() == ["q4-promo.json", "scenario.schema.json"])
  }

  @Test func refusesToOverwriteUnlessForcedAndKeepsAnExistingSchema() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("mine.json")
    let schema = dir.appendingPathComponent("scenario.schema.json")
    try Data("{}".utf8).write(to: schema)
    try Data("edited".utf8).write(to: file)
    let refused = invoke(["init", "stress", "mine", "--dir", dir.path])
    #expect(refused.code == .badInput && refused.out.isEmpty)
    #expect(
      refused.err
        == "Error: \(file.path) already exists; pass --force to replace it\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == "edited")
    let forced = invoke([
      "init", "stress", "mine", "--dir", dir.path, "--force",
    ])
    #expect(forced.code == .success, "\(forced.err)")
    #expect(try Self.object(file)["name"] as? String == "mine")
    #expect(try String(contentsOf: schema, encoding: .utf8) == "{}")
    #expect(!forced.out.contains("scenario.schema.json"))
  }

  @Test func createsAMissingFolder() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let nested = dir.appendingPathComponent("a/b")
    let r = invoke(["init", "business", "firms", "--dir", nested.path])
    #expect(r.code == .success, "\(r.err)")
    #expect(
      FileManager.default.fileExists(
        atPath: nested.appendingPathComponent("firms.json").path))
  }

  @Test func anUnknownTemplateGetsTheNearestAndTheList() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = invoke(["init", "strss", "x", "--dir", dir.path])
    #expect(r.code == .badInput && r.out.isEmpty)
    #expect(
      r.err.hasPrefix(
        "Error: unknown template 'strss'; did you mean 'stress'?\nTEMPLATES:\n")
    )
    for name in ["promotion-ab", "seasonal-campaign", "risk-stack", "business"]
    {
      #expect(r.err.contains("\n  \(name) "), "\(name)")
    }
    let far = invoke(["init", "mortgage", "x", "--dir", dir.path])
    #expect(
      far.code == .badInput
        && far.err.hasPrefix("Error: unknown template 'mortgage'\nTEMPLATES:\n")
    )
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func listPrintsEveryTemplateOnOneLine() {
    let r = invoke(["init", "--list"])
    #expect(r.code == .success)
    let lines = r.out.split(separator: "\n")
    #expect(lines.count == 6 && lines.first == "TEMPLATES:")
    #expect(
      lines.dropFirst().map { $0.split(separator: " ")[0] } == [
        "promotion-ab", "seasonal-campaign", "stress", "risk-stack", "business",
      ])
  }

  @Test(arguments: [
    (["init", "stress"], "expected a template and a name, found 1 argument"),
    (
      ["init", "stress", "a", "b"],
      "expected a template and a name, found 3 arguments"
    ),
    (
      ["init", "stress", "a/b"],
      "the name 'a/b' contains a path separator; give the folder with --dir"
    ),
    (["init", "stress", ".json"], "the name '' cannot be a file name"),
    (
      ["init", "stress", "x", "--fource"],
      "unknown option '--fource'; did you mean '--force'?"
    ),
  ])
  func badUsageIsExitTwoWithTheReason(_ words: [String], _ message: String) {
    let r = invoke(words)
    #expect(r.code == .badInput && r.out.isEmpty)
    #expect(r.err.hasPrefix("Error: \(message)\n"), "\(r.err)")
  }

  @Test func aNameTheValidatorRefusesIsReportedAndNothingIsWritten() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let long = String(repeating: "n", count: 101)
    let r = invoke(["init", "stress", long, "--dir", dir.path])
    #expect(r.code == .badInput && r.err.contains("$.name"), "\(r.err)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }
}
