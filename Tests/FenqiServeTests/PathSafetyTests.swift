import Foundation
import Testing

@testable import FenqiServe

/// No path outside the runs folder can be read: `..`, encoded traversal, absolute paths,
/// symlinks pointing out, and files the manifest does not list.
@Suite struct PathSafetyTests {
  static let secret = "TOP-SECRET-\(UUID().uuidString)"

  /// A runs folder with run `r` (a manifest listing `summary.json`, `evil` and `../secret`),
  /// `evil` a symlink to a secret file outside, and run `out` a symlink to a folder outside.
  static func fixture() throws -> ServeFixture {
    let f = try ServeFixture()
    let fm = FileManager.default
    let outside = f.directory.appendingPathComponent("outside")
    try fm.createDirectory(at: outside, withIntermediateDirectories: true)
    try secret.write(
      to: f.directory.appendingPathComponent("secret"), atomically: true,
      encoding: .utf8)
    try secret.write(
      to: outside.appendingPathComponent("summary.json"), atomically: true,
      encoding: .utf8)
    let manifest =
      "{\"files\": [\"summary.json\", \"evil\", \"../secret\", \"/etc/passwd\"]}"
    try manifest.write(
      to: outside.appendingPathComponent("manifest.json"), atomically: true,
      encoding: .utf8)
    let run = f.runs.appendingPathComponent("r")
    try fm.createDirectory(at: run, withIntermediateDirectories: true)
    try manifest.write(
      to: run.appendingPathComponent("manifest.json"), atomically: true,
      encoding: .utf8)
    try "{\"arms\": []}".write(
      to: run.appendingPathComponent("summary.json"), atomically: true,
      encoding: .utf8)
    try fm.createSymbolicLink(
      atPath: run.appendingPathComponent("evil").path,
      withDestinationPath: f.directory.appendingPathComponent("secret").path)
    try fm.createSymbolicLink(
      atPath: f.runs.appendingPathComponent("out").path,
      withDestinationPath: outside.path)
    return f
  }

  @Test func aListedFileInsideIsServed() throws {
    let f = try Self.fixture()
    let r = f.call("GET", "/v1/runs/r/files/summary.json")
    #expect(r.status == 200)
    #expect(r.text == "{\"arms\": []}")
  }

  @Test(arguments: [
    "/v1/runs/r/files/..%2F..%2Fsecret", "/v1/runs/r/files/..%2Fsecret",
    "/v1/runs/r/files/..",
    "/v1/runs/..%2Fsecret/files/x", "/v1/runs/r/files/%2Fetc%2Fpasswd",
    "/v1/runs/r/files/%2e%2e%2f%2e%2e%2fsecret", "/v1/runs/r/files/evil",
    "/v1/runs/out/files/summary.json", "/v1/runs/out/files/manifest.json",
    "/v1/runs/r/../../secret", "/v1/runs/%2e%2e/files/secret",
    "/v1/runs/r/files/.%2F..%2Fsecret",
    "/v1/runs/r/files/%252e%252e%252fsecret",
    "/v1/runs/r/files/manifest.json%00.csv",
  ])
  func nothingOutsideCanBeRead(_ path: String) throws {
    let f = try Self.fixture()
    let r = f.call("GET", path)
    #expect((400..<500).contains(r.status))
    #expect(!r.text.contains(Self.secret))
    #expect(!r.text.contains("root:"))
  }

  @Test func aSymlinkedRunFolderIsNotListed() throws {
    let f = try Self.fixture()
    let r = f.call("GET", "/v1/runs")
    #expect(r.status == 200)
    #expect(r.text.contains("\"r\""))
    #expect(!r.text.contains("\"out\""))
  }
}
