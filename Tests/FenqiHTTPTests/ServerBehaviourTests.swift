import Foundation
import Glibc
import Testing

@testable import FenqiHTTP

/// Keep-alive, pipelining, the bounded queue and graceful shutdown.
@Suite(.serialized) struct ServerBehaviourTests {
  @Test func keepAliveAndPipelinedRequestsShareOneConnection() throws {
    let s = try TestServer()
    defer { s.stop() }
    let c = try #require(RawClient(port: s.port))
    c.send(
      "POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\none"
        + "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n"
    )
    #expect(c.response()?.body == "one")
    #expect(c.response()?.body == "two")
    c.send("GET /healthz HTTP/1.1\r\n\r\n")
    let third = try #require(c.response())
    #expect(third.status == 200)
    #expect(third.headers["connection"] == "keep-alive")
  }

  /// Blocks requests to `/block` until released; counts the requests that entered.
  final class Gate: @unchecked Sendable {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    var handler: HTTPServer.Handler {
      { [self] request in
        if request.path == "/block" {
          entered.signal()
          release.wait()
        }
        return .text("done")
      }
    }
  }

  @Test func fullQueueIsAnswered503WithRetryAfter() throws {
    let gate = Gate()
    let s = try TestServer(
      configure: {
        $0.workers = 1
        $0.queueCapacity = 1
      }, handler: gate.handler)
    defer { s.stop() }
    let first = try #require(RawClient(port: s.port))
    first.send("GET /block HTTP/1.1\r\n\r\n")
    #expect(gate.entered.wait(timeout: .now() + 5) == .success)
    let second = try #require(RawClient(port: s.port))
    second.send("GET /block HTTP/1.1\r\n\r\n")
    while s.server.queueDepth < 1 { usleep(1000) }
    let third = try #require(RawClient(port: s.port))
    third.send("GET /x HTTP/1.1\r\n\r\n")
    let refused = try #require(third.response())
    #expect(refused.status == 503)
    #expect(refused.headers["retry-after"] == "1")
    gate.release.signal()
    gate.release.signal()
    #expect(first.response()?.body == "done")
    #expect(second.response()?.body == "done")
    #expect(s.server.metrics.text().contains("http_rejected_total 1"))
  }

  @Test func stopFinishesTheRequestInFlight() throws {
    let gate = Gate()
    let s = try TestServer(handler: gate.handler)
    let c = try #require(RawClient(port: s.port))
    c.send("GET /block HTTP/1.1\r\n\r\n")
    #expect(gate.entered.wait(timeout: .now() + 5) == .success)
    let stopped = DispatchSemaphore(value: 0)
    Thread {
      s.stop()
      stopped.signal()
    }.start()
    usleep(200_000)
    // Stopping: no new connections are taken, the one in flight is still answered.
    #expect(RawClient(port: s.port) == nil)
    gate.release.signal()
    let r = try #require(c.response())
    #expect(r.status == 200 && r.body == "done")
    #expect(r.headers["connection"] == "close")
    #expect(stopped.wait(timeout: .now() + 15) == .success)
  }

  @Test func accessLogLinesAreJSONWithSortedKeys() throws {
    final class Lines: @unchecked Sendable {
      let lock = NSLock()
      var all: [String] = []
    }
    let lines = Lines()
    let s = try TestServer { c in
      c.accessLog = AccessLog(
        sink: { line in
          lines.lock.lock()
          lines.all.append(line)
          lines.lock.unlock()
        }, wallClock: { 1_796_000_000.25 })
    }
    let c = try #require(RawClient(port: s.port))
    c.send("GET /healthz HTTP/1.1\r\n\r\n")
    _ = c.response()
    s.stop()
    lines.lock.lock()
    defer { lines.lock.unlock() }
    let line = try #require(lines.all.first)
    #expect(line.hasPrefix("{\"bytes\":"))
    #expect(line.contains("\"path\":\"/healthz\""))
    #expect(
      line.hasSuffix("\"status\":200,\"time\":\"2026-11-30T00:53:20.250Z\"}"))
  }
}
