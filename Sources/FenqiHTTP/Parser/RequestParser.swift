/// Parses HTTP/1.1 requests from the bytes a connection has received, within ``HTTPLimits``.
///
/// Stateless: it is given the whole buffer each time and either finds one complete request at
/// its start, asks for more bytes, or fails with the status to answer. Both `Content-Length`
/// and `Transfer-Encoding: chunked` bodies are read; a request with both is refused (request
/// smuggling, RFC 9112 §6.1).
public struct RequestParser: Sendable {
  /// What the start of a buffer holds.
  public enum Outcome: Sendable {
    /// A request, and how many bytes of the buffer it took.
    case complete(HTTPRequest, consumed: Int)
    /// Not a whole request yet.
    case incomplete
    /// A request that cannot be served: answer `status` with `message`, then close.
    case failure(status: Int, message: String)
  }

  /// The limits applied.
  public var limits: HTTPLimits

  /// Creates a parser.
  public init(limits: HTTPLimits) { self.limits = limits }

  /// Parses the request at the start of `buffer`.
  public func parse(_ buffer: [UInt8]) -> Outcome {
    buffer.withUnsafeBufferPointer { parse($0) }
  }

  func parse(_ b: UnsafeBufferPointer<UInt8>) -> Outcome {
    guard let headEnd = Self.find(crlfcrlf: b, limit: limits.maxHeaderBytes + 4)
    else {
      if let lineEnd = Self.find(crlf: b, from: 0),
        lineEnd > limits.maxRequestLine
      {
        return .failure(status: 414, message: "the request line is too long")
      }
      if Self.find(crlf: b, from: 0) == nil, b.count > limits.maxRequestLine {
        return .failure(status: 414, message: "the request line is too long")
      }
      if b.count > limits.maxHeaderBytes + 4 {
        return .failure(
          status: 431,
          message: "the header section exceeds \(limits.maxHeaderBytes) bytes")
      }
      return .incomplete
    }
    var head: Head
    switch parseHead(b, end: headEnd) {
    case .success(let h): head = h
    case .failure(let f): return .failure(status: f.status, message: f.message)
    }
    let bodyStart = headEnd + 4
    switch readBody(b, from: bodyStart, head: head) {
    case .incomplete: return .incomplete
    case .failure(let status, let message):
      return .failure(status: status, message: message)
    case .complete(let body, let end):
      head.request.body = body
      return .complete(head.request, consumed: end)
    }
  }

  /// The offset of the first `\r\n\r\n` within the first `limit` bytes, or nil.
  static func find(crlfcrlf b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
    let n = min(b.count, limit)
    guard n >= 4 else { return nil }
    var i = 0
    while i + 3 < n {
      if b[i + 3] != 10 {
        i += b[i + 3] == 13 ? 1 : 4
        continue
      }
      if b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 { return i }
      i += 1
    }
    return nil
  }

  /// The offset of the first `\r\n` at or after `from`, or nil.
  static func find(crlf b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var i = from
    while i + 1 < b.count {
      if b[i] == 13 && b[i + 1] == 10 { return i }
      i += 1
    }
    return nil
  }
}
