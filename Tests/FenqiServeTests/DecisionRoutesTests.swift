import Foundation
import Testing

@testable import FenqiServe

/// The decision routes: answers passed through, audit lines appended, 503 without a bundle.
@Suite struct DecisionRoutesTests {
  /// A stand-in service: echoes the body's length; one audit line per call.
  struct Echo: DecisionEndpoint {
    var version: String { "echo-1" }
    func decide(body: [UInt8]) -> DecisionAnswer {
      body.first == UInt8(ascii: "{")
        ? DecisionAnswer(
          status: 200, body: Array("{\"length\":\(body.count)}".utf8),
          auditLines: [Array("{\"n\":\(body.count)}".utf8)])
        : DecisionAnswer(
          status: 400, body: Array("{\"error\":{\"field\":\"$\"}}".utf8))
    }
    func decideBatch(body: [UInt8]) -> DecisionAnswer {
      DecisionAnswer(
        status: 200, body: [], auditLines: [Array("a".utf8), Array("b".utf8)])
    }
    var applicationSchema: [UInt8] { Array("{\"properties\":{}}".utf8) }
    func monitoringReport() -> [UInt8] { Array("{\"decisions\":0}".utf8) }
  }

  @Test func answersPassThroughAndAuditLinesAreAppended() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      UUID().uuidString)
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let audit = dir.appendingPathComponent("audit.jsonl").path
    let f = try ServeFixture(decisions: Echo(), auditLog: audit)
    #expect(
      f.call("POST", "/v1/decisions", body: "{\"a\":1}").text
        == "{\"length\":7}")
    #expect(f.call("POST", "/v1/decisions", body: "nope").status == 400)
    #expect(f.call("POST", "/v1/decisions:batch", body: "{}").status == 200)
    #expect(f.call("GET", "/v1/decisions/schema").text.contains("properties"))
    #expect(f.call("GET", "/v1/monitoring").text == "{\"decisions\":0}")
    #expect(f.call("GET", "/healthz").text.contains("echo-1"))
    let lines = try String(contentsOfFile: audit, encoding: .utf8)
    #expect(lines == "{\"n\":7}\na\nb\n")
  }

  @Test(arguments: ["/v1/decisions", "/v1/decisions:batch"])
  func withoutABundleDecisionsAre503(_ path: String) throws {
    let f = try ServeFixture()
    let r = f.call("POST", path, body: "{}")
    #expect(r.status == 503)
    #expect(r.text.contains("--bundle"))
  }
}
