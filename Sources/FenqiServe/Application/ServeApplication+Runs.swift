import FenqiCore
import FenqiHTTP
import FenqiReport
import Foundation

/// The runs API: submit, list, inspect, read files of, cancel and compare runs.
extension ServeApplication {
  func addRunRoutes(_ r: inout Router) {
    let runs = settings.runs
    r.add("POST", "/v1/scenarios:validate") { request, _ in
      switch ScenarioBody.parse(request.body) {
      case .success(let parsed):
        return Self.json(
          Self.object([("valid", .bool(true)), ("summary", parsed.summary)]))
      case .failure(let failure): return failure.response
      }
    }
    r.add("POST", "/v1/runs") { request, _ in
      switch ScenarioBody.parse(request.body) {
      case .failure(let failure): return failure.response
      case .success(let parsed):
        guard let id = runs.submit(parsed.scenario, sha256: parsed.sha256)
        else {
          return .error(503, "the server is stopping; no new runs are taken")
        }
        var response = Self.json(
          Self.object([
            ("id", .string(id)), ("state", .string(RunState.queued.rawValue)),
          ]),
          status: 202)
        response.headers.append(("Location", "/v1/runs/\(id)"))
        return response
      }
    }
    r.add("GET", "/v1/runs") { _, _ in
      Self.json(Self.object([("runs", .array(runs.listing()))]))
    }
    r.add("GET", "/v1/runs/{id}") { _, p in
      guard let id = p["id"], let status = runs.status(id) else {
        return .error(404, "no run with this id", field: "id")
      }
      return Self.json(status)
    }
    r.add("DELETE", "/v1/runs/{id}") { _, p in
      guard let id = p["id"], let (state, cancelled) = runs.cancel(id) else {
        return .error(
          404,
          "no submitted run with this id (finished runs are never deleted)",
          field: "id")
      }
      guard cancelled else {
        return .error(
          409, "the run is \(state.rawValue) already; nothing to cancel",
          field: "id")
      }
      return Self.json(
        Self.object([("id", .string(id)), ("state", .string(state.rawValue))]))
    }
    r.add("GET", "/v1/runs/{id}/files/{name}") { _, p in
      guard let id = p["id"], let name = p["name"],
        let bytes = runs.folders.read(id, name)
      else {
        return .error(404, "no such file in this run", field: "name")
      }
      var response = HTTPResponse.bytes(
        bytes, contentType: Self.contentType(name))
      response.headers.append(("X-Content-Type-Options", "nosniff"))
      // A run's report is shown framed in the workspace: no scripts, nothing fetched.
      response.headers.append(
        (
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        ))
      return response
    }
    r.add("POST", "/v1/compare") { request, _ in
      Self.compare(request, runs: runs)
    }
  }

  static func contentType(_ name: String) -> String {
    if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
    if name.hasSuffix(".json") { return "application/json" }
    if name.hasSuffix(".csv") { return "text/csv; charset=utf-8" }
    if name.hasSuffix(".md") { return "text/markdown; charset=utf-8" }
    return "application/octet-stream"
  }

  /// `POST /v1/compare` with `{"runs": ["id", "id", …]}`: `fenqi compare`'s three files, or
  /// with `?format=html|csv|md` that one file.
  static func compare(_ request: HTTPRequest, runs: RunStore) -> HTTPResponse {
    guard let text = String(validating: request.body, as: UTF8.self) else {
      return .error(400, "the body is not UTF-8 text", field: "$")
    }
    let document: JSONValue
    do { document = try JSONParser.parse(text) } catch {
      return .error(400, "not valid JSON: \(error)", field: "$")
    }
    guard case .object = document else {
      return .error(
        422, "expected an object {\"runs\": [\"id\", …]}", field: "$")
    }
    guard case .array(let items)? = document["runs"] else {
      return .error(
        422, "expected an array of at least two run ids", field: "$.runs")
    }
    var loaded: [(folder: String, data: RunData)] = []
    for (i, item) in items.enumerated() {
      guard case .string(let id) = item else {
        return .error(
          422, "expected a run id (a string), found \(item.shortDescription)",
          field: "$.runs[\(i)]")
      }
      guard RunFolders.relativePath(id) != nil,
        runs.folders.manifest(id) != nil,
        let data = try? RunData.load(folder: runs.folders.path(id))
      else {
        return .error(404, "no finished run '\(id)'", field: "$.runs[\(i)]")
      }
      loaded.append((id, data))
    }
    guard loaded.count >= 2 else {
      return .error(
        422, "expected at least two run ids, found \(loaded.count)",
        field: "$.runs")
    }
    let c = Comparison(runs: loaded)
    switch request.queryValue("format") {
    case "html": return .text(c.html, contentType: "text/html; charset=utf-8")
    case "csv":
      return .text(c.table.text, contentType: "text/csv; charset=utf-8")
    case "md":
      return .text(c.markdown, contentType: "text/markdown; charset=utf-8")
    case nil:
      return json(
        object([
          ("comparison.csv", .string(c.table.text)),
          ("comparison.md", .string(c.markdown)),
          ("comparison.html", .string(c.html)),
          ("warnings", .array(c.noiseWarnings.map { .string($0) })),
        ]))
    case let other?:
      return .error(
        400, "expected html, csv or md, found '\(other.prefix(40))'",
        field: "format")
    }
  }
}
