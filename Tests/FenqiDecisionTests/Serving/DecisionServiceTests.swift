import FenqiCore
import FenqiDecision
import Foundation
import Testing

@Suite struct DecisionServiceTests {
  static let service = DecisionService(bundle: BundleFixture.loaded)

  @Test(arguments: [0, 1])
  func servedDecisionsEqualTheStacks(arm a: Int) throws {
    let stack = BundleFixture.trained.stack(arm: a)
    let arm = BundleFixture.trained.arms[a]
    var outcomes = Set<String>()
    for i in 5000..<5400 {
      let v = BundleFixture.applicant(i)
      var row = BundleFixture.row(v)
      var scratch = ScoringModel.Scratch()
      let d = row.withUnsafeMutableBufferPointer {
        stack.decide(
          $0.start, balance: 0, mode: arm.mode, threshold: arm.threshold,
          fundingRate: arm.fundingRate, cap: arm.cap, scratch: &scratch)
      }
      let reply = Self.service.decide(
        body: BundleFixture.body(v, extra: [("arm", .string(arm.name))]))
      try #require(reply.status == 200)
      let r = BundleFixture.json(reply.body)
      #expect(r["outcome"] == .string(d.outcome.name))
      #expect(r["pd"] == .number(d.pd))
      #expect(r["fraud"]?["score"] == .number(d.anomaly))
      #expect(r["apr"] == (d.apr.map { .number($0) } ?? .null))
      #expect(
        r["creditLine"]?["amount"] == (d.tier >= 0 ? .number(d.line) : nil))
      outcomes.insert(d.outcome.name)
    }
    // The sample reaches more than one outcome, so the comparison means something.
    #expect(outcomes.count >= 2)
  }

  @Test func aDecisionCarriesReasonsCodesAndTheVersion() throws {
    let v = BundleFixture.applicant(5001)
    let reply = Self.service.decide(
      body: BundleFixture.body(
        v,
        extra: [
          ("arm", .string("champion")), ("applicationId", .string("A-1")),
        ]))
    let r = BundleFixture.json(reply.body)
    #expect(r["applicationId"] == .string("A-1"))
    #expect(r["bundleVersion"] == .string(Self.service.version))
    #expect(Self.service.version.hasPrefix("fixture-v1+"))
    guard case .array(let reasons) = r["reasons"] else {
      Issue.record("no reasons")
      return
    }
    #expect(!reasons.isEmpty && reasons.count <= 3)
    for reason in reasons {
      guard case .string(let feature) = reason["feature"],
        let k = LenderFeature.names.firstIndex(of: feature)
      else {
        Issue.record("reason without a feature")
        continue
      }
      #expect(reason["code"] == .string(FeatureDefinition.all[k].reasonCode))
      #expect(reason["reason"] == .string(FeatureDefinition.all[k].reason))
    }
    #expect(reply.auditLines.count == 1)
    let audit = BundleFixture.json(reply.auditLines[0])
    #expect(audit["response"] == r)
    #expect(audit["inputs"]?["bureauScore"] == .number(v[1]))
    #expect(audit["features"]?["instalmentToIncome"] == .number(v[9] / v[0]))
    #expect(!reply.auditLines[0].contains(UInt8(ascii: "\n")))
  }

  @Test func reasonCodesAreStableAndUnique() {
    let codes = FeatureDefinition.all.map(\.reasonCode)
    #expect(Set(codes).count == codes.count)
    #expect(FeatureDefinition.of(.externalApplications3m).reasonCode == "R12")
    #expect(
      FeatureDefinition.of(.externalApplications3m).reason
        == "too many recent applications elsewhere")
    #expect(FeatureDefinition.of(.bureauScore).reasonCode == "R02")
    #expect(FeatureDefinition.of(.tenureMonths).reasonCode == "R27")
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var body: String
    var status: Int
    var fields: [String]
    var testDescription: String { body }
  }

  static let complete = String(
    decoding: BundleFixture.body(
      BundleFixture.applicant(1), extra: [("arm", .string("champion"))]),
    as: UTF8.self)

  static func with(_ replacement: String, for field: String) -> String {
    let pattern = "\"\(field)\":"
    guard let r = complete.range(of: pattern) else { return complete }
    let rest = complete[r.upperBound...]
    let end =
      rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
    return complete[..<r.upperBound] + replacement + complete[end...]
  }

  static let badCases: [BadCase] = [
    .init(body: "not json", status: 400, fields: ["$"]),
    .init(body: "[1, 2]", status: 400, fields: ["$"]),
    .init(
      body: with("\"abc\"", for: "bureauScore"), status: 422,
      fields: ["$.bureauScore"]),
    .init(body: with("12", for: "age"), status: 422, fields: ["$.age"]),
    .init(
      body: with("2.5", for: "termMonths"), status: 422,
      fields: ["$.termMonths"]),
    .init(
      body: with("-1", for: "declaredIncome").replacingOccurrences(
        of: "\"arm\":\"champion\"", with: "\"arm\":\"champoin\""), status: 422,
      fields: ["$.arm", "$.declaredIncome"]),
    .init(
      body: "{\"bureauScore\": 700}", status: 422,
      fields: ["$.arm"]
        + RequestField.all.filter {
          $0.defaultValue == nil && $0.name != "bureauScore"
        }
        .map { "$." + $0.name }),
    .init(
      body: complete.replacingOccurrences(
        of: "\"bureauScore\"", with: "\"bureuScore\""),
      status: 422, fields: ["$.bureuScore", "$.bureauScore"]),
  ]

  @Test(arguments: badCases)
  func everyProblemNamesItsField(_ c: BadCase) throws {
    let reply = Self.service.decide(body: Array(c.body.utf8))
    #expect(reply.status == c.status)
    #expect(reply.auditLines.isEmpty)
    let r = BundleFixture.json(reply.body)
    guard case .array(let errors) = r["errors"] else {
      Issue.record(
        "no errors in \(String(decoding: reply.body, as: UTF8.self))")
      return
    }
    let fields = errors.compactMap { e -> String? in
      if case .string(let s) = e["field"] { return s }
      return nil
    }
    #expect(Set(fields) == Set(c.fields))
    #expect(r["error"] == errors.first)
    for e in errors {
      #expect(e["expected"] != nil && e["found"] != nil)
    }
  }

  @Test func anUnknownFieldGetsTheNearestName() {
    let reply = Self.service.decide(
      body: Array(
        Self.complete.replacingOccurrences(
          of: "\"bureauScore\"", with: "\"bureuScore\""
        ).utf8))
    let text = String(decoding: reply.body, as: UTF8.self)
    #expect(text.contains("did you mean \\\"bureauScore\\\"?"))
  }

  @Test func aBatchDecidesInOrderOrReportsItemPaths() {
    let items = (0..<5).map { i in
      "{"
        + String(
          decoding: BundleFixture.body(
            BundleFixture.applicant(6000 + i),
            extra: [("arm", .string("champion"))]),
          as: UTF8.self
        ).dropFirst()
    }
    let good = Self.service.decideBatch(
      body: Array(
        ("{\"applications\":[" + items.joined(separator: ",") + "]}").utf8))
    #expect(good.status == 200)
    #expect(good.auditLines.count == 5)
    guard
      case .array(let decisions) = BundleFixture.json(good.body)["decisions"]
    else {
      Issue.record("no decisions")
      return
    }
    for (i, d) in decisions.enumerated() {
      let single = Self.service.decide(
        body: BundleFixture.body(
          BundleFixture.applicant(6000 + i),
          extra: [("arm", .string("champion"))]))
      #expect(d == BundleFixture.json(single.body))
    }
    var broken = items
    broken[3] = broken[3].replacingOccurrences(
      of: "\"age\":", with: "\"age\":\"old\",\"x\":")
    let bad = Self.service.decideBatch(
      body: Array(
        ("{\"applications\":[" + broken.joined(separator: ",") + "]}").utf8))
    #expect(bad.status == 422)
    let text = String(decoding: bad.body, as: UTF8.self)
    #expect(text.contains("$.applications[3].age"))
    #expect(text.contains("$.applications[3].x"))
    let many = Self.service.decideBatch(
      body: Array(
        ("{\"applications\":["
          + Array(repeating: items[0], count: DecisionService.batchLimit + 1)
          .joined(separator: ",") + "]}").utf8))
    #expect(many.status == 422)
    #expect(
      String(decoding: many.body, as: UTF8.self).contains(
        "1 to 1000 applications"))
  }

  @Test(arguments: 0..<64 as Range<UInt64>)
  func randomBytesNeverTrap(seed: UInt64) {
    var s = StreamFamily(seed: seed, period: 1, purpose: .modelRowSample)
      .stream(for: 0)
    var body = Array(Self.complete.utf8)
    for _ in 0..<(1 + s.index(below: 8)) {
      body[s.index(below: body.count)] = UInt8(s.index(below: 256))
    }
    let reply = Self.service.decide(body: body)
    #expect([200, 400, 422].contains(reply.status))
    #expect(Self.service.decideBatch(body: body).status != 200)
  }

  @Test func theSchemaListsEveryField() {
    let schema = BundleFixture.json(Self.service.applicationSchema)
    guard case .array(let fields) = schema["fields"] else {
      Issue.record("no fields")
      return
    }
    #expect(fields.count == RequestField.all.count + 2)
    #expect(fields[1]["name"] == .string("bureauScore"))
    #expect(fields[1]["required"] == .bool(true))
  }
}
