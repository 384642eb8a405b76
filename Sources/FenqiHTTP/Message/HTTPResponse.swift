/// One HTTP response: status, headers and body.
///
/// `Content-Length`, `Date`-free framing and `Connection` are added by the server when it is
/// written; handlers set only their own headers.
public struct HTTPResponse: Sendable {
  /// The status code (200, 404, …).
  public var status: Int
  /// Header fields in the order written.
  public var headers: [(name: String, value: String)]
  /// The body bytes.
  public var body: [UInt8]
  /// The route pattern that answered (`/v1/runs/{id}`), for metrics and the access log; the
  /// ``Router`` sets it.
  public var route = "unmatched"

  /// Creates a response.
  public init(
    status: Int, headers: [(name: String, value: String)] = [],
    body: [UInt8] = []
  ) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response with a body of `contentType`.
  public static func bytes(
    _ body: [UInt8], status: Int = 200, contentType: String
  ) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", contentType)], body: body)
  }

  /// A UTF-8 text body of `contentType`.
  public static func text(
    _ text: String, status: Int = 200,
    contentType: String = "text/plain; charset=utf-8"
  ) -> HTTPResponse {
    bytes(Array(text.utf8), status: status, contentType: contentType)
  }

  /// A JSON body (already encoded).
  public static func json(_ text: String, status: Int = 200) -> HTTPResponse {
    self.text(text, status: status, contentType: "application/json")
  }

  /// The JSON error body every failure uses:
  /// `{"error":{"field":"$.x","message":"…","status":400}}` (`field` only when one is named).
  public static func error(
    _ status: Int, _ message: String, field: String? = nil
  ) -> HTTPResponse {
    var members = [
      "\"message\":\(JSONText.quoted(message))", "\"status\":\(status)",
    ]
    if let field {
      members.insert("\"field\":\(JSONText.quoted(field))", at: 0)
    }
    return json(
      "{\"error\":{\(members.joined(separator: ","))}}\n", status: status)
  }

  /// The first value of header `name` (case-insensitive), or nil.
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }

  /// The bytes on the wire: status line, headers, `Content-Length`, `Connection` and body.
  func serialized(keepAlive: Bool, omitBody: Bool = false) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n"
    for h in headers { head += "\(h.name): \(h.value)\r\n" }
    head += "Content-Length: \(body.count)\r\n"
    head +=
      keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
    var out = Array(head.utf8)
    if !omitBody { out.append(contentsOf: body) }
    return out
  }
}
