import FenqiHTTP
import Foundation

/// An ``HTTPServer`` on an ephemeral port, running on a background thread for one test.
final class TestServer: @unchecked Sendable {
  let server: HTTPServer
  let thread: Thread
  private let done = DispatchSemaphore(value: 0)

  init(
    configure: (inout HTTPServer.Configuration) -> Void = { _ in },
    handler: @escaping HTTPServer.Handler = TestServer.echo
  ) throws {
    var c = HTTPServer.Configuration()
    c.port = 0
    c.workers = 2
    configure(&c)
    let server = try HTTPServer(configuration: c, handler: handler)
    self.server = server
    let done = self.done
    thread = Thread {
      server.run()
      done.signal()
    }
    thread.start()
  }

  var port: Int { server.port }

  /// Stops the server and waits (up to 15 s) for ``HTTPServer/run()`` to return; false if it
  /// did not.
  @discardableResult
  func stop() -> Bool {
    server.stop()
    return done.wait(timeout: .now() + 15) == .success
  }

  /// `/healthz` answers `{"status":"ok"}`; `/echo` answers the request body; anything else 404.
  static let echo: HTTPServer.Handler = { request in
    switch request.path {
    case "/healthz": .json("{\"status\":\"ok\"}")
    case "/echo": .bytes(request.body, contentType: "application/octet-stream")
    default: .error(404, "no route")
    }
  }
}
