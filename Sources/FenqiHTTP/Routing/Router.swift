/// Routes requests by method and path pattern to handlers.
///
/// A pattern is a path of literal segments and `{name}` parameters (`/v1/runs/{id}`). Each
/// segment of the request path is percent-decoded on its own, so `%2F` inside a parameter stays
/// inside it (handlers that use a parameter as a file name must still refuse `/` and `..`).
/// A path that matches no pattern is 404, a known path with another method 405 with `Allow`.
public struct Router: Sendable {
  /// The decoded parameters of a matched request, by name.
  public typealias Parameters = [String: String]
  /// Answers a matched request.
  public typealias Handler = @Sendable (HTTPRequest, Parameters) -> HTTPResponse

  struct Route: Sendable {
    var method: String
    var pattern: String
    var segments: [Segment]
    var handler: Handler
  }

  enum Segment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
  }

  var routes: [Route] = []

  /// An empty router.
  public init() {}

  /// Adds a route; earlier routes win when two match.
  public mutating func add(
    _ method: String, _ pattern: String, _ handler: @escaping Handler
  ) {
    let segments = pattern.split(
      separator: "/", omittingEmptySubsequences: false
    )
    .dropFirst().map { s -> Segment in
      s.hasPrefix("{") && s.hasSuffix("}")
        ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
    }
    routes.append(
      Route(
        method: method, pattern: pattern, segments: segments, handler: handler))
  }

  /// The patterns, with their methods, in the order added (for documentation checks).
  public var table: [(method: String, pattern: String)] {
    routes.map { ($0.method, $0.pattern) }
  }

  /// Answers `request` with the first matching route (HEAD is served as GET without a body).
  public func respond(to request: HTTPRequest) -> HTTPResponse {
    let raw = request.path.split(
      separator: "/", omittingEmptySubsequences: false
    ).dropFirst()
    var decoded: [String] = []
    for s in raw {
      guard let d = PercentDecoding.decode(String(s)) else {
        var r = HTTPResponse.error(
          400, "malformed percent-encoding in the path")
        r.route = "invalid"
        return r
      }
      decoded.append(d)
    }
    var allowed: [String] = []
    let method = request.method == "HEAD" ? "GET" : request.method
    for route in routes {
      guard let parameters = match(route.segments, decoded) else { continue }
      guard route.method == method else {
        allowed.append(route.method)
        continue
      }
      var response = route.handler(request, parameters)
      response.route = route.pattern
      return response
    }
    var r: HTTPResponse
    if allowed.isEmpty {
      r = .error(
        404, "no route for \(request.method) \(request.path.prefix(200))")
      r.route = "unmatched"
    } else {
      r = .error(
        405,
        "\(request.method) is not allowed here; use \(allowed.joined(separator: ", "))"
      )
      r.headers.append(("Allow", allowed.joined(separator: ", ")))
      r.route = "method-not-allowed"
    }
    return r
  }

  func match(_ segments: [Segment], _ path: [String]) -> Parameters? {
    guard segments.count == path.count else { return nil }
    var parameters: Parameters = [:]
    for (s, p) in zip(segments, path) {
      switch s {
      case .literal(let l): guard l == p else { return nil }
      case .parameter(let name):
        guard !p.isEmpty else { return nil }
        parameters[name] = p
      }
    }
    return parameters
  }
}
