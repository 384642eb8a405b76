import Foundation
import Testing

@testable import fenqi

@Suite struct SweepCommandTests {
  static let grid = [
    "--grid", "arms.interestFree3.offer.interestFreePeriods=0,3,6,12", "--grid",
    "approval.minimumCreditScore=560,600,640",
  ]

  /// A scratch folder with a 5,000-customer copy of the baseline.
  static func scratch() throws -> (dir: URL, scenario: String) {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-sweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let text = try String(
      contentsOfFile: path("Scenarios/baseline.json"), encoding: .utf8
    )
    .replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 5000")
    let file = dir.appendingPathComponent("small.json").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return (dir, file)
  }

  /// Every file under a folder, by relative path.
  static func files(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    let walker = try #require(
      FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: nil))
    for case let url as URL in walker
    where !url.hasDirectoryPath {
      out[String(url.standardizedFileURL.path.dropFirst(base.count))] =
        try Data(contentsOf: url)
    }
    return out
  }

  @Test func threeShardsMergeIntoTheUnshardedRunByteForByte() throws {
    let (dir, file) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = dir.appendingPathComponent("whole")
    #expect(
      invoke(
        ["sweep", file] + Self.grid + [
          "--replicates", "2", "--out", whole.path, "--quiet",
        ]
      )
      .code == .success)
    var shards: [String] = []
    for i in 1...3 {
      let out = dir.appendingPathComponent("shard\(i)").path
      let r = invoke(
        ["sweep", file] + Self.grid + [
          "--replicates", "2", "--out", out, "--shard", "\(i)/3", "--quiet",
        ])
      #expect(r.code == .success, "\(r.err)")
      shards.append(out)
    }
    let merged = dir.appendingPathComponent("merged")
    let r = invoke(["merge"] + shards + ["--out", merged.path])
    #expect(r.code == .success, "\(r.err)")
    let a = try Self.files(whole)
    let b = try Self.files(merged)
    #expect(a.keys.sorted() == b.keys.sorted())
    #expect(a == b)
    #expect(a.keys.filter { $0.hasPrefix("/units/") }.count == 24)
    let rows = String(decoding: a["/sweep.csv"] ?? Data(), as: UTF8.self).split(
      separator: "\n")
    #expect(rows.count == 1 + 24 * 2)

    // A shard of another seed, a missing shard and a duplicated one are refused.
    let other = dir.appendingPathComponent("other").path
    let seeded = try String(contentsOfFile: file, encoding: .utf8)
      .replacingOccurrences(of: "\"seed\": 20261124", with: "\"seed\": 7")
    let otherFile = dir.appendingPathComponent("other.json").path
    try seeded.write(toFile: otherFile, atomically: true, encoding: .utf8)
    _ = invoke(
      ["sweep", otherFile] + Self.grid + [
        "--replicates", "2", "--out", other, "--shard", "3/3", "--quiet",
      ])
    let cases: [([String], String)] = [
      ([shards[0], shards[1], other], "a shard of another sweep"),
      ([shards[0], shards[1]], "missing shard 3/3"),
      ([shards[0], shards[1], shards[1]], "appears twice"),
    ]
    for (folders, message) in cases {
      let out = dir.appendingPathComponent("bad-\(UUID().uuidString)").path
      let bad = invoke(["merge"] + folders + ["--out", out])
      #expect(bad.code == .badInput && bad.err.contains(message), "\(bad.err)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func everyPointIsValidatedBeforeAnythingRuns() throws {
    let (dir, file) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let cases: [([String], String)] = [
      (
        ["--grid", "arms.interestFre3.offer.interestFreePeriods=0,3"],
        "did you mean 'interestFree3'"
      ),
      (
        ["--grid", "arms.interestFree3.offer.interestFreePeriods=3,30"],
        "point 2 (arms.interestFree3.offer.interestFreePeriods=30): $.arms[1].offer.interestFreePeriods"
      ),
      (["--grid", "approval.minimumCreditScore"], "--grid expects PATH=V1,V2"),
    ]
    for (grid, message) in cases {
      let r = invoke(["sweep", file] + grid + ["--out", out, "--quiet"])
      #expect(r.code == .badInput && r.err.contains(message), "\(r.err)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  /// The fenqi executable next to the test bundle.
  static func executable() throws -> URL {
    var url = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = url.appendingPathComponent("fenqi")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
      }
      url.deleteLastPathComponent()
    }
    let built = repositoryRoot.appendingPathComponent(".build/debug/fenqi")
    return try #require(
      FileManager.default.isExecutableFile(atPath: built.path) ? built : nil,
      "the fenqi executable is built next to the tests")
  }

  @Test func aKilledSweepResumesToTheSameBytes() throws {
    let (dir, file) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fenqi = try Self.executable()
    let whole = dir.appendingPathComponent("whole")
    #expect(
      invoke(["sweep", file] + Self.grid + ["--out", whole.path, "--quiet"])
        .code == .success)
    let killed = dir.appendingPathComponent("killed")
    let process = Process()
    process.executableURL = fenqi
    process.arguments =
      ["sweep", file] + Self.grid + [
        "--out", killed.path, "--quiet", "--threads", "1",
      ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for the first finished units, then kill it mid-way.
    let units = killed.appendingPathComponent("units").path
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let done =
        (try? FileManager.default.contentsOfDirectory(atPath: units))?
        .filter { $0.hasSuffix(".csv") }.count ?? 0
      if done >= 2 || !process.isRunning { break }
      usleep(2_000)
    }
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if wasRunning {
      #expect(
        !FileManager.default.fileExists(
          atPath: killed.appendingPathComponent("sweep.csv").path))
    }
    let resumed = invoke(
      ["sweep", file] + Self.grid + [
        "--out", killed.path, "--resume", "--quiet",
      ])
    #expect(resumed.code == .success, "\(resumed.err) \(resumed.out)")
    #expect(try Self.files(whole) == Self.files(killed))
    // Resuming a different sweep into the folder is refused.
    let other = invoke(
      [
        "sweep", file, "--grid", "approval.minimumCreditScore=600", "--out",
        killed.path, "--resume",
      ])
    #expect(other.code == .badInput && other.err.contains("different sweep"))
  }

  static let smallGrid = [
    "--grid", "approval.minimumCreditScore=560,600", "--replicates", "2",
    "--quiet",
  ]

  @Test func aUnitCutShortIsRunAgainOnResumeAndRefusedByMerge() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("small.json").path
    let whole = dir.appendingPathComponent("whole")
    let cut = dir.appendingPathComponent("cut")
    for out in [whole, cut] {
      #expect(
        invoke(["sweep", file] + Self.smallGrid + ["--out", out.path]).code
          == .success)
    }
    // One unit cut to its header, another in the middle of a row.
    let units = cut.appendingPathComponent("units")
    let second = units.appendingPathComponent("u-000002.csv")
    let third = units.appendingPathComponent("u-000003.csv")
    let header = try String(contentsOf: second, encoding: .utf8)
      .prefix { $0 != "\n" }
    try (header + "\n").write(to: second, atomically: true, encoding: .utf8)
    let text = try String(contentsOf: third, encoding: .utf8)
    try String(text.dropLast(12)).write(
      to: third, atomically: true, encoding: .utf8)
    let resumed = invoke(
      ["sweep", file] + Self.smallGrid + ["--out", cut.path, "--resume"])
    #expect(resumed.code == .success, "\(resumed.err)")
    #expect(
      resumed.err.contains(
        "fenqi: units/u-000002.csv: 0 rows of results, expected 2, one per arm; the file was cut short; running the unit again"
      ), "\(resumed.err)")
    #expect(
      resumed.err.contains(
        "fenqi: units/u-000003.csv: line 3: the file was cut short (no final line break); running the unit again"
      ),
      "\(resumed.err)")
    #expect(try Self.files(whole) == Self.files(cut))

    // Shards: merge names the shard and the unit cut short, and writes nothing.
    var shards: [String] = []
    for i in 1...2 {
      let out = dir.appendingPathComponent("shard\(i)").path
      let r = invoke(
        ["sweep", file] + Self.smallGrid + [
          "--out", out, "--shard", "\(i)/2",
        ])
      #expect(r.code == .success, "\(r.err)")
      shards.append(out)
    }
    try (header + "\n").write(
      toFile: shards[1] + "/units/u-000002.csv", atomically: true,
      encoding: .utf8)
    let merged = dir.appendingPathComponent("merged").path
    // A shard number no sweep has is refused, not converted.
    let identity = shards[0] + "/sweep.json"
    let original = try String(contentsOfFile: identity, encoding: .utf8)
    try original.replacingOccurrences(
      of: "\"index\": 1\n", with: "\"index\": 1e300\n"
    ).write(toFile: identity, atomically: true, encoding: .utf8)
    let huge = invoke(["merge"] + shards + ["--out", merged])
    #expect(
      huge.code == .badInput
        && huge.err.contains(
          "sweep.json': $.shard: expected a whole index in 1…count"),
      "\(huge.err)")
    try original.write(toFile: identity, atomically: true, encoding: .utf8)
    let r = invoke(["merge"] + shards + ["--out", merged])
    #expect(r.code == .badInput)
    #expect(
      r.err.contains(
        "shard 2/2 in '\(shards[1])': units/u-000002.csv: 0 rows of results"),
      "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: merged))
  }

  @Test func shardsOfOneSweepMergeWhateverTheSpellingOfTheScenarioPath()
    throws
  {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = dir.appendingPathComponent("whole")
    let spellings = [
      dir.appendingPathComponent("small.json").path,
      dir.path + "/./small.json",
      dir.path + "/sub/../small.json",
    ]
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
    #expect(
      invoke(["sweep", spellings[0]] + Self.smallGrid + ["--out", whole.path])
        .code == .success)
    var shards: [String] = []
    for (i, file) in spellings.enumerated() {
      let out = dir.appendingPathComponent("shard\(i + 1)").path
      let r = invoke(
        ["sweep", file] + Self.smallGrid + [
          "--out", out, "--shard", "\(i + 1)/3",
        ])
      #expect(r.code == .success, "\(r.err)")
      shards.append(out)
    }
    let merged = dir.appendingPathComponent("merged")
    let r = invoke(["merge"] + shards + ["--out", merged.path])
    #expect(r.code == .success, "\(r.err)")
    #expect(try Self.files(whole) == Self.files(merged))
    // A resumed shard may spell the path its own way too.
    let again = invoke(
      ["sweep", spellings[2]] + Self.smallGrid + [
        "--out", shards[0], "--shard", "1/3", "--resume",
      ])
    #expect(again.code == .success, "\(again.err)")
  }
}
