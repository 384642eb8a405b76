import Foundation
import Glibc

/// A blocking TCP client that sends raw bytes, for hostile-traffic tests.
final class RawClient {
  let fd: Int32

  /// Connects to 127.0.0.1:`port`; receives time out after `timeout` seconds.
  init?(port: Int, timeout: Double = 5) {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(fd)
      return nil
    }
    var tv = timeval(
      tv_sec: Int(timeout),
      tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
    setsockopt(
      fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(
      fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  /// Sends `bytes`; false when the server has closed or reset the connection.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    return bytes.withUnsafeBytes { raw in
      while offset < raw.count {
        guard let base = raw.baseAddress else { return true }
        let n = Glibc.send(
          fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        guard n > 0 else { return false }
        offset += n
      }
      return true
    }
  }

  @discardableResult
  func send(_ text: String) -> Bool { send(Array(text.utf8)) }

  /// Closes the sending side (a half-closed socket).
  func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

  /// Reads one response: status, headers (names lower-cased) and body by Content-Length;
  /// nil when the connection closes or times out first.
  func response() -> (status: Int, headers: [String: String], body: String)? {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      if let end = find(buffer) {
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[
            line.index(after: colon)...
          ]
          .trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < end + 4 + length {
          let n = recv(fd, &chunk, chunk.count, 0)
          guard n > 0 else { return nil }
          buffer += chunk[0..<n]
        }
        let body = String(
          decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        pending = Array(buffer[(end + 4 + length)...])
        return (status, headers, body)
      }
      if !pending.isEmpty {
        buffer = pending
        pending = []
        continue
      }
      let n = recv(fd, &chunk, chunk.count, 0)
      guard n > 0 else { return nil }
      buffer += chunk[0..<n]
    }
  }

  private var pending: [UInt8] = []

  /// Whether the server has closed the connection (a read returns end of file).
  func isClosedByServer() -> Bool {
    var byte: UInt8 = 0
    return recv(fd, &byte, 1, 0) == 0
  }

  private func find(_ b: [UInt8]) -> Int? {
    guard b.count >= 4 else { return nil }
    for i in 0...(b.count - 4)
    where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 {
      return i
    }
    return nil
  }
}
