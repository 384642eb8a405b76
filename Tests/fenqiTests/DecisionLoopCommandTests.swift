import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import fenqi

/// The closed loop without a server: a tape trains a PD model, `fenqi bundle` wraps it, the
/// decision service decides and audits, and `fenqi audit-tape` turns the audit log back into a
/// tape.
@Suite struct DecisionLoopCommandTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-loop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Request field values of synthetic applicant `i` (``RequestField/all`` order).
  static func applicant(_ i: Int) -> [Double] {
    let s = StreamFamily(seed: 5, period: 0, purpose: .modelRowSample).stream(
      for: UInt64(i))
    func u(_ k: UInt64) -> Double { s.uniform(at: k) }
    var v = RequestField.all.map { $0.defaultValue ?? 0 }
    v[0] = (3000 + 9000 * u(0)).rounded()
    v[1] = (450 + 350 * u(1)).rounded()
    v[2] = 0.5 * u(2)
    v[3] = (150 * u(3)).rounded()
    v[4] = (u(4) * 2).rounded(.down)
    v[5] = (20 + 40 * u(5)).rounded()
    v[6] = (u(6) * 4).rounded()
    v[7] = (500 + 8000 * u(7)).rounded()
    v[8] = 12
    v[9] = (v[7] / 12 * 1.05).rounded()
    v[10] = (u(10) * 5).rounded(.down)
    return v
  }

  static func body(_ i: Int) -> [UInt8] {
    let members =
      zip(RequestField.names, applicant(i)).map {
        (key: $0, value: JSONValue.number($1))
      }
      + [(key: "applicationId", value: .string("A\(i)"))]
    return Array(JSONWriter.compact(.object(members)).utf8)
  }

  /// A training tape: the feature rows of the applicants with a label from a known rule.
  static func trainingTape() -> String {
    var out = (LenderFeature.names + ["bad"]).joined(separator: ",") + "\n"
    let probe = DecisionService(
      bundle: DecisionBundle(
        version: "probe", fraud: nil, pricing: nil, creditLines: nil,
        features: [],
        arms: [
          .init(
            name: "a", mode: .approveAll, threshold: 0.5, fundingRate: 0,
            cap: 1,
            rule: .init(
              minimumScore: 0, maxOpenLoans: 99, maxDebtToIncome: nil),
            averagePD: 0.1, pd: nil, propensity: nil, fraudScreen: false,
            riskBasedPricing: false, scores: FeatureDistribution(values: []))
        ]))
    for i in 0..<1500 {
      let reply = probe.decide(body: body(i))
      guard let line = reply.auditLines.first,
        let record = try? AuditTape.records(
          String(decoding: line, as: UTF8.self)
        ).first
      else { continue }
      let v = applicant(i)
      let bad = v[1] < 500 ? 1 : 0
      out +=
        record.features.map(JSONWriter.format).joined(separator: ",")
        + ",\(bad)\n"
    }
    return out
  }

  @Test func aTrainedModelIsBundledServedAuditedAndTapedAgain() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    func at(_ name: String) -> String { dir.appendingPathComponent(name).path }
    try Self.trainingTape().write(
      toFile: at("train.csv"), atomically: true, encoding: .utf8)
    let trained = invoke([
      "train", at("train.csv"), "--target", "bad", "--positive", "1", "--trees",
      "20",
      "--out", at("model.json"),
    ])
    try #require(trained.code == .success, "\(trained.err)")
    let bundled = invoke([
      "bundle", "--pd", at("model.json"), "--threshold", "0.3", "--data",
      at("train.csv"),
      "--version", "loop-v1", "--out", at("bundle.json"),
    ])
    try #require(bundled.code == .success, "\(bundled.err)")
    let bundle = try DecisionBundle.load(
      from: URL(fileURLWithPath: at("bundle.json")))
    #expect(bundle.version == "loop-v1")
    let service = DecisionService(bundle: bundle)
    var audit = ""
    var declined = 0
    for i in 2000..<2100 {
      let reply = service.decide(body: Self.body(i))
      try #require(reply.status == 200)
      audit += reply.auditLines.map {
        String(decoding: $0, as: UTF8.self) + "\n"
      }.joined()
      if String(decoding: reply.body, as: UTF8.self).contains("\"declined\"") {
        declined += 1
      }
    }
    // The model learned the rule: it declines some and approves some.
    #expect(declined > 0 && declined < 100)
    try audit.write(
      toFile: at("audit.jsonl"), atomically: true, encoding: .utf8)
    let taped = invoke([
      "audit-tape", at("audit.jsonl"), "--out", at("tape.csv"), "--decisions",
    ])
    try #require(taped.code == .success, "\(taped.err)")
    let lines = try String(contentsOfFile: at("tape.csv"), encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 101)
    #expect(
      lines[0]
        == (AuditTape.decisionColumns + LenderFeature.names + ["bad"])
        .joined(separator: ",")[...])
    // The tape's feature cells are the audit's exactly.
    let first = try AuditTape.records(audit)[0]
    let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(cells[0] == "A2000")
    #expect(
      cells[7..<(7 + LenderFeature.count)].map(String.init)
        == first.features.map(JSONWriter.format))
    // Outcomes keep only the decisions that have one, with their label.
    try "applicationId,bad\nA2000,1\nA2005,0\n".write(
      toFile: at("outcomes.csv"), atomically: true, encoding: .utf8)
    let labelled = invoke([
      "audit-tape", at("audit.jsonl"), "--out", at("labelled.csv"),
      "--outcomes",
      at("outcomes.csv"),
    ])
    try #require(labelled.code == .success, "\(labelled.err)")
    let rows = try String(contentsOfFile: at("labelled.csv"), encoding: .utf8)
      .split(separator: "\n")
    #expect(
      rows.count == 3 && rows[1].hasSuffix(",1") && rows[2].hasSuffix(",0"))
  }

  @Test func aBadAuditLineNamesItsLineAndWritesNothing() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("audit.jsonl").path
    let out = dir.appendingPathComponent("tape.csv").path
    try "{\"arm\":\"a\"}\n\nnot json\n".write(
      toFile: log, atomically: true, encoding: .utf8)
    let r = invoke(["audit-tape", log, "--out", out])
    #expect(r.code == .badInput)
    #expect(
      r.err.contains("audit.jsonl:1: $.response: expected the decision object"))
    #expect(r.err.contains("audit.jsonl:3: not JSON"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aModelOverOtherColumnsCannotBeBundled() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("german.json").path
    let trained = invoke([
      "train", path("Tests/FenqiModelsTests/Data/german_credit.csv"),
      "--target",
      "creditability", "--positive", "bad", "--trees", "5", "--out", model,
    ])
    try #require(trained.code == .success)
    let r = invoke([
      "bundle", "--pd", model, "--threshold", "0.2", "--out",
      dir.appendingPathComponent("b.json").path,
    ])
    #expect(r.code == .badInput)
    #expect(r.err.contains("$.features: expected"))
    let missing = invoke(["bundle", "--pd", model])
    #expect(missing.code == .badInput && missing.err.contains("missing --out"))
  }
}
