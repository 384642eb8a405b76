import Foundation
import Testing

@testable import fenqi

/// Scratch folders for command tests, each its own.
func scratchFolder() throws -> URL {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("fenqi-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(
    at: dir, withIntermediateDirectories: true)
  return dir
}

/// Experiment runs too small for their statistics finish with exit 0 and say "not computable" in
/// `tests.csv`, `report.md` and the replicate files — the mSPRT used to trap on them.
@Suite struct ExperimentRunCommandTests {
  /// aa-check at 1 customer used to trap in the mSPRT (control value 0/0).
  @Test func aTinyExperimentRunSaysNotComputableInItsFilesAndReport() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = try Self.resized("aa-check.json", size: 1, in: dir)
    let out = dir.appendingPathComponent("run")
    let r = invoke(["run", scenario, "--out", out.path, "--quiet"])
    #expect(r.code == .success, "\(r.err)")
    let tests = try String(
      contentsOf: out.appendingPathComponent("tests.csv"), encoding: .utf8)
    #expect(tests.contains(",not computable,"))
    #expect(
      tests.contains("sequential test: the control value is not computable"))
    let report = try String(
      contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("not computable (the control arm has no trials"))
    let summary = try String(
      contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(summary.components(separatedBy: "\"sampleRatio\"").count == 2)
  }

  /// One replicate without a computable test used to abort the study and lose every replicate.
  @Test func replicatesOfATinyExperimentAreAllKept() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = try Self.resized("aa-check.json", size: 1, in: dir)
    let out = dir.appendingPathComponent("run")
    let r = invoke([
      "run", scenario, "--out", out.path, "--quiet", "--replicates", "3",
    ])
    #expect(r.code == .success, "\(r.err)")
    let rows = try String(
      contentsOf: out.appendingPathComponent("replicates.csv"), encoding: .utf8
    ).split(separator: "\n")
    #expect(rows.count == 1 + 3)
    #expect(rows[0].hasSuffix(",rejected,not_computable"))
    #expect(r.out.contains("not computable)"))
  }

  static func resized(_ name: String, size: Int, in dir: URL) throws -> String {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: path("Scenarios/\(name)")))
    var json = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var population = try #require(json["population"] as? [String: Any])
    population["size"] = size
    json["population"] = population
    let url = dir.appendingPathComponent(name)
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
      .write(to: url)
    return url.path
  }
}
