import Foundation
import Glibc

/// An HTTP/1.1 server: one poll(2) event loop reading non-blocking sockets, and a fixed pool
/// of worker threads fed through a bounded queue.
///
/// The event loop accepts connections, reads bytes and parses them (``RequestParser``); a
/// complete request goes to a worker, which calls the handler and writes the response. A
/// connection belongs to the loop or to one worker at a time (``Connection/busy``; a worker
/// hands it back through a wake-up pipe). A client that
/// sends slowly is timed out by the loop without ever holding a worker; a full queue is
/// answered 503 with `Retry-After`. ``stop()`` stops accepting, lets in-flight requests finish
/// and returns from ``run()``.
public final class HTTPServer: @unchecked Sendable {
  /// How the server listens and how much it takes on.
  public struct Configuration: Sendable {
    /// The IPv4 address to bind (`127.0.0.1`: this machine only).
    public var host = "127.0.0.1"
    /// The port (0: any free port; see ``HTTPServer/port``).
    public var port = 8080
    /// Worker threads serving requests.
    public var workers = 2
    /// Requests that may wait for a worker; more are answered 503.
    public var queueCapacity = 1024
    /// Request size and time limits.
    public var limits = HTTPLimits()
    /// The access log (nil: none).
    public var accessLog: AccessLog?
    /// Seconds ``HTTPServer/stop()`` waits for in-flight requests before closing anyway.
    public var drainTimeout = 10.0

    /// The defaults above.
    public init() {}
  }

  /// Answers one request.
  ///
  /// Called on worker threads, concurrently.
  public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

  let configuration: Configuration
  let handler: Handler
  let parser: RequestParser
  /// Counters and histograms of the responses written.
  public let metrics: HTTPMetrics
  /// The port bound (the chosen one when ``Configuration/port`` is 0).
  public let port: Int
  let listener: Int32
  /// The wake-up pipe: workers write a byte to `wakeWrite` when they hand a connection back.
  let wakeRead: Int32
  let wakeWrite: Int32
  let queue: WorkQueue
  let lock = NSLock()
  var connections: [Int32: Connection] = [:]
  var stopping = false
  var stopRequested = 0.0

  /// Binds the address; requests are served once ``run()`` is called.
  ///
  /// - Throws: ``HTTPServerError`` when the address cannot be bound.
  public init(
    configuration: Configuration, metrics: HTTPMetrics = HTTPMetrics(),
    handler: @escaping Handler
  ) throws(HTTPServerError) {
    self.configuration = configuration
    self.handler = handler
    self.metrics = metrics
    self.parser = RequestParser(limits: configuration.limits)
    self.queue = WorkQueue(capacity: max(1, configuration.queueCapacity))
    let bound = try Socket.listen(
      host: configuration.host, port: configuration.port)
    listener = bound.fd
    port = bound.port
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      close(listener)
      throw .system(Socket.errorText())
    }
    wakeRead = ends[0]
    wakeWrite = ends[1]
    for fd in ends { Socket.setNonBlocking(fd) }
  }

  /// Requests waiting for a worker.
  public var queueDepth: Int { queue.depth }

  /// Open client connections.
  public var connectionCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return connections.count
  }

  /// Serves until ``stop()``, then finishes in-flight requests and returns.
  public func run() {
    var threads: [Thread] = []
    for i in 0..<max(1, configuration.workers) {
      let t = Thread { [self] in work() }
      t.name = "http-worker-\(i)"
      t.start()
      threads.append(t)
    }
    loop()
    queue.close()
    while threads.contains(where: { !$0.isFinished }) { usleep(1000) }
    lock.lock()
    let remaining = Array(connections.values)
    connections.removeAll()
    lock.unlock()
    for c in remaining { close(c.fd) }
    close(wakeRead)
    close(wakeWrite)
  }

  /// Stops accepting and lets in-flight requests finish.
  ///
  /// ``run()`` returns once they are answered. Safe to call from any thread, more than once.
  public func stop() {
    lock.lock()
    if !stopping {
      stopping = true
      stopRequested = Clock.now
    }
    lock.unlock()
    wakeLoop()
  }

  /// Makes the event loop's poll(2) return.
  func wakeLoop() {
    var one: UInt8 = 1
    _ = write(wakeWrite, &one, 1)
  }

  /// Hands a connection back to the event loop for its next request (the loop polls only
  /// connections that are not busy).
  func rearm(_ c: Connection) {
    lock.lock()
    c.busy = false
    lock.unlock()
    wakeLoop()
  }

  /// Forgets and closes a connection.
  func drop(_ c: Connection) {
    lock.lock()
    if connections[c.fd] === c { connections[c.fd] = nil }
    lock.unlock()
    close(c.fd)
  }

  /// Writes a response the server makes itself (an error before any handler ran), then
  /// closes the connection.
  func refuse(
    _ c: Connection, _ response: HTTPResponse, request: HTTPRequest? = nil
  ) {
    let bytes = response.serialized(keepAlive: false)
    _ = Socket.writeAll(c.fd, bytes, timeout: 0.05)
    let r = request ?? HTTPRequest(method: "-", path: "-")
    metrics.observe(
      route: response.route, method: r.method, status: response.status,
      seconds: 0)
    var logged = r
    logged.remote = c.remote
    configuration.accessLog?.record(
      logged, status: response.status, bytes: bytes.count,
      route: response.route, seconds: 0)
    drop(c)
  }
}
