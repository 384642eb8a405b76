import Foundation

/// The decisions' audit log: JSON lines appended to one file, one write per answer, serialised
/// so lines from concurrent requests never interleave.
public final class AuditLog: @unchecked Sendable {
  private let fd: Int32
  private let lock = NSLock()

  /// Opens `path` for appending (creating it).
  ///
  /// - Throws: ``ServeError/auditLog(path:reason:)`` when it cannot be opened.
  public init(path: String) throws(ServeError) {
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .auditLog(path: path, reason: String(cString: strerror(errno)))
    }
  }

  deinit { close(fd) }

  /// Appends `lines`, each followed by a newline, in one write(2).
  public func append(_ lines: [[UInt8]]) {
    guard !lines.isEmpty else { return }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for line in lines {
      bytes.append(contentsOf: line)
      bytes.append(10)
    }
    lock.lock()
    defer { lock.unlock() }
    var offset = 0
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      while offset < raw.count {
        let n = write(fd, base + offset, raw.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}
