import FenqiCore
import Foundation
import Testing

@testable import fenqi

@Suite struct SynthesizeCommandTests {
  static let german = path("Tests/FenqiModelsTests/Data/german_credit.csv")

  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-synthesize-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The README's command and figures.
  @Test func germanCreditRowsAndFidelityFile() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("synthetic.csv").path
    let r = invoke([
      "synthesize", Self.german, "--rows", "1000", "--target", "creditability",
      "--out", out,
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.contains("0 redrawn"))
    let fidelity = dir.appendingPathComponent("synthetic.fidelity.json").path
    let json = try JSONParser.parse(
      String(contentsOfFile: fidelity, encoding: .utf8))
    guard case .number(let distance) = json["meanColumnDistance"],
      case .number(let rank) = json["rankCorrelationError"],
      case .number(let gap) = json["trainOnSynthetic"]?["aucGap"]
    else {
      Issue.record("fidelity.json lacks its figures")
      return
    }
    #expect(
      distance <= 0.05 && rank <= 0.05 && abs(gap) <= 0.03,
      "\(distance) \(rank) \(gap)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(
      separator: "\n")
    // The sample's lines end in CRLF, the synthetic file's in LF.
    let sample = try String(contentsOfFile: Self.german, encoding: .utf8)
      .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
    #expect(lines.count == 1001 && lines[0] == sample[0])
    #expect(Set(lines.dropFirst()).isDisjoint(with: sample.dropFirst()))
    // Replacing needs --force.
    let again = invoke([
      "synthesize", Self.german, "--rows", "10", "--out", out,
    ])
    #expect(again.code == .badInput && again.err.contains("pass --force"))
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var words: [String]
    var message: String
    var testDescription: String { message }
  }

  @Test(arguments: [
    Refusal(
      words: ["--rows", "0"],
      message: "'--rows' expects a positive integer, found '0'"),
    Refusal(words: [], message: "missing '--rows <n>'"),
    Refusal(
      words: ["--rows", "5", "--by", "housng"],
      message:
        "'--by': the sample has no column 'housng'; did you mean 'housing'?"),
    Refusal(
      words: ["--rows", "5", "--target", "housing"],
      message: "target 'housing' must have exactly two classes, found 3"),
    Refusal(
      words: ["--rows", "5", "--model", "gbdt"],
      message: "'--model' needs '--target <column>'"),
  ])
  func badArgumentsWriteNothing(_ c: Refusal) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.csv").path
    let r = invoke(["synthesize", Self.german, "--out", out] + c.words)
    #expect(r.code == .badInput)
    #expect(r.err.contains(c.message), "\(r.err)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func aRaggedRowIsNamedByItsLine() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = dir.appendingPathComponent("ragged.csv").path
    try "a,b\n1,x\n2,y,3\n".write(
      toFile: sample, atomically: true, encoding: .utf8)
    let r = invoke([
      "synthesize", sample, "--rows", "5", "--out", dir.path + "/s.csv",
    ])
    #expect(r.code == .badInput)
    #expect(r.err == "\(sample): line 3 has 3 cells, but the header has 2\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path) == [
        "ragged.csv"
      ])
  }
}
