import Foundation
import Glibc
import Testing

@testable import FenqiHTTP

/// Hostile traffic never crashes or wedges the server: each case gets its 4xx (or is cut off),
/// and `/healthz` still answers afterwards.
@Suite(.serialized) struct HostileTrafficTests {
  /// `/healthz` answers 200; true when one of five tries answers within `seconds`.
  static func healthy(_ port: Int, within seconds: Double = 0.010) -> Bool {
    var fastest = Double.infinity
    for _ in 0..<5 {
      let start = Clock.now
      guard let c = RawClient(port: port, timeout: 2) else { return false }
      c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
      guard let r = c.response(), r.status == 200, r.body.contains("ok") else {
        return false
      }
      fastest = min(fastest, Clock.now - start)
    }
    return fastest <= seconds
  }

  @Test(arguments: [
    "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /x HTTP/9.9\r\n\r\n",
    "\u{0}\u{1}\u{2}\r\n\r\n",
    "GET /x HTTP/1.1\r\nNo colon here\r\n\r\n",
    "POST /echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
  ])
  func malformedRequestsGet4xxAndAClose(_ text: String) throws {
    let s = try TestServer()
    defer { s.stop() }
    let c = try #require(RawClient(port: s.port))
    c.send(text)
    let r = try #require(c.response())
    #expect((400..<600).contains(r.status))
    #expect(r.body.contains("\"error\""))
    #expect(c.isClosedByServer())
    #expect(Self.healthy(s.port, within: 1))
  }

  @Test func tenMegabyteBodiesAre413() throws {
    let s = try TestServer()
    defer { s.stop() }
    let declared = try #require(RawClient(port: s.port))
    declared.send("POST /echo HTTP/1.1\r\nContent-Length: 10485760\r\n\r\n")
    #expect(declared.response()?.status == 413)
    let chunked = try #require(RawClient(port: s.port))
    chunked.send("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
    let chunk =
      Array("100000\r\n".utf8) + [UInt8](repeating: 65, count: 0x100000)
      + Array("\r\n".utf8)
    var sent = 0
    while sent < 10, chunked.send(chunk) { sent += 1 }
    #expect(chunked.response()?.status == 413)
    #expect(Self.healthy(s.port, within: 1))
  }

  @Test func aHundredThousandHeadersAre431() throws {
    let s = try TestServer()
    defer { s.stop() }
    let c = try #require(RawClient(port: s.port))
    let header = Array("X-Flood: 1\r\n".utf8)
    var head = Array("GET /healthz HTTP/1.1\r\n".utf8)
    for _ in 0..<6_000 { head += header }
    c.send(head)
    let r = try #require(c.response())
    #expect(r.status == 431)
    var rest: [UInt8] = []
    for _ in 0..<94_000 { rest += header }
    // The server has closed: the send may fail.
    c.send(rest + Array("\r\n".utf8))
    #expect(Self.healthy(s.port, within: 1))
  }

  @Test func slowlorisIsTimedOutWithoutHoldingWorkers() throws {
    let s = try TestServer { c in
      c.workers = 1
      c.limits.requestTimeout = 1
    }
    defer { s.stop() }
    let slow = (0..<50).compactMap { _ in RawClient(port: s.port, timeout: 5) }
    #expect(slow.count == 50)
    for c in slow { c.send("GET /healthz HTTP/1.1\r\n") }
    for step in 0..<5 {
      for c in slow { c.send("X-\(step): a\r\n") }
      // While fifty clients dribble headers, the one worker still serves others.
      #expect(Self.healthy(s.port, within: 0.5))
      usleep(100_000)
    }
    for c in slow {
      #expect(c.response()?.status == 408)
    }
    #expect(Self.healthy(s.port))
  }

  @Test func halfClosedSocketsGetTheirAnswerOrAClose() throws {
    let s = try TestServer()
    defer { s.stop() }
    let whole = try #require(RawClient(port: s.port))
    whole.send("POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi")
    whole.shutdownWrite()
    let r = try #require(whole.response())
    #expect(r.status == 200 && r.body == "hi")
    #expect(whole.isClosedByServer())
    let partial = try #require(RawClient(port: s.port))
    partial.send("POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nhi")
    partial.shutdownWrite()
    #expect(partial.isClosedByServer())
    #expect(Self.healthy(s.port, within: 1))
  }

  @Test func aThousandConcurrentConnectionsAreAllServed() throws {
    let s = try TestServer()
    defer { s.stop() }
    let clients = (0..<1000).compactMap { _ in
      RawClient(port: s.port, timeout: 10)
    }
    #expect(clients.count == 1000)
    for c in clients { c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n") }
    var ok = 0
    for c in clients where c.response()?.status == 200 { ok += 1 }
    #expect(ok == 1000)
    #expect(s.server.connectionCount == 1000)
    #expect(Self.healthy(s.port))
  }
}
