import FenqiReport
import Foundation
import Testing

@testable import fenqi

/// Default folders never collide; `--force` replaces fenqi's folders only.
@Suite struct OutputFolderTests {
  static let stats = """
    metric,kind,arm,n,sum
    conversion,proportion,control,10000,480
    conversion,proportion,treatment,10000,560

    """

  @Test func newFoldersOfOneNameGetSuffixesAndNeverReuseOne() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let parent = dir.appendingPathComponent("Results/x").path
    try FileManager.default.createDirectory(
      atPath: parent, withIntermediateDirectories: true)
    try "mine".write(
      toFile: parent + "/20260101T000000Z-3", atomically: true,
      encoding: .utf8)
    var got: [String] = []
    for _ in 0..<3 {
      got.append(
        try RunFolderWriter.newFolder(in: parent, named: "20260101T000000Z"))
    }
    #expect(
      got == ["", "-2", "-4"].map { parent + "/20260101T000000Z" + $0 })
    #expect(
      try String(
        contentsOfFile: parent + "/20260101T000000Z-3", encoding: .utf8)
        == "mine")
    // The command-line side: the same start time twice gives two folders.
    let args = try Arguments.parse([], valued: ["--out"], flags: [])
    let started = Date(timeIntervalSince1970: 1_800_000_000)
    let console = Console(out: { _ in }, err: { _ in })
    let a = RunCommand.outputFolder(
      args, in: parent, started: started, console: console)
    let b = RunCommand.outputFolder(
      args, in: parent, started: started, console: console)
    #expect(a != nil && b != nil && a != b)
  }

  @Test func consecutiveRunsAndAnalysesKeepEveryFolder() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Each run takes well under a second, so several start in the same second.
    for seed in 1...4 {
      let r = try runFenqi(
        ["run", "small.json", "--seed", "\(seed)", "--quiet"], in: dir)
      #expect(r.code == 0, "seed \(seed): \(r.err)")
    }
    let runs = dir.appendingPathComponent("Results/baseline").path
    let folders = try FileManager.default.contentsOfDirectory(atPath: runs)
    #expect(folders.count == 4)
    let seeds = try folders.map { folder in
      try String(
        contentsOfFile: runs + "/" + folder + "/manifest.json", encoding: .utf8
      )
      .split(separator: "\n").first { $0.contains("\"seed\"") }
      .map(String.init) ?? ""
    }
    #expect(
      Set(seeds) == Set((1...4).map { "  \"seed\": \($0)," }), "\(seeds)")
    try Self.stats.write(
      to: dir.appendingPathComponent("stats.csv"), atomically: true,
      encoding: .utf8)
    for _ in 1...3 {
      let r = try runFenqi(["analyze", "stats.csv"], in: dir)
      #expect(r.code == 0, "\(r.err)")
    }
    let analyses = try FileManager.default.contentsOfDirectory(
      atPath: dir.appendingPathComponent("Results/analyses").path)
    #expect(analyses.count == 3)
  }

  /// Every command that writes a folder, with `--out` and `--force` to be appended.
  static func commands(_ dir: URL) -> [(name: String, words: [String])] {
    let one = dir.appendingPathComponent("one").path
    let two = dir.appendingPathComponent("two").path
    let stats = dir.appendingPathComponent("stats.csv").path
    let small = dir.appendingPathComponent("small.json").path
    return [
      ("run", ["run", small, "--quiet"]),
      ("analyze", ["analyze", stats]),
      ("compare", ["compare", one, two]),
      (
        "stress",
        [
          "stress", dir.appendingPathComponent("stress.json").path, "--paths",
          "3", "--quiet",
        ]
      ),
      (
        "sweep",
        [
          "sweep", small, "--grid", "approval.minimumCreditScore=560,600",
          "--quiet",
        ]
      ),
    ]
  }

  @Test func forceReplacesAFenqiFolderButNoOtherFolder() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.stats.write(
      to: dir.appendingPathComponent("stats.csv"), atomically: true,
      encoding: .utf8)
    let small = dir.appendingPathComponent("small.json").path
    for name in ["one", "two"] {
      let r = invoke([
        "run", small, "--out", dir.appendingPathComponent(name).path, "-q",
      ])
      #expect(r.code == .success, "\(r.err)")
    }
    for (name, words) in Self.commands(dir) {
      let out = dir.appendingPathComponent("out-\(name)").path
      // Its own folder is replaced…
      #expect(invoke(words + ["--out", out]).code == .success, "\(name)")
      let again = invoke(words + ["--out", out, "--force"])
      #expect(again.code == .success, "\(name): \(again.err)")
      // …but not once someone's file is in it, nor a folder that was never fenqi's.
      try "notes".write(
        toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
      let refused = invoke(words + ["--out", out, "--force"])
      #expect(refused.code == .badInput, "\(name)")
      #expect(
        refused.err.contains(
          "\(out): not replacing it with --force: it holds 'notes.txt', which fenqi does not write"
        ), "\(name): \(refused.err)")
      #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"))
      let home = dir.appendingPathComponent("home-\(name)")
      try FileManager.default.createDirectory(
        at: home.appendingPathComponent("thesis"),
        withIntermediateDirectories: true)
      let mine = invoke(words + ["--out", home.path, "--force"])
      #expect(
        mine.code == .badInput && mine.err.contains("it holds 'thesis'"),
        "\(name): \(mine.err)")
      #expect(
        FileManager.default.fileExists(
          atPath: home.appendingPathComponent("thesis").path))
    }
    // merge (shards of a sweep) obeys the same rule.
    let shards = (1...2).map { dir.appendingPathComponent("shard\($0)").path }
    for (i, shard) in shards.enumerated() {
      let r = invoke([
        "sweep", small, "--grid", "approval.minimumCreditScore=560,600",
        "--shard", "\(i + 1)/2", "--out", shard, "-q",
      ])
      #expect(r.code == .success, "\(r.err)")
    }
    let merged = dir.appendingPathComponent("merged").path
    #expect(invoke(["merge"] + shards + ["--out", merged]).code == .success)
    #expect(
      invoke(["merge"] + shards + ["--out", merged, "--force"]).code
        == .success)
    let notes = dir.appendingPathComponent("home-run").path
    let refused = invoke(["merge"] + shards + ["--out", notes, "--force"])
    #expect(refused.code == .badInput && refused.err.contains("'thesis'"))
  }

  @Test func anEmptyFolderIsWrittenWithoutForce() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(
      at: out, withIntermediateDirectories: false)
    let r = invoke([
      "run", dir.appendingPathComponent("small.json").path, "--out", out.path,
      "-q",
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(
      FileManager.default.fileExists(
        atPath: out.appendingPathComponent("manifest.json").path))
  }
}
