import FenqiCore
import FenqiHTTP
import Foundation

@testable import FenqiServe

/// A runs folder in a fresh temporary directory and an application serving it.
struct ServeFixture {
  let directory: URL
  let runs: URL
  let application: ServeApplication

  init(
    token: String? = nil, decisions: (any DecisionEndpoint)? = nil,
    auditLog: String? = nil
  ) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-serve-\(UUID().uuidString)")
    runs = directory.appendingPathComponent("runs")
    try FileManager.default.createDirectory(
      at: runs, withIntermediateDirectories: true)
    let store = try RunStore(
      directory: runs.path, threads: 2, version: "test",
      wallClock: { 1_796_000_000 })
    application = ServeApplication(
      settings: .init(
        runs: store, token: token.flatMap { BearerToken(text: $0) },
        decisions: decisions,
        auditLog: try auditLog.map { p throws(ServeError) in
          try AuditLog(path: p)
        },
        version: "test"))
  }

  /// Calls the application directly (no socket).
  func call(
    _ method: String, _ target: String, body: String = "",
    headers: [(String, String)] = []
  ) -> (status: Int, text: String, response: HTTPResponse) {
    let q = target.firstIndex(of: "?")
    var request = HTTPRequest(
      method: method, path: q.map { String(target[..<$0]) } ?? target,
      query: q.map { String(target[target.index(after: $0)...]) } ?? "",
      headers: headers.map { ($0.0.lowercased(), $0.1) }, body: Array(body.utf8)
    )
    request.remote = "test"
    let r = application.respond(to: request)
    return (r.status, String(decoding: r.body, as: UTF8.self), r)
  }

  /// The parsed JSON body of a call.
  func json(_ method: String, _ target: String, body: String = "") -> (
    Int, JSONValue?
  ) {
    let r = call(method, target, body: body)
    return (r.status, try? JSONParser.parse(r.text))
  }

  /// Waits (up to 120 s) until run `id` is neither queued nor running; its final state.
  func wait(for id: String) -> String? {
    for _ in 0..<1200 {
      let (_, status) = json("GET", "/v1/runs/\(id)")
      if case .string(let state)? = status?["state"], state != "queued",
        state != "running"
      {
        return state
      }
      usleep(100_000)
    }
    return nil
  }

  /// `Scenarios/reference.json` with `customers` customers, as text.
  static func reference(customers: Int = 2000, name: String = "reference")
    throws -> String
  {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scenarios/reference.json")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"size\": 20000", with: "\"size\": \(customers)")
    text = text.replacingOccurrences(
      of: "\"name\": \"reference\"", with: "\"name\": \"\(name)\"")
    return text
  }
}
