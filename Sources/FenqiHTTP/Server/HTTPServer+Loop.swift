import Foundation
import Glibc

/// The event loop: accept, read, parse, hand over, time out.
extension HTTPServer {
  func loop() {
    var fds: [pollfd] = []
    var polled: [Connection] = []
    var lastSweep = Clock.now
    var listening = true
    var scratch = [UInt8](repeating: 0, count: 65_536)
    while true {
      // The listener, the wake-up pipe and every connection no worker holds.
      fds.removeAll(keepingCapacity: true)
      polled.removeAll(keepingCapacity: true)
      fds.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
      fds.append(
        pollfd(fd: listening ? listener : -1, events: Int16(POLLIN), revents: 0)
      )
      lock.lock()
      for c in connections.values where !c.busy {
        fds.append(pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0))
        polled.append(c)
      }
      lock.unlock()
      let n = poll(&fds, nfds_t(fds.count), 50)
      if n > 0 {
        if fds[0].revents != 0 {
          while read(wakeRead, &scratch, scratch.count) > 0 {}
        }
        if fds[1].revents != 0 && listening { acceptAll() }
        for (i, c) in polled.enumerated() where fds[i + 2].revents != 0 {
          readable(c, scratch: &scratch)
        }
      }
      let now = Clock.now
      lock.lock()
      let isStopping = stopping
      let since = stopRequested
      lock.unlock()
      if isStopping && listening {
        close(listener)
        listening = false
      }
      if now - lastSweep >= 0.1 || isStopping {
        sweep(now: now, stopping: isStopping)
        lastSweep = now
      }
      if isStopping
        && ((queue.isIdle && connectionCount == 0)
          || now - since > configuration.drainTimeout)
      {
        return
      }
    }
  }

  func acceptAll() {
    while let (fd, remote) = Socket.accept(listener) {
      let c = Connection(fd: fd, remote: remote, now: Clock.now)
      lock.lock()
      let full = connections.count >= configuration.limits.maxConnections
      if !full { connections[fd] = c }
      lock.unlock()
      if full {
        var r = HTTPResponse.error(
          503, "too many open connections; retry shortly")
        r.headers.append(("Retry-After", "1"))
        r.route = "overload"
        _ = Socket.writeAll(fd, r.serialized(keepAlive: false), timeout: 0.01)
        close(fd)
        metrics.observeRejection()
      }
    }
  }

  /// Reads what a connection has sent and serves the request it completes, if any.
  func readable(_ c: Connection, scratch: inout [UInt8]) {
    let cap =
      configuration.limits.maxHeaderBytes + configuration.limits.maxBodyBytes
      + 65_536
    var got = 0
    while c.buffer.count <= cap {
      got = scratch.withUnsafeMutableBytes {
        recv(c.fd, $0.baseAddress, $0.count, 0)
      }
      if got > 0 {
        if c.buffer.isEmpty { c.requestStarted = Clock.now }
        c.buffer.append(contentsOf: scratch[0..<got])
        continue
      }
      if got == 0 {
        c.peerClosed = true
        break
      }
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EWOULDBLOCK { break }
      drop(c)
      return
    }
    dispatch(c)
  }

  /// Parses the connection's buffer: hands a complete request to the workers, refuses a bad
  /// one, or waits for more bytes.
  func dispatch(_ c: Connection) {
    switch parser.parse(c.buffer) {
    case .complete(var request, let consumed):
      c.buffer.removeFirst(consumed)
      request.remote = c.remote
      lock.lock()
      c.busy = true
      lock.unlock()
      let job = WorkQueue.Job(
        connection: c, request: request, arrived: Clock.now)
      guard queue.push(job) else {
        metrics.observeRejection()
        var r = HTTPResponse.error(503, "the server is busy; retry shortly")
        r.headers.append(("Retry-After", "1"))
        r.route = "overload"
        refuse(c, r, request: request)
        return
      }
    case .incomplete:
      if c.peerClosed { drop(c) }
    case .failure(let status, let message):
      var r = HTTPResponse.error(status, message)
      r.route = "invalid"
      refuse(c, r)
    }
  }

  /// Times out slow requests (408) and idle connections; while stopping, closes idle ones.
  func sweep(now: Double, stopping: Bool) {
    let limits = configuration.limits
    var late: [Connection] = []
    var idle: [Connection] = []
    lock.lock()
    for c in connections.values where !c.busy {
      if !c.buffer.isEmpty || c.requestStarted > 0 {
        if now - c.requestStarted > limits.requestTimeout { late.append(c) }
      } else if stopping || now - c.lastActivity > limits.idleTimeout {
        idle.append(c)
      }
    }
    for c in late + idle { c.busy = true }
    lock.unlock()
    for c in late {
      var r = HTTPResponse.error(
        408,
        "the request was not received within \(limits.requestTimeout) seconds")
      r.route = "timeout"
      refuse(c, r)
    }
    for c in idle { drop(c) }
  }
}
