import Foundation
import Testing

@testable import fenqi

/// `fenqi optimize` end to end: a bad file exits 2 and writes nothing; a run writes every file;
/// shards merge into one verified folder.
@Suite struct OptimizeCommandTests {
  /// A scratch folder with a tiny double11 optimisation (`opt.json`).
  static func scratch(_ text: String? = nil) throws -> URL {
    let dir = try scratchWithScenarios()
    let scenario = try String(
      contentsOfFile: path("Scenarios/double11.json"), encoding: .utf8)
    try scenario.write(
      to: dir.appendingPathComponent("double11.json"), atomically: true,
      encoding: .utf8)
    let file =
      text
        ?? """
        {"scenario": "double11.json", "arm": "gold12", "customers": 1500,
         "objective": {"item": "npv"},
         "constraints": [{"item": "cohort_loss_rate", "of": "treatment", "max": 0.06}],
         "parameters": [
           {"path": "arms.gold12.campaign.tierPrivilege.minimumTier", "min": 0, "max": 3, "integer": true},
           {"path": "arms.gold12.campaign.channels.appPush", "min": 0, "max": 1}],
         "budget": 4, "replicates": 1, "seed": 2,
         "verification": {"replicates": 2, "frontierPoints": 1}}
        """
    try file.write(
      to: dir.appendingPathComponent("opt.json"), atomically: true,
      encoding: .utf8)
    return dir
  }

  @Test func aBadFileExitsTwoNamingEveryProblemAndWritesNothing() throws {
    let dir = try Self.scratch(
      """
      {"scenario": "double11.json", "arm": "control", "objective": {"item": "npvv"},
       "parameters": [{"path": "arms.gold12.campaign.start", "min": 6, "max": 14, "integer": true}],
       "budget": 4}
      """)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runFenqi(["optimize", "opt.json", "--out", "out"], in: dir)
    #expect(r.code == 2)
    #expect(r.err.contains("$.objective.item"), "\(r.err)")
    #expect(
      !FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("out").path))
    // With the fields readable, the arm and the box are checked against the scenario.
    try """
    {"scenario": "double11.json", "arm": "control", "objective": {"item": "npv"},
     "parameters": [{"path": "arms.gold12.campaign.start", "min": 6, "max": 14, "integer": true}],
     "budget": 4}
    """.write(
      to: dir.appendingPathComponent("opt.json"), atomically: true,
      encoding: .utf8)
    let again = try runFenqi(["optimize", "opt.json", "--out", "out"], in: dir)
    #expect(again.code == 2)
    #expect(again.err.contains("$.arm"), "\(again.err)")
    #expect(again.err.contains("$.parameters[0].max"), "\(again.err)")
    #expect(
      !FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("out").path))
  }

  @Test func validateChecksAnOptimisationAndRunRefusesIt() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let valid = try runFenqi(["validate", "opt.json"], in: dir)
    #expect(valid.code == 0, "\(valid.err)")
    #expect(
      valid.out.contains("valid optimisation — arm gold12"), "\(valid.out)")
    let run = try runFenqi(["run", "opt.json", "--out", "out"], in: dir)
    #expect(run.code == 2)
    #expect(run.err.contains("fenqi optimize"), "\(run.err)")
    #expect(
      !FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("out").path))
  }

  @Test func shardsMergeIntoTheFolderOfOneVerifiedSearch() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = try runFenqi(
      ["optimize", "opt.json", "--out", "whole", "-q"], in: dir)
    #expect(whole.code == 0, "\(whole.err)")
    for name in [
      "optimization.json", "trials.csv", "frontier.csv", "verification.csv",
      "best.json", "report.html",
    ] {
      #expect(
        FileManager.default.fileExists(
          atPath: dir.appendingPathComponent("whole/\(name)").path),
        "\(name)")
    }
    let trials = try String(
      contentsOf: dir.appendingPathComponent("whole/trials.csv"),
      encoding: .utf8)
    #expect(trials.split(separator: "\n").count == 1 + 4)
    // Resumed from its first two trials, the search replays them and ends with the same file.
    try (trials.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n")
      .write(
        to: dir.appendingPathComponent("whole/trials.csv"), atomically: true,
        encoding: .utf8)
    let resumed = try runFenqi(
      ["optimize", "opt.json", "--out", "whole", "--resume"], in: dir)
    #expect(resumed.code == 0, "\(resumed.err)")
    #expect(
      resumed.err.contains("resuming: 2 plans already evaluated"),
      "\(resumed.err)")
    #expect(
      try String(
        contentsOf: dir.appendingPathComponent("whole/trials.csv"),
        encoding: .utf8)
        == trials)
    for k in 1...2 {
      let r = try runFenqi(
        ["optimize", "opt.json", "--shard", "\(k)/2", "--out", "s\(k)", "-q"],
        in: dir)
      #expect(r.code == 0, "\(r.err)")
    }
    let merged = try runFenqi(
      ["merge", "s1", "s2", "--out", "merged"], in: dir)
    #expect(merged.code == 0, "\(merged.err)")
    let pooled = try String(
      contentsOf: dir.appendingPathComponent("merged/trials.csv"),
      encoding: .utf8)
    #expect(pooled.split(separator: "\n").count == 1 + 8)
    let wrong = try runFenqi(["merge", "s1", "s1", "--out", "again"], in: dir)
    #expect(wrong.code == 2, "\(wrong.err)")
  }
}
