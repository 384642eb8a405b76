import FenqiCore
import FenqiHTTP
import Foundation

/// `fenqi serve`'s routes on a ``Router``: the runs API, the decision API, health, metrics and
/// the web workspace, behind the optional bearer token.
public final class ServeApplication: @unchecked Sendable {
  /// What the application serves.
  public struct Settings: Sendable {
    /// The runs folder and its background runner.
    public var runs: RunStore
    /// The token every `/v1/` call must present (nil: none needed).
    public var token: BearerToken?
    /// The decision service (nil: the decision routes answer 503).
    public var decisions: (any DecisionEndpoint)?
    /// Where decisions are appended (nil: not recorded).
    public var auditLog: AuditLog?
    /// The fenqi version, reported by `/healthz`.
    public var version: String

    /// Creates settings.
    public init(
      runs: RunStore, token: BearerToken? = nil,
      decisions: (any DecisionEndpoint)? = nil, auditLog: AuditLog? = nil,
      version: String
    ) {
      self.runs = runs
      self.token = token
      self.decisions = decisions
      self.auditLog = auditLog
      self.version = version
    }
  }

  let settings: Settings
  /// The counters and histograms `/metrics` reports (give the same to the ``HTTPServer``).
  public let metrics: HTTPMetrics
  /// The server's queue depth, once the server exists (see ``attach(queueDepth:)``).
  let gauges = Gauges()
  /// Set once in `init` (the routes capture the application), read-only afterwards.
  private(set) var router = Router()

  /// Creates the application and its routes.
  public init(settings: Settings, metrics: HTTPMetrics = HTTPMetrics()) {
    self.settings = settings
    self.metrics = metrics
    var r = Router()
    addWorkspaceRoutes(&r)
    addRunRoutes(&r)
    addDecisionRoutes(&r)
    router = r
  }

  /// Makes `/metrics` report the server's queue depth.
  public func attach(queueDepth: @escaping @Sendable () -> Int) {
    gauges.set(queueDepth)
  }

  /// Stops the background runs (unwritten) and waits for a run folder being written; call when
  /// the server has stopped, before the process exits.
  public func shutdown() { settings.runs.shutdown() }

  /// The routes' methods and patterns, in order (the reference documentation lists them).
  public var routes: [(method: String, pattern: String)] { router.table }

  /// Answers one request: 401 for a `/v1/` call without the token, else the matching route.
  @Sendable public func respond(to request: HTTPRequest) -> HTTPResponse {
    if let token = settings.token, request.path.hasPrefix("/v1/"),
      !token.accepts(request.header("authorization"))
    {
      var r = HTTPResponse.error(
        401, "missing or wrong bearer token", field: "Authorization")
      r.headers.append(("WWW-Authenticate", "Bearer"))
      r.route = "unauthorized"
      return r
    }
    return router.respond(to: request)
  }

  /// A JSON response from a value (sorted keys).
  static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
    .json(JSONWriter.text(value), status: status)
  }

  /// An object value from its members.
  static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(members.map { (key: $0.0, value: $0.1) })
  }
}

/// The server's gauges, set once the server is made.
final class Gauges: @unchecked Sendable {
  private let lock = NSLock()
  private var queueDepth: (@Sendable () -> Int)?

  func set(_ f: @escaping @Sendable () -> Int) {
    lock.lock()
    queueDepth = f
    lock.unlock()
  }

  var depth: Int {
    lock.lock()
    let f = queueDepth
    lock.unlock()
    return f?() ?? 0
  }
}
