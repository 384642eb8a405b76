import Testing

@testable import FenqiHTTP

/// The parser on well-formed, malformed and oversized requests.
@Suite struct RequestParserTests {
  let parser = RequestParser(limits: HTTPLimits())

  func outcome(_ text: String) -> RequestParser.Outcome {
    parser.parse(Array(text.utf8))
  }

  @Test func getWithHeadersAndQuery() throws {
    let text =
      "GET /v1/runs/a%20b?format=html HTTP/1.1\r\nHost: x\r\nX-Thing:  v  \r\n\r\n"
    guard case .complete(let r, let consumed) = outcome(text) else {
      Issue.record("not complete")
      return
    }
    #expect(r.method == "GET")
    #expect(r.path == "/v1/runs/a%20b")
    #expect(r.queryValue("format") == "html")
    #expect(r.header("x-thing") == "v")
    #expect(r.keepAlive)
    #expect(consumed == text.utf8.count)
  }

  @Test func contentLengthBodyAndPipelinedRest() {
    let text =
      "POST /e HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n"
    guard case .complete(let r, let consumed) = outcome(text) else {
      Issue.record("not complete")
      return
    }
    #expect(String(decoding: r.body, as: UTF8.self) == "hello")
    #expect(consumed == text.utf8.count - "GET / HTTP/1.1\r\n\r\n".utf8.count)
  }

  @Test func chunkedBodyIsDechunked() {
    let text =
      "POST /e HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"
    guard case .complete(let r, let consumed) = outcome(text) else {
      Issue.record("not complete")
      return
    }
    #expect(String(decoding: r.body, as: UTF8.self) == "hello world")
    #expect(consumed == text.utf8.count)
  }

  @Test(arguments: [
    "GET / HTTP/1.1\r\nHost: x\r\n",
    "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",
    "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
  ])
  func partialRequestsAskForMore(_ text: String) {
    guard case .incomplete = outcome(text) else {
      Issue.record("expected incomplete for \(text.debugDescription)")
      return
    }
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var status: Int
    var testDescription: String { name }
  }

  @Test(arguments: [
    Refusal(name: "garbage", text: "GARBAGE\r\n\r\n", status: 400),
    Refusal(name: "no version", text: "GET /\r\n\r\n", status: 400),
    Refusal(
      name: "relative target", text: "GET x HTTP/1.1\r\n\r\n", status: 400),
    Refusal(
      name: "space in target", text: "GET /a b HTTP/1.1\r\n\r\n", status: 400),
    Refusal(name: "HTTP/2", text: "GET / HTTP/2.0\r\n\r\n", status: 505),
    Refusal(
      name: "header without colon", text: "GET / HTTP/1.1\r\nbroken\r\n\r\n",
      status: 400),
    Refusal(
      name: "Content-Length and chunked",
      text:
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
      status: 400),
    Refusal(
      name: "negative Content-Length",
      text: "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
      status: 400),
    Refusal(
      name: "two Content-Lengths",
      text: "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
      status: 400),
    Refusal(
      name: "10 MB Content-Length",
      text: "POST / HTTP/1.1\r\nContent-Length: 10485760\r\n\r\n", status: 413),
    Refusal(
      name: "gzip transfer coding",
      text: "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
      status: 501),
    Refusal(
      name: "bad chunk size",
      text: "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      status: 400),
    Refusal(
      name: "101 headers",
      text: "GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 101)
        + "\r\n",
      status: 431),
    Refusal(
      name: "9 KB request line",
      text: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n\r\n",
      status: 414),
  ])
  func refusals(_ c: Refusal) {
    guard case .failure(let status, let message) = outcome(c.text) else {
      Issue.record("\(c.name): not refused")
      return
    }
    #expect(status == c.status)
    #expect(!message.isEmpty)
  }

  @Test func headerSectionOverLimitWithoutEndIsRefused() {
    let text =
      "GET / HTTP/1.1\r\n"
      + String(
        repeating: "X-Long: " + String(repeating: "v", count: 1000) + "\r\n",
        count: 40)
    guard case .failure(let status, _) = outcome(text) else {
      Issue.record("not refused")
      return
    }
    #expect(status == 431)
  }

  @Test func chunkedBodyOverLimitIsRefused() {
    var limits = HTTPLimits()
    limits.maxBodyBytes = 10
    let p = RequestParser(limits: limits)
    let text =
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n"
    guard case .failure(let status, _) = p.parse(Array(text.utf8)) else {
      Issue.record("not refused")
      return
    }
    #expect(status == 413)
  }

  @Test func http10ClosesUnlessKeepAlive() {
    guard case .complete(let a, _) = outcome("GET / HTTP/1.0\r\n\r\n"),
      case .complete(let b, _) = outcome(
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
      case .complete(let c, _) = outcome(
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
    else {
      Issue.record("not complete")
      return
    }
    #expect(!a.keepAlive)
    #expect(b.keepAlive)
    #expect(!c.keepAlive)
  }
}
