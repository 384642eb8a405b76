import Glibc

/// Thin wrappers over the POSIX socket calls the server makes.
enum Socket {
  /// A listening, non-blocking TCP socket bound to `host:port` (port 0: any free port).
  ///
  /// - Returns: the descriptor and the port actually bound.
  static func listen(host: String, port: Int, backlog: Int32 = 1024)
    throws(HTTPServerError)
    -> (fd: Int32, port: Int)
  {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
      throw .bind("'\(host)' is not an IPv4 address")
    }
    let fd = socket(
      AF_INET,
      Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw .bind(errorText()) }
    var one: Int32 = 1
    setsockopt(
      fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
      let reason = errorText()
      close(fd)
      throw .bind("\(host):\(port): \(reason)")
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(fd, $0, &length)
      }
    }
    return (fd, Int(UInt16(bigEndian: actual.sin_port)))
  }

  /// Accepts one connection without blocking: its descriptor (non-blocking) and address, or
  /// nil when none is waiting.
  static func accept(_ listener: Int32) -> (fd: Int32, remote: String)? {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let fd = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.accept(listener, $0, &length)
      }
    }
    guard fd >= 0 else { return nil }
    setNonBlocking(fd)
    var one: Int32 = 1
    setsockopt(
      fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one,
      socklen_t(MemoryLayout<Int32>.size))
    var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
    inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count))
    let host = String(
      decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    return (fd, "\(host):\(UInt16(bigEndian: address.sin_port))")
  }

  /// Writes all of `bytes`, waiting up to `timeout` seconds in total for a slow reader.
  ///
  /// - Returns: false when the peer is gone or too slow.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8], timeout: Double) -> Bool {
    var offset = 0
    let deadline = Clock.now + timeout
    return bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return true }
      while offset < raw.count {
        let n = send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        if n > 0 {
          offset += n
          continue
        }
        if n < 0 && errno == EINTR { continue }
        guard n < 0, errno == EAGAIN || errno == EWOULDBLOCK else {
          return false
        }
        let left = deadline - Clock.now
        guard left > 0 else { return false }
        var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&p, 1, Int32(min(left, 1) * 1000) + 1) >= 0 || errno == EINTR
        else {
          return false
        }
      }
      return true
    }
  }

  /// Makes `fd` non-blocking and close-on-exec.
  static func setNonBlocking(_ fd: Int32) {
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
  }

  static func errorText() -> String { String(cString: strerror(errno)) }
}

/// Monotonic seconds, for deadlines.
enum Clock {
  static var now: Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
  }
}
