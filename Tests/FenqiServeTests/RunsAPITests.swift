import FenqiCore
import Foundation
import Testing

@testable import FenqiServe

/// Validation, submission, cancellation, listing and comparison of runs over the API.
@Suite struct RunsAPITests {
  @Test func validScenarioValidates() throws {
    let f = try ServeFixture()
    let (status, body) = f.json(
      "POST", "/v1/scenarios:validate", body: try ServeFixture.reference())
    #expect(status == 200)
    #expect(body?["valid"] == .bool(true))
    #expect(body?["summary"]?["customers"] == .number(2000))
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var body: String
    var status: Int
    var field: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    Bad(
      name: "validate: not JSON", path: "/v1/scenarios:validate", body: "{nope",
      status: 400, field: "$"),
    Bad(
      name: "validate: wrong type", path: "/v1/scenarios:validate",
      body: "{\"name\": 3}", status: 422, field: "$.name"),
    Bad(
      name: "runs: not JSON", path: "/v1/runs", body: "[1,", status: 400,
      field: "$"),
    Bad(
      name: "runs: a sample file", path: "/v1/runs",
      body: "{\"population\": {\"fromSample\": {\"file\": \"/etc/passwd\"}}}",
      status: 422,
      field: "$.population.fromSample"),
    Bad(
      name: "compare: not JSON", path: "/v1/compare", body: "runs", status: 400,
      field: "$"),
    Bad(
      name: "compare: an array", path: "/v1/compare", body: "[]", status: 422,
      field: "$"),
    Bad(
      name: "compare: runs a number", path: "/v1/compare",
      body: "{\"runs\": 3}", status: 422, field: "$.runs"),
    Bad(
      name: "compare: a number among ids", path: "/v1/compare",
      body: "{\"runs\": [\"a\", 2]}",
      status: 404, field: "$.runs[0]"),
    Bad(
      name: "compare: one id", path: "/v1/compare", body: "{\"runs\": []}",
      status: 422,
      field: "$.runs"),
  ])
  func badBodiesName4xxAndTheField(_ c: Bad) throws {
    let f = try ServeFixture()
    let (status, body) = f.json("POST", c.path, body: c.body)
    #expect(status == c.status)
    #expect(body?["error"]?["field"] == .string(c.field))
  }

  @Test func validationListsEveryProblemWithItsPath() throws {
    let f = try ServeFixture()
    let text = try ServeFixture.reference().replacingOccurrences(
      of: "\"periods\": 12", with: "\"periods\": 0")
    let (status, body) = f.json("POST", "/v1/scenarios:validate", body: text)
    #expect(status == 422)
    guard case .array(let problems)? = body?["problems"] else {
      Issue.record("no problems")
      return
    }
    #expect(problems.contains { $0["path"] == .string("$.periods") })
  }

  @Test func aSubmittedRunIsWrittenListedAndCompared() throws {
    let f = try ServeFixture()
    let first = f.json(
      "POST", "/v1/runs", body: try ServeFixture.reference(name: "分期 <b>"))
    #expect(first.0 == 202)
    guard case .string(let id)? = first.1?["id"] else {
      Issue.record("no id")
      return
    }
    #expect(f.wait(for: id) == "succeeded")
    let second = f.json(
      "POST", "/v1/runs", body: try ServeFixture.reference(customers: 3000))
    guard case .string(let other)? = second.1?["id"] else {
      Issue.record("no id")
      return
    }
    #expect(f.wait(for: other) == "succeeded")
    let list = f.call("GET", "/v1/runs")
    #expect(list.text.contains(id) && list.text.contains(other))
    #expect(
      f.call("GET", "/v1/runs/\(id)/files/report.html").text.contains("<html"))
    let compared = f.call(
      "POST", "/v1/compare?format=csv",
      body: "{\"runs\": [\"\(id)\", \"\(other)\"]}")
    #expect(compared.status == 200)
    #expect(compared.text.hasPrefix("run,"))
    let metrics = f.call("GET", "/metrics").text
    #expect(metrics.contains("fenqi_runs{state=\"succeeded\"} 2"))
    #expect(metrics.contains("http_queue_depth 0"))
  }

  @Test func aCancelledRunLeavesNothing() throws {
    let f = try ServeFixture()
    let busy = f.json(
      "POST", "/v1/runs", body: try ServeFixture.reference(customers: 20000))
    let queued = f.json(
      "POST", "/v1/runs", body: try ServeFixture.reference(name: "queued"))
    guard case .string(let a)? = busy.1?["id"],
      case .string(let b)? = queued.1?["id"]
    else {
      Issue.record("no ids")
      return
    }
    let cancelled = f.json("DELETE", "/v1/runs/\(b)")
    #expect(cancelled.0 == 200)
    #expect(cancelled.1?["state"] == .string("cancelled"))
    #expect(f.json("DELETE", "/v1/runs/\(b)").0 == 409)
    #expect(f.wait(for: a) == "succeeded")
    #expect(f.json("GET", "/v1/runs/\(b)").1?["state"] == .string("cancelled"))
    let entries = try FileManager.default.contentsOfDirectory(
      atPath: f.runs.path)
    #expect(entries == [a])
    #expect(f.json("DELETE", "/v1/runs/nope").0 == 404)
  }
}
