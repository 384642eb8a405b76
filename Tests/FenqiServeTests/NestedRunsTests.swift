import FenqiCore
import Foundation
import Testing

@testable import FenqiServe

/// `--runs` pointed at `Results/`: the runs `fenqi run` writes, `<scenario>/<UTC stamp>/`, are
/// listed and read as `scenario~stamp`, beside run folders directly inside; a scenario folder
/// that is a symlink to a folder outside is neither listed nor read.
@Suite struct NestedRunsTests {
  static let secret = "TOP-SECRET-\(UUID().uuidString)"

  /// Writes a run folder: a manifest listing `summary.json`, and that summary.
  static func writeRun(at folder: URL, summary: String) throws {
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    try "{\"files\": [\"summary.json\"], \"scenario\": \"s\"}".write(
      to: folder.appendingPathComponent("manifest.json"), atomically: true,
      encoding: .utf8)
    try summary.write(
      to: folder.appendingPathComponent("summary.json"), atomically: true,
      encoding: .utf8)
  }

  /// Runs `flat`, `reference/20261129T101500Z`, `reference/20261129T111500Z`; `linked` a
  /// symlink to a scenario folder outside holding run `20261129T000000Z` with the secret.
  static func fixture() throws -> ServeFixture {
    let f = try ServeFixture()
    try writeRun(
      at: f.runs.appendingPathComponent("flat"), summary: "{\"arms\": []}")
    for stamp in ["20261129T101500Z", "20261129T111500Z"] {
      try writeRun(
        at: f.runs.appendingPathComponent("reference/\(stamp)"),
        summary: "{\"arms\": [], \"stamp\": \"\(stamp)\"}")
    }
    let outside = f.directory.appendingPathComponent("outside-scenario")
    try writeRun(
      at: outside.appendingPathComponent("20261129T000000Z"),
      summary: "{\"secret\": \"\(secret)\"}")
    try FileManager.default.createSymbolicLink(
      atPath: f.runs.appendingPathComponent("linked").path,
      withDestinationPath: outside.path)
    return f
  }

  /// The ids `GET /v1/runs` lists.
  static func listedIDs(_ f: ServeFixture) -> [String] {
    let (_, body) = f.json("GET", "/v1/runs")
    guard case .array(let runs)? = body?["runs"] else { return [] }
    return runs.compactMap { run in
      if case .string(let id)? = run["id"] { return id }
      return nil
    }
  }

  @Test func flatAndNestedRunsAreListed() throws {
    let f = try Self.fixture()
    #expect(
      Self.listedIDs(f) == [
        "flat", "reference~20261129T101500Z", "reference~20261129T111500Z",
      ])
  }

  @Test func aNestedRunIsReadByItsID() throws {
    let f = try Self.fixture()
    let (status, run) = f.json("GET", "/v1/runs/reference~20261129T111500Z")
    #expect(status == 200)
    #expect(run?["state"] == .string("succeeded"))
    let file = f.call(
      "GET", "/v1/runs/reference~20261129T111500Z/files/summary.json")
    #expect(file.status == 200)
    #expect(file.text.contains("20261129T111500Z"))
  }

  @Test func aSymlinkedScenarioFolderIsNotListed() throws {
    let f = try Self.fixture()
    #expect(!Self.listedIDs(f).contains { $0.hasPrefix("linked") })
    #expect(!f.call("GET", "/v1/runs").text.contains(Self.secret))
  }

  @Test(arguments: [
    "/v1/runs/linked~20261129T000000Z",
    "/v1/runs/linked~20261129T000000Z/files/summary.json",
    "/v1/runs/linked~20261129T000000Z/files/manifest.json",
    "/v1/runs/reference~..~secret/files/summary.json",
    "/v1/runs/reference~~20261129T111500Z/files/summary.json",
    "/v1/runs/~reference/files/summary.json",
    "/v1/runs/reference~20261129T111500Z~x/files/summary.json",
    "/v1/runs/reference~..%2F..%2Foutside-scenario/files/summary.json",
    "/v1/runs/..~outside-scenario~20261129T000000Z/files/summary.json",
  ])
  func nothingOutsideCanBeReadThroughANestedID(_ path: String) throws {
    let f = try Self.fixture()
    let r = f.call("GET", path)
    #expect((400..<500).contains(r.status))
    #expect(!r.text.contains(Self.secret))
  }

  /// `POST /v1/compare` loads a run only when its manifest is found inside the root.
  @Test func aSymlinkedScenarioFolderHasNoManifestToCompare() throws {
    let f = try Self.fixture()
    let folders = f.application.settings.runs.folders
    #expect(folders.manifest("reference~20261129T111500Z") != nil)
    #expect(folders.manifest("linked~20261129T000000Z") == nil)
    #expect(folders.files("linked~20261129T000000Z").isEmpty)
  }

  @Test(
    arguments: [
      ("flat", "flat"), ("a~b", "a/b"), ("a~b~c", nil), ("~b", nil),
      ("a~", nil),
      ("a~..", nil), ("..~b", nil), ("a/b", nil), ("a~.hidden", nil),
    ] as [(String, String?)])
  func relativePathAcceptsOnlySafeParts(_ id: String, _ expected: String?) {
    #expect(RunFolders.relativePath(id) == expected)
  }
}
