import Foundation
import Testing

@testable import fenqi

/// `train`, `predict` and `stress` on input that used to hang, trap or be silently misread: each
/// now finishes, or exits 2 naming the file, line, column, JSON path or option.
@Suite(.timeLimit(.minutes(5)))
struct ModelCommandInputTests {
  static func write(_ name: String, _ text: String, in dir: URL) throws
    -> String
  {
    let file = dir.appendingPathComponent(name).path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  /// 300 rows: `z` predicts `y`; `x` holds `value(row)`.
  static func data(_ value: (Int) -> String) -> String {
    var text = "x,z,y\n"
    for r in 0..<300 {
      let y = r % 3 == 0 ? 1 : 0
      text += "\(value(r)),\(Double(y) + Double(r % 7) / 7),\(y)\n"
    }
    return text
  }

  struct Refused: Sendable, CustomTestStringConvertible {
    var name: String
    var words: [String]
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    Refused(
      name: "a word in a numeric column", words: ["--model", "gbdt"],
      message:
        "typo.csv: line 12, column 'x': expected a number, found 'abc'; 299 of the column's cells are numbers"
    ),
    Refused(
      name: "a hidden layer of 2,000",
      words: ["--model", "mlp", "--hidden", "2000"],
      message:
        "'--hidden' expects 1 to 8 layer widths, each in 1…1024, such as 32,16; found '2000'"
    ),
    Refused(
      name: "nine hidden layers",
      words: ["--model", "mlp", "--hidden", "4,4,4,4,4,4,4,4,4"],
      message: "'--hidden' expects 1 to 8 layer widths"),
  ])
  func trainRefusesWithTheLineOrOption(_ c: Refused) throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.write(
      "typo.csv", Self.data { $0 == 10 ? "abc" : String($0) }, in: dir)
    let out = dir.appendingPathComponent("m.json").path
    let r = invoke(["train", file, "--target", "y", "--out", out] + c.words)
    #expect(r.code == .badInput, "\(r.err)")
    #expect(r.err.contains(c.message), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// Sums of 1e308 used to overflow: logistic training hung and the MLP came out constant.
  @Test(arguments: ["logistic", "mlp"])
  func hugeValuesAreStandardisedSafelyOrRefusedByColumn(kind: String) throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let same = try Self.write(
      "same.csv", Self.data { $0 % 2 == 0 ? "1e308" : "1.5e308" }, in: dir)
    let ok = invoke([
      "train", same, "--target", "y", "--model", kind, "--out",
      dir.appendingPathComponent("ok.json").path,
    ])
    #expect(ok.code == .success, "\(ok.err)")
    let mixed = try Self.write(
      "mixed.csv", Self.data { $0 == 4 ? "1.7e308" : "-1.7e308" }, in: dir)
    let refused = invoke([
      "train", mixed, "--target", "y", "--model", kind, "--out",
      dir.appendingPathComponent("no.json").path,
    ])
    #expect(refused.code == .badInput)
    #expect(
      refused.err.contains(
        "Error: column 'x': its values (up to 1.7e+308) are too large to standardise"
      ), "\(refused.err)")
  }

  /// A tree whose child is its own node made `predict` loop forever.
  @Test func predictRefusesAModelWhoseTreeLoops() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try Self.write("d.csv", Self.data { String($0 % 11) }, in: dir)
    let model = dir.appendingPathComponent("m.json")
    let trained = invoke([
      "train", data, "--target", "y", "--trees", "3", "--out", model.path,
    ])
    #expect(trained.code == .success, "\(trained.err)")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: model))
        as? [String: Any])
    var gbdt = try #require(json["gbdt"] as? [String: Any])
    var trees = try #require(gbdt["trees"] as? [[String: Any]])
    var left = try #require(trees[0]["left"] as? [Int])
    #expect(!left.isEmpty)
    left[0] = 0
    trees[0]["left"] = left
    gbdt["trees"] = trees
    json["gbdt"] = gbdt
    try JSONSerialization.data(withJSONObject: json).write(to: model)
    let r = invoke(["predict", model.path, data])
    #expect(r.code == .badInput)
    #expect(r.err.contains("m.json: $.gbdt.trees[0].left[0]: expected "))
    #expect(r.err.contains("so no path can loop), found 0"), "\(r.err)")
  }

  @Test func stressRefusesMoreThanAMillionPaths() {
    for paths in ["1000001", "99999999999999999999"] {
      let r = invoke([
        "stress", path("Scenarios/recession-stress.json"), "--paths", paths,
      ])
      #expect(r.code == .badInput)
      #expect(
        r.err.contains("'--paths' expects an integer in 1…1,000,000")
          || r.err.contains("'--paths' expects a positive integer"),
        "\(r.err)")
    }
  }
}
