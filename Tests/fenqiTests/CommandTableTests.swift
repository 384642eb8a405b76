import Foundation
import Testing

@testable import fenqi

/// The command table feeds dispatch, help and hints; seeds and short flags parse as documented.
@Suite struct CommandTableTests {
  struct Misspelling: Sendable, CustomTestStringConvertible {
    var word: String
    var command: String
    var testDescription: String { "\(word) → \(command)" }
  }

  @Test(arguments: [
    Misspelling(word: "swep", command: "sweep"),
    Misspelling(word: "merg", command: "merge"),
    Misspelling(word: "bnch", command: "bench"),
    Misspelling(word: "rnu", command: "run"),
    Misspelling(word: "predcit", command: "predict"),
  ])
  func unknownCommandsHintTheNearestCommand(_ c: Misspelling) {
    let r = invoke([c.word])
    #expect(r.code == .badInput)
    #expect(
      r.err.contains(
        "unknown command '\(c.word)'; did you mean '\(c.command)'?"),
      "\(r.err)")
  }

  @Test func everyCommandIsInTheOverviewAndHasHelp() {
    let overview = invoke(["--help"]).out
    for command in Fenqi.commands {
      #expect(overview.contains("\n  \(command.name) "), "\(command.name)")
      let help = invoke(["help", command.name])
      #expect(help.code == .success && help.out == command.help + "\n")
    }
    let unknown = invoke(["help", "swep"])
    #expect(
      unknown.code == .badInput
        && unknown.err.contains("did you mean 'sweep'?"))
  }

  /// A small copy of the baseline in a fresh folder.
  static func scratch() throws -> (dir: URL, scenario: String) {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let text = try String(
      contentsOfFile: path("Scenarios/baseline.json"), encoding: .utf8
    )
    .replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 1500")
    let file = dir.appendingPathComponent("small.json").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return (dir, file)
  }

  @Test func seedZeroIsASeedAndTheLargestIsTheScenariosLimit() throws {
    let (dir, file) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("zero").path
    let r = invoke(["run", file, "--seed", "0", "--out", out, "--quiet"])
    #expect(r.code == .success, "\(r.err)")
    let manifest = try String(
      contentsOfFile: out + "/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"seed\": 0,"))
    for bad in ["-1", "9007199254740992", "x"] {
      let refused = invoke([
        "run", file, "--seed", bad, "--out", out + bad, "--quiet",
      ])
      #expect(refused.code == .badInput)
      #expect(
        refused.err.contains(
          "'--seed' expects an integer in [0, 9007199254740991], found '\(bad)'"
        ), "\(refused.err)")
    }
  }

  @Test func dashQIsQuietAndOtherDashWordsAreUnknownOptions() throws {
    let (dir, file) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("quiet").path
    let r = invoke(["run", file, "-q", "--out", out])
    #expect(r.code == .success && r.err.isEmpty, "\(r.err)")
    #expect(r.out == out + "\n")
    let validate = invoke(["validate", file, "-q"])
    #expect(
      validate.code == .badInput
        && validate.err.hasPrefix("Error: unknown option '-q'\n"))
    let other = invoke(["run", file, "-x"])
    #expect(
      other.code == .badInput
        && other.err.hasPrefix("Error: unknown option '-x'\n"))
  }
}
