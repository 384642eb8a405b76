/// One parsed HTTP/1.1 request.
///
/// Header names are lower-cased; the body is de-chunked. The path is the request target up to
/// `?`, still percent-encoded: the router decodes each segment on its own, so an encoded `/`
/// (`%2F`) can never split a segment.
public struct HTTPRequest: Sendable {
  /// The method, as sent (`GET`, `POST`, …).
  public var method: String
  /// The path part of the request target, still percent-encoded (`/v1/runs/a%20b`).
  public var path: String
  /// The query string after `?`, without it (empty when there is none).
  public var query: String
  /// The minor HTTP version: 1 for HTTP/1.1, 0 for HTTP/1.0.
  public var minorVersion: Int
  /// Header fields in arrival order, names lower-cased, values trimmed.
  public var headers: [(name: String, value: String)]
  /// The body bytes (empty when there is none).
  public var body: [UInt8]
  /// The peer's address (`127.0.0.1:51234`), for the access log.
  public var remote: String = ""

  /// Creates a request.
  public init(
    method: String, path: String, query: String = "", minorVersion: Int = 1,
    headers: [(name: String, value: String)] = [], body: [UInt8] = []
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.minorVersion = minorVersion
    self.headers = headers
    self.body = body
  }

  /// The first value of the header `name` (case-insensitive), or nil.
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name == lower }?.value
  }

  /// Whether the client asked to keep the connection open (HTTP/1.1 unless `Connection:
  /// close`; HTTP/1.0 only with `Connection: keep-alive`).
  public var keepAlive: Bool {
    let connection = header("connection")?.lowercased() ?? ""
    if minorVersion >= 1 { return !connection.contains("close") }
    return connection.contains("keep-alive")
  }

  /// The value of the query parameter `name` (percent-decoded), or nil.
  public func queryValue(_ name: String) -> String? {
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.first.map(String.init) == name {
        return PercentDecoding.decode(parts.count > 1 ? String(parts[1]) : "")
      }
    }
    return nil
  }
}
