import Foundation
import Testing

@testable import FenqiReport

/// What a killed writer leaves behind is cleared by the next writer on the same machine.
@Suite struct RunFolderWriterTests {
  /// The id of a process that has finished (so no process has it, barring reuse).
  static func finishedProcessID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "exit 0"]
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
  }

  @Test func stalePartialFoldersOfDeadProcessesAreRemoved() throws {
    let parent = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let fm = FileManager.default
    let dead = try Self.finishedProcessID()
    let host = RunFolderWriter.hostName
    let gone = [
      ".run1.partial-\(host)-\(dead)",  // killed on this machine
      ".run2.partial-\(dead)",  // killed, written by an older version
      ".dat.nosync\(dead).Xy12Ab",  // a killed atomic write
    ]
    let kept = [
      ".dat.nosync\(getppid()).abc123",  // an atomic write still running
      ".run3.partial-\(host)-\(getppid())",  // its writer still runs
      ".run4.partial-elsewhere-\(dead)",  // another machine's, on a shared disk
      "run5",
    ]
    for name in gone + kept {
      let folder = parent.appendingPathComponent(name)
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
      try "x".write(
        to: folder.appendingPathComponent("summary.json"), atomically: true,
        encoding: .utf8)
    }
    try RunFolderWriter.write(
      [(name: "summary.json", text: "{}")],
      to: parent.appendingPathComponent("new").path, force: false)
    let left = Set(try fm.contentsOfDirectory(atPath: parent.path))
    #expect(left == Set(kept + ["new"]))

    // A report rewritten in place clears its own stale temporaries.
    let run = parent.appendingPathComponent("new")
    try "x".write(
      to: run.appendingPathComponent(".report.md.partial-\(host)-\(dead)"),
      atomically: true, encoding: .utf8)
    try RunFolderWriter.replace([(name: "report.md", text: "r")], in: run.path)
    #expect(
      Set(try fm.contentsOfDirectory(atPath: run.path)) == [
        "summary.json", "report.md",
      ])
  }
}
