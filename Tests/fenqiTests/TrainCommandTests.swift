import Foundation
import Testing

@testable import fenqi

@Suite struct TrainCommandTests {
  static let german = path("Tests/FenqiModelsTests/Data/german_credit.csv")

  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The validation AUC printed by `fenqi train`.
  static func auc(_ output: String) -> Double? {
    output.split(separator: "\n").first { $0.hasPrefix("  AUC") }
      .flatMap { Double($0.split(separator: " ").last ?? "") }
  }

  /// The stated split: 70/30 by `--valid-fraction 0.3 --seed 1` (the defaults).
  @Test(arguments: ["gbdt", "scorecard"])
  func germanCreditValidationAUCIsAtLeast074(kind: String) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("m.json").path
    let r = invoke([
      "train", Self.german, "--target", "creditability", "--positive", "bad",
      "--model", kind, "--valid-fraction", "0.3", "--seed", "1", "--out", model,
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.contains("Split: 691 training, 309 validation rows"))
    let auc = try #require(Self.auc(r.out))
    #expect(auc >= 0.74, "\(kind) validation AUC \(auc)")
    #expect(FileManager.default.fileExists(atPath: model))
  }

  @Test func predictWritesScoresAndExplanationsThatAddUp() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("m.json").path
    let scores = dir.appendingPathComponent("scores.csv").path
    #expect(
      invoke([
        "train", Self.german, "--target", "creditability", "--positive", "bad",
        "--out", model,
      ]).code == .success)
    let r = invoke([
      "predict", model, Self.german, "--explain", "--out", scores,
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.contains("Metrics on this file"))
    let lines = try String(contentsOfFile: scores, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(lines.count == 1001)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(header.prefix(3) == ["row", "probability", "expected_margin"])
    #expect(header.suffix(3) == ["reason_1", "reason_2", "reason_3"])
    let shapColumns = header.indices.filter { header[$0].hasPrefix("shap:") }
    #expect(shapColumns.count == 20)
    // Every row: expected margin + Σ SHAP = logit(probability).
    for line in lines.dropFirst().prefix(50) {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      let p = try #require(Double(cells[1]))
      var margin = try #require(Double(cells[2]))
      for c in shapColumns { margin += try #require(Double(cells[c])) }
      #expect(abs(margin - log(p / (1 - p))) < 1e-9)
    }
    // A second run refuses to overwrite without --force.
    let again = invoke(["predict", model, Self.german, "--out", scores])
    #expect(again.code == .badInput && again.err.contains("--force"))
  }

  @Test func badDataGivesClearErrorsAndWritesNothing() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    func write(_ name: String, _ text: String) throws -> String {
      let file = dir.appendingPathComponent(name).path
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      return file
    }
    let ragged = try write("ragged.csv", "a,b,y\n1,2,0\n3,4\n5,6,1\n")
    let three = try write("three.csv", "a,y\n1,x\n2,y\n3,z\n")
    let empty = try write("empty.csv", "")
    let out = dir.appendingPathComponent("m.json").path
    let cases: [([String], String)] = [
      (
        ["train", ragged, "--target", "y"],
        "line 3 has 2 cells, but the header has 3"
      ),
      (
        ["train", three, "--target", "y", "--positive", "x"],
        "exactly two classes, found 3"
      ),
      (["train", empty, "--target", "y"], "the file is empty"),
      (
        ["train", Self.german, "--target", "credibility"],
        "did you mean 'creditability'"
      ),
      (["train", Self.german, "--target", "creditability"], "--positive"),
      (["train", Self.german], "missing '--target <column>'"),
      (
        ["train", Self.german, "--target", "creditability", "--model", "svm"],
        "'--model'"
      ),
    ]
    for (words, message) in cases {
      let r = invoke(words + ["--out", out])
      #expect(r.code == .badInput, "\(words)")
      #expect(r.err.contains(message), "\(r.err)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func unseenCategoriesAreScoredNotRejected() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("m.json").path
    #expect(
      invoke([
        "train", Self.german, "--target", "creditability", "--positive", "bad",
        "--model",
        "logistic", "--out", model,
      ]).code == .success)
    let text = try String(contentsOfFile: Self.german, encoding: .utf8)
      .replacingOccurrences(of: "radio/television", with: "drone racing")
    let changed = dir.appendingPathComponent("new.csv").path
    try text.write(toFile: changed, atomically: true, encoding: .utf8)
    let r = invoke(["predict", model, changed])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.split(separator: "\n").count == 1001)
  }
}

@Suite struct StressCommandTests {
  @Test func stressWritesItsFilesAndNeedsAMacroPath() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-stress-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = try String(
      contentsOfFile: path("Scenarios/recession-stress.json"), encoding: .utf8
    ).replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 5000")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("small.json").path
    try scenario.write(toFile: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out").path
    let r = invoke(["stress", file, "--paths", "5", "--out", out, "--quiet"])
    #expect(r.code == .success, "\(r.err)")
    for name in [
      "stress.csv", "stress_summary.csv", "vintages.csv", "ecl.csv",
      "macro.csv", "report.md", "stress.json", "mean_paths.csv",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
    }
    let rows = try String(contentsOfFile: out + "/stress.csv", encoding: .utf8)
      .split(separator: "\n")
    #expect(rows.count == 1 + 5 * 2)
    // Three shards merge into the unsharded folder, byte for byte.
    var shards: [String] = []
    for i in 1...3 {
      let shard = dir.appendingPathComponent("shard\(i)").path
      #expect(
        invoke([
          "stress", file, "--paths", "5", "--out", shard, "--shard", "\(i)/3",
          "--quiet",
        ])
        .code == .success)
      shards.append(shard)
    }
    let merged = dir.appendingPathComponent("merged").path
    #expect(invoke(["merge"] + shards + ["--out", merged]).code == .success)
    let names = try FileManager.default.contentsOfDirectory(atPath: out)
      .sorted()
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: merged).sorted()
        == names)
    for name in names {
      #expect(
        FileManager.default.contents(atPath: out + "/" + name)
          == FileManager.default.contents(atPath: merged + "/" + name),
        "\(name)")
    }
    let incomplete = invoke([
      "merge", shards[0], shards[2], "--out",
      dir.appendingPathComponent("m2").path,
    ])
    #expect(
      incomplete.code == .badInput
        && incomplete.err.contains("missing shard 2/3"))
    let plain = invoke([
      "stress", path("Scenarios/baseline.json"), "--paths", "5", "--out",
      dir.appendingPathComponent("x").path,
    ])
    #expect(plain.code == .badInput && plain.err.contains("$.macro"))
    #expect(
      !FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("x").path))
  }
}

@Suite struct MacroReportTests {
  @Test func runsWithAMacroPathReportProvisionsAndRegenerateThem() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-macro-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let text = try String(
      contentsOfFile: path("Scenarios/recession-stress.json"), encoding: .utf8
    ).replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 5000")
    let file = dir.appendingPathComponent("r.json").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("run").path
    #expect(invoke(["run", file, "--out", out, "--quiet"]).code == .success)
    let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
    #expect(report.contains("## Macro path and provisions"))
    #expect(FileManager.default.fileExists(atPath: out + "/ecl.csv"))
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(invoke(["report", out]).code == .success)
    #expect(
      try String(contentsOfFile: out + "/report.md", encoding: .utf8) == report)
    #expect(
      try String(contentsOfFile: out + "/report.html", encoding: .utf8) == html)
    #expect(html.contains("id=\"provisions\""))
  }
}

@Suite struct RiskStackRunTests {
  /// A risk-stack run writes risk.csv and decisions.csv, its reports show the decision stack, and
  /// `fenqi report` regenerates them byte for byte from the folder.
  @Test func riskStackRunsWriteTheirTablesAndRegenerate() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-risk-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let text = try String(
      contentsOfFile: path("Scenarios/risk-stack.json"), encoding: .utf8
    )
    .replacingOccurrences(of: "\"size\": 1000000", with: "\"size\": 12000")
    .replacingOccurrences(
      of: "\"customers\": 40000", with: "\"customers\": 8000")
    let file = dir.appendingPathComponent("r.json").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("run").path
    #expect(invoke(["run", file, "--out", out, "--quiet"]).code == .success)
    let risk = try String(contentsOfFile: out + "/risk.csv", encoding: .utf8)
    #expect(
      risk.hasPrefix(
        "period,arm,mode,applications,approvals,approval_rate,threshold,"))
    // 12 months × 4 arms and the header.
    #expect(risk.split(separator: "\n").count == 49)
    // The drift alarms and the re-trained model's judgement against the truth.
    #expect(
      risk.split(separator: "\n").first?.hasSuffix(
        ",psi_alarm,psi_top_band,csi_max,csi_feature,csi_alarm,calibration_true,"
          + "drift_action,refit_auc_booked,refit_auc_through_the_door,"
          + "refit_calibration,refit_booked,refit_rejects") == true)
    let decisions = try String(
      contentsOfFile: out + "/decisions.csv", encoding: .utf8)
    #expect(decisions.contains(",declined_pd,"))
    let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
    #expect(report.contains("## Decision stack"))
    #expect(report.contains("Drift"))
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(
      html.contains("id=\"risk-arms\"") && html.contains("id=\"risk-auc\""))
    #expect(invoke(["report", out]).code == .success)
    #expect(
      try String(contentsOfFile: out + "/report.md", encoding: .utf8) == report)
    #expect(
      try String(contentsOfFile: out + "/report.html", encoding: .utf8) == html)
  }
}

@Suite struct PredictSpreadsheetTests {
  /// A column named like a formula reaches scores.csv's reasons as text, never as a formula.
  @Test func reasonsThatStartLikeAFormulaAreNeutralised() throws {
    let dir = try TrainCommandTests.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    var lines = ["=cmd(),income,bad"]
    for k in 0..<400 {
      let risky = k % 3 == 0
      lines.append(
        "\(risky ? 9 - k % 5 : k % 4),\(1000 + k * 7),\(risky ? 1 : 0)")
    }
    let data = dir.appendingPathComponent("d.csv").path
    try lines.joined(separator: "\n").write(
      toFile: data, atomically: true, encoding: .utf8)
    let model = dir.appendingPathComponent("m.json").path
    let scores = dir.appendingPathComponent("s.csv").path
    let trained = invoke(["train", data, "--target", "bad", "--out", model])
    #expect(trained.code == .success, "\(trained.err)")
    let r = invoke([
      "predict", model, data, "--explain", "--top", "1", "--out", scores,
    ])
    #expect(r.code == .success, "\(r.err)")
    let text = try String(contentsOfFile: scores, encoding: .utf8)
    #expect(text.contains("'=cmd()"))
    #expect(!text.contains(",=cmd()"))
  }
}
