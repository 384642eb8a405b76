/// Bodies framed by `Content-Length` or chunked transfer coding (RFC 9112 §7.1).
extension RequestParser {
  /// What follows the head.
  enum Body {
    case complete([UInt8], end: Int)
    case incomplete
    case failure(Int, String)
  }

  func readBody(_ b: UnsafeBufferPointer<UInt8>, from start: Int, head: Head)
    -> Body
  {
    if head.chunked { return readChunked(b, from: start) }
    let n = head.contentLength ?? 0
    guard b.count - start >= n else { return .incomplete }
    return .complete(Array(b[start..<(start + n)]), end: start + n)
  }

  /// De-chunks the body starting at `start`; chunk extensions and trailers are skipped.
  func readChunked(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Body {
    var body: [UInt8] = []
    var i = start
    while true {
      guard let lineEnd = Self.find(crlf: b, from: i) else {
        return b.count - i > 1024
          ? .failure(400, "malformed chunk size line") : .incomplete
      }
      let sizeBytes = b[i..<lineEnd].prefix { $0 != UInt8(ascii: ";") }
      guard !sizeBytes.isEmpty, sizeBytes.count <= 8 else {
        return .failure(400, "malformed chunk size")
      }
      var size = 0
      for c in sizeBytes {
        guard let v = PercentDecoding.hexValue(c) else {
          return .failure(400, "malformed chunk size")
        }
        size = size << 4 | Int(v)
      }
      guard body.count + size <= limits.maxBodyBytes else {
        return .failure(
          413,
          "the chunked body exceeds the limit of \(limits.maxBodyBytes) bytes")
      }
      i = lineEnd + 2
      if size == 0 {
        // Trailer fields until an empty line.
        while true {
          guard let e = Self.find(crlf: b, from: i) else {
            return b.count - i > limits.maxHeaderBytes
              ? .failure(431, "the trailer section is too large") : .incomplete
          }
          if e == i { return .complete(body, end: e + 2) }
          i = e + 2
        }
      }
      guard b.count >= i + size + 2 else { return .incomplete }
      guard b[i + size] == 13, b[i + size + 1] == 10 else {
        return .failure(400, "a chunk is not followed by CRLF")
      }
      body.append(contentsOf: b[i..<(i + size)])
      i += size + 2
    }
  }
}
