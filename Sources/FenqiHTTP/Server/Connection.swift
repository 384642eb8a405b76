/// One client connection: its socket, the bytes received and not yet parsed, and who holds it.
///
/// The event loop reads into it while it is idle or receiving; a worker holds it while a
/// request is served (``busy``), and re-arms it in the event loop afterwards. The fields are
/// guarded by the server's connection lock.
final class Connection: @unchecked Sendable {
  let fd: Int32
  let remote: String
  var buffer: [UInt8] = []
  /// A worker is serving a request of this connection.
  var busy = false
  /// When the current request's first byte arrived (0: no partial request), monotonic seconds.
  var requestStarted = 0.0
  /// When the connection last finished a request or was opened, monotonic seconds.
  var lastActivity: Double
  /// The peer has shut down its sending side.
  var peerClosed = false

  init(fd: Int32, remote: String, now: Double) {
    self.fd = fd
    self.remote = remote
    self.lastActivity = now
  }
}
