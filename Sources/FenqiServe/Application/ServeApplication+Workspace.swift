import FenqiCore
import FenqiHTTP

/// The web workspace, `/healthz` and `/metrics`.
extension ServeApplication {
  func addWorkspaceRoutes(_ r: inout Router) {
    let headers: [(name: String, value: String)] = [
      ("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff"),
    ]
    r.add("GET", "/") { _, _ in
      var response = HTTPResponse.text(
        WorkspacePage.html, contentType: "text/html; charset=utf-8")
      response.headers +=
        headers + [
          (
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"
          )
        ]
      return response
    }
    r.add("GET", "/app.js") { _, _ in
      var response = HTTPResponse.text(
        WorkspacePage.script, contentType: "text/javascript; charset=utf-8")
      response.headers += headers
      return response
    }
    r.add("GET", "/app.css") { _, _ in
      var response = HTTPResponse.text(
        WorkspacePage.style, contentType: "text/css; charset=utf-8")
      response.headers += headers
      return response
    }
    r.add("GET", "/healthz") { [settings] _, _ in
      Self.json(
        Self.object([
          ("status", .string("ok")), ("version", .string(settings.version)),
          (
            "decisionBundle",
            settings.decisions.map { .string($0.version) } ?? .null
          ),
        ]))
    }
    r.add("GET", "/metrics") { [self] _, _ in
      .text(
        metricsText(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
  }

  /// The Prometheus exposition: the HTTP metrics, the queue depth and runs by state.
  func metricsText() -> String {
    var out = metrics.text()
    out += "# HELP http_queue_depth Requests waiting for a worker.\n"
    out += "# TYPE http_queue_depth gauge\nhttp_queue_depth \(gauges.depth)\n"
    out +=
      "# HELP fenqi_runs Runs by state (finished runs of the runs folder count as succeeded).\n"
    out += "# TYPE fenqi_runs gauge\n"
    for (state, count) in settings.runs.counts() {
      out += "fenqi_runs{state=\"\(state.rawValue)\"} \(count)\n"
    }
    return out
  }
}
