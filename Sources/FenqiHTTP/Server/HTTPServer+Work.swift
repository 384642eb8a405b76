import Foundation
import Glibc

/// The workers: serve a request, write its response, keep the connection or close it.
extension HTTPServer {
  func work() {
    while let job = queue.pop() {
      serve(job)
      queue.finished()
    }
  }

  func serve(_ job: WorkQueue.Job) {
    let c = job.connection
    var request = job.request
    var arrived = job.arrived
    while true {
      var response = handler(request)
      lock.lock()
      let keep = request.keepAlive && !stopping && !c.peerClosed
      lock.unlock()
      let bytes = response.serialized(
        keepAlive: keep, omitBody: request.method == "HEAD")
      let written = Socket.writeAll(
        c.fd, bytes, timeout: configuration.limits.writeTimeout)
      let seconds = Clock.now - arrived
      if response.route.isEmpty { response.route = "unmatched" }
      metrics.observe(
        route: response.route, method: request.method, status: response.status,
        seconds: seconds)
      configuration.accessLog?.record(
        request, status: response.status, bytes: bytes.count,
        route: response.route,
        seconds: seconds)
      guard written, keep else {
        drop(c)
        return
      }
      // A pipelined request already received is served at once; otherwise the connection
      // goes back to the event loop.
      if case .complete(var next, let consumed) = parser.parse(c.buffer) {
        c.buffer.removeFirst(consumed)
        next.remote = c.remote
        request = next
        arrived = Clock.now
        continue
      }
      let now = Clock.now
      c.lastActivity = now
      c.requestStarted = c.buffer.isEmpty ? 0 : now
      rearm(c)
      return
    }
  }
}
