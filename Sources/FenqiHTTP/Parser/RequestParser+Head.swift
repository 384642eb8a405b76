import Foundation

/// The request line and header fields.
extension RequestParser {
  /// A parsed head: the request without its body, and how its body is framed.
  struct Head {
    var request: HTTPRequest
    var contentLength: Int?
    var chunked: Bool
  }

  /// Why a head cannot be served.
  struct HeadFailure: Error {
    var status: Int
    var message: String
  }

  /// Token characters of a method or header name (RFC 9110 §5.6.2).
  static func isToken(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return Array("!#$%&'*+-.^_`|~".utf8).contains(c)
    }
  }

  func parseHead(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> Result<
    Head, HeadFailure
  > {
    let lineEnd = Self.find(crlf: b, from: 0) ?? end
    guard lineEnd <= limits.maxRequestLine else {
      return .failure(
        HeadFailure(status: 414, message: "the request line is too long"))
    }
    let line = Array(b[0..<lineEnd])
    let parts = line.split(
      separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty,
      parts[0].allSatisfy(Self.isToken),
      parts[1].first == UInt8(ascii: "/"),
      parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else {
      return .failure(
        HeadFailure(
          status: 400,
          message: "malformed request line: expected 'METHOD /path HTTP/1.1'"))
    }
    let version = String(decoding: parts[2], as: UTF8.self)
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      return .failure(
        HeadFailure(
          status: version.hasPrefix("HTTP/") ? 505 : 400,
          message:
            "unsupported protocol version '\(version.prefix(16))'; expected HTTP/1.1"
        ))
    }
    let target = String(decoding: parts[1], as: UTF8.self)
    let q = target.firstIndex(of: "?")
    var request = HTTPRequest(
      method: String(decoding: parts[0], as: UTF8.self),
      path: q.map { String(target[..<$0]) } ?? target,
      query: q.map { String(target[target.index(after: $0)...]) } ?? "",
      minorVersion: version == "HTTP/1.1" ? 1 : 0)
    var headers: [(name: String, value: String)] = []
    var start = lineEnd + 2
    while start < end {
      let e = Self.find(crlf: b, from: start) ?? end
      guard headers.count < limits.maxHeaderCount else {
        return .failure(
          HeadFailure(
            status: 431,
            message: "more than \(limits.maxHeaderCount) header fields"))
      }
      guard
        let colon = (start..<e).first(where: { b[$0] == UInt8(ascii: ":") }),
        colon > start, (start..<colon).allSatisfy({ Self.isToken(b[$0]) })
      else {
        return .failure(
          HeadFailure(status: 400, message: "malformed header field"))
      }
      let name = String(decoding: b[start..<colon], as: UTF8.self).lowercased()
      let rawValue = b[(colon + 1)..<e]
      guard !rawValue.contains(where: { $0 == 0 || $0 == 13 || $0 == 10 })
      else {
        return .failure(
          HeadFailure(status: 400, message: "malformed header field '\(name)'"))
      }
      let value = String(decoding: rawValue, as: UTF8.self)
        .trimmingCharacters(in: [" ", "\t"])
      headers.append((name, value))
      start = e + 2
    }
    request.headers = headers
    return framing(request)
  }

  /// How the body is framed: `Content-Length`, chunked or none.
  func framing(_ request: HTTPRequest) -> Result<Head, HeadFailure> {
    let lengths = request.headers.filter { $0.name == "content-length" }
    let encodings = request.headers.filter { $0.name == "transfer-encoding" }
    if !encodings.isEmpty {
      guard lengths.isEmpty else {
        return .failure(
          HeadFailure(
            status: 400,
            message: "both Content-Length and Transfer-Encoding were sent"))
      }
      guard encodings.count == 1, encodings[0].value.lowercased() == "chunked"
      else {
        return .failure(
          HeadFailure(
            status: 501,
            message: "only the 'chunked' transfer coding is supported"))
      }
      return .success(Head(request: request, contentLength: nil, chunked: true))
    }
    guard let first = lengths.first else {
      return .success(
        Head(request: request, contentLength: nil, chunked: false))
    }
    guard lengths.allSatisfy({ $0.value == first.value }), !first.value.isEmpty,
      first.value.utf8.count <= 18,
      first.value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let n = Int(first.value)
    else {
      return .failure(
        HeadFailure(
          status: 400, message: "Content-Length: expected one decimal integer"))
    }
    guard n <= limits.maxBodyBytes else {
      return .failure(
        HeadFailure(
          status: 413,
          message:
            "the body of \(n) bytes exceeds the limit of \(limits.maxBodyBytes) bytes"
        ))
    }
    return .success(Head(request: request, contentLength: n, chunked: false))
  }
}
