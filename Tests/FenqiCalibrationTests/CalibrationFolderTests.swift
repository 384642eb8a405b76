import FenqiCalibration
import FenqiCore
import Foundation
import Testing

/// Sharded and merged, resumed after a cut, or run on more threads: the folder is the same,
/// byte for byte.
@Suite struct CalibrationFolderTests {
  static let calibration = ToyBook.calibrationText(
    budget: 60, seed: 5, draws: 6, evaluations: 12)
  static let moments = ToyBook.observedText(loans: 20_000, noiseSeed: 4)

  static func inputs(_ text: String = calibration) throws -> CalibrationInputs {
    try ToyBook.inputs(text, moments: moments)
  }

  /// A fresh scratch folder.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-calibration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// What `fenqi calibrate` does: open, run (or the shard's global stage), write the outputs.
  @discardableResult
  static func calibrate(
    _ inputs: CalibrationInputs, into path: String,
    shard: CalibrationShard = .whole,
    threads: Int = 2, resume: Bool = false,
    progress: (String) -> Void = { _ in }
  ) throws -> CalibrationResult? {
    let folder = try CalibrationFolder.open(
      path, inputs: inputs, version: "test", shard: shard, resume: resume)
    let c = Calibration(
      inputs: inputs, simulator: ToyBook(loans: 20_000, seed: 5),
      threads: threads)
    guard shard.count == 1 else {
      try c.evaluateGlobal(shard: shard, store: folder, progress: progress)
      return nil
    }
    let result = try c.run(store: folder, progress: progress)
    try folder.write(CalibrationFiles.files(result))
    return result
  }

  /// Every file under a folder, by relative path.
  static func files(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = URL(fileURLWithPath: folder).standardizedFileURL.path
    let walker = try #require(
      FileManager.default.enumerator(
        at: URL(fileURLWithPath: folder), includingPropertiesForKeys: nil))
    for case let url as URL in walker where !url.hasDirectoryPath {
      out[String(url.standardizedFileURL.path.dropFirst(base.count))] =
        try Data(
          contentsOf: url)
    }
    return out
  }

  @Test func threeShardsMergedEqualTheUnshardedRunByteForByte() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = try Self.inputs()
    let whole = dir.appendingPathComponent("whole").path
    try Self.calibrate(inputs, into: whole)
    var shards: [String] = []
    for i in [3, 1, 2] {
      let path = dir.appendingPathComponent("shard\(i)").path
      try Self.calibrate(
        inputs, into: path, shard: CalibrationShard(index: i, count: 3),
        threads: 1)
      shards.append(path)
    }
    let merged = dir.appendingPathComponent("merged").path
    let (folder, fromShards) = try CalibrationFolder.merge(
      shards: shards, into: merged, version: "test")
    let result = try Calibration(
      inputs: fromShards, simulator: ToyBook(loans: 20_000, seed: 5), threads: 3
    ).run(store: folder, progress: { _ in })
    try folder.write(CalibrationFiles.files(result))
    let a = try Self.files(whole)
    let b = try Self.files(merged)
    #expect(a.keys.sorted() == b.keys.sorted())
    #expect(a == b)
    #expect(a["/calibrated.json"] != nil && a["/report.html"] != nil)
    #expect(
      a.keys.filter { $0.hasPrefix("/trials/") }.count == result.records.count)
    // Each shard holds exactly its global trials.
    let shard2 = try Self.files(shards[2])
    #expect(
      shard2.keys.filter { $0.hasPrefix("/trials/") }.sorted().first
        == "/trials/t-000002.json")
    #expect(shard2.keys.filter { $0.hasPrefix("/trials/") }.count == 12)
  }

  @Test func mergeRefusesMissingDuplicatedForeignAndUnfinishedShards() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = try Self.inputs()
    var shards: [String] = []
    for i in 1...2 {
      let path = dir.appendingPathComponent("s\(i)").path
      try Self.calibrate(
        inputs, into: path, shard: CalibrationShard(index: i, count: 2))
      shards.append(path)
    }
    let other = dir.appendingPathComponent("other").path
    try Self.calibrate(
      try Self.inputs(
        ToyBook.calibrationText(budget: 60, seed: 6, draws: 6, evaluations: 12)),
      into: other, shard: CalibrationShard(index: 2, count: 2))
    func refusal(_ list: [String]) -> String? {
      let out = dir.appendingPathComponent("out-\(UUID().uuidString)").path
      do {
        _ = try CalibrationFolder.merge(
          shards: list, into: out, version: "test")
        return nil
      } catch {
        #expect(error.isBadInput)
        #expect(!FileManager.default.fileExists(atPath: out))
        return error.description
      }
    }
    #expect(refusal([shards[0]]) == "missing shard 2/2")
    #expect(
      refusal([shards[0], shards[0]])
        == "shard 1/2 appears twice: '\(shards[0])' and '\(shards[0])'")
    #expect(
      refusal([shards[0], other])
        == "'\(other)' is a shard of another calibration (the calibration file, scenario, moments file or fenqi version differ from '\(shards[0])')"
    )
    try FileManager.default.removeItem(
      atPath: shards[1] + "/trials/t-000004.json")
    #expect(
      refusal(shards)
        == "shard 2/2 in '\(shards[1])' is unfinished: trials/t-000004.json is missing (resume it with 'fenqi calibrate … --shard 2/2 --resume')"
    )
    try "{\"trial\": 6,".write(
      toFile: shards[1] + "/trials/t-000006.json", atomically: true,
      encoding: .utf8)
    try Self.calibrate(
      inputs, into: shards[1], shard: CalibrationShard(index: 2, count: 2),
      resume: true)
    #expect(refusal(shards) == nil)
  }

  @Test func resumingAfterACutGivesTheUninterruptedFolder() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = try Self.inputs()
    let whole = dir.appendingPathComponent("whole").path
    let full = try #require(try Self.calibrate(inputs, into: whole))
    let cut = dir.appendingPathComponent("cut").path
    try Self.calibrate(inputs, into: cut, threads: 3)
    // Cut inside the local stage: later trials and the outputs gone, the last trial and a
    // global one cut short mid-file.
    let lastKept =
      try #require(full.records.first { $0.stage == .local }).trial + 4
    let fm = FileManager.default
    for r in full.records where r.trial > lastKept {
      try fm.removeItem(
        atPath: cut + "/" + CalibrationFolder.trialName(r.trial))
    }
    for name in CalibrationFiles.names {
      try fm.removeItem(atPath: cut + "/" + name)
    }
    for t in [3, lastKept] {
      let path = cut + "/" + CalibrationFolder.trialName(t)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try String(text.prefix(text.count / 2)).write(
        toFile: path, atomically: true, encoding: .utf8)
    }
    var lines: [String] = []
    try Self.calibrate(inputs, into: cut, threads: 1, resume: true) {
      lines.append($0)
    }
    #expect(try Self.files(whole) == Self.files(cut))
    #expect(
      lines.contains {
        $0.hasPrefix(
          "trials/t-000003.json: the file was cut short (no final line break)")
      }, "\(lines)")
  }

  @Test func anExistingFolderNeedsResumeAndTheSameCalibration() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("run").path
    try Self.calibrate(
      try Self.inputs(), into: path, shard: CalibrationShard(index: 1, count: 4)
    )
    let before = try Self.files(path)
    #expect(throws: CalibrationFailure.self) {
      try Self.calibrate(
        try Self.inputs(), into: path,
        shard: CalibrationShard(index: 1, count: 4))
    }
    let other = try Self.inputs(
      ToyBook.calibrationText(budget: 61, seed: 5, draws: 6, evaluations: 12))
    let error = #expect(throws: CalibrationFailure.self) {
      try Self.calibrate(
        other, into: path, shard: CalibrationShard(index: 1, count: 4),
        resume: true)
    }
    #expect(
      error?.description
        == "'\(path)' holds a different calibration (the calibration file, scenario, moments file, shard or fenqi version differ); not resuming"
    )
    #expect(try Self.files(path) == before)
  }
}
