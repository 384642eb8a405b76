import FenqiHTTP

/// The decision API: single and batch decisions, the application schema and monitoring.
extension ServeApplication {
  func addDecisionRoutes(_ r: inout Router) {
    r.add("POST", "/v1/decisions") { [self] request, _ in
      decision(request) { $0.decide(body: $1) }
    }
    r.add("POST", "/v1/decisions:batch") { [self] request, _ in
      decision(request) { $0.decideBatch(body: $1) }
    }
    r.add("GET", "/v1/decisions/schema") { [settings] _, _ in
      guard let service = settings.decisions else { return Self.noBundle }
      return .bytes(service.applicationSchema, contentType: "application/json")
    }
    r.add("GET", "/v1/monitoring") { [settings] _, _ in
      guard let service = settings.decisions else { return Self.noBundle }
      return .bytes(service.monitoringReport(), contentType: "application/json")
    }
  }

  static var noBundle: HTTPResponse {
    .error(
      503, "no decision bundle is loaded; start fenqi serve with --bundle FILE")
  }

  /// Calls the service, appends its audit lines, and answers its status and body.
  func decision(
    _ request: HTTPRequest,
    _ call: (any DecisionEndpoint, [UInt8]) -> DecisionAnswer
  ) -> HTTPResponse {
    guard let service = settings.decisions else { return Self.noBundle }
    let answer = call(service, request.body)
    settings.auditLog?.append(answer.auditLines)
    return .bytes(
      answer.body, status: answer.status, contentType: "application/json")
  }
}
