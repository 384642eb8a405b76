import FenqiCore
import FenqiServe
import Foundation
import Testing

@testable import fenqi

/// A run submitted over `fenqi serve`'s API is byte-identical to `fenqi run` of the same scenario
/// and seed (every file but `manifest.json`, which records times and the source).
@Suite struct ServeRunTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: ["reference.json", "aa-check.json"])
  func apiRunIsByteIdenticalToFenqiRun(_ name: String) throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-serve-run-\(UUID().uuidString)")
    let runs = dir.appendingPathComponent("runs")
    try FileManager.default.createDirectory(
      at: runs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = try String(
      contentsOf: Self.root.appendingPathComponent("Scenarios/\(name)"),
      encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"size\": 20000", with: "\"size\": 3000")
    // The same bytes both ways: the reports quote the scenario's SHA-256.
    let seeded = try #require(
      text.range(of: #""seed": [0-9]+"#, options: .regularExpression).map {
        text.replacingCharacters(in: $0, with: "\"seed\": 7")
      })
    let file = dir.appendingPathComponent(name)
    try seeded.write(to: file, atomically: true, encoding: .utf8)
    let cli = dir.appendingPathComponent("cli").path
    let console = Console(out: { _ in }, err: { _ in })
    let code = Fenqi.run(
      ["run", file.path, "--out", cli, "--quiet"], console: console)
    #expect(code == .success)

    let store = try RunStore(
      directory: runs.path, threads: 3, version: HelpText.version,
      wallClock: { Date().timeIntervalSince1970 })
    let app = ServeApplication(
      settings: .init(runs: store, version: HelpText.version))
    let submitted = app.respond(
      to: .init(method: "POST", path: "/v1/runs", body: Array(seeded.utf8)))
    #expect(submitted.status == 202)
    let reply = try JSONParser.parse(
      String(decoding: submitted.body, as: UTF8.self))
    guard case .string(let id)? = reply["id"] else {
      Issue.record("no id")
      return
    }
    var state = ""
    for _ in 0..<1200 where state != "succeeded" && state != "failed" {
      usleep(100_000)
      let r = app.respond(to: .init(method: "GET", path: "/v1/runs/\(id)"))
      if case .string(let s)? = try JSONParser.parse(
        String(decoding: r.body, as: UTF8.self))["state"]
      {
        state = s
      }
    }
    #expect(state == "succeeded")
    let fm = FileManager.default
    let cliFiles = try fm.contentsOfDirectory(atPath: cli).sorted()
    let apiFiles = try fm.contentsOfDirectory(
      atPath: runs.appendingPathComponent(id).path
    ).sorted()
    #expect(cliFiles == apiFiles)
    #expect(cliFiles.count > 5)
    for f in cliFiles where f != "manifest.json" {
      let a = try Data(contentsOf: URL(fileURLWithPath: cli + "/" + f))
      let b = try Data(
        contentsOf: runs.appendingPathComponent(id).appendingPathComponent(f))
      #expect(a == b, "\(name): \(f) differs")
    }
    app.shutdown()
  }
}
