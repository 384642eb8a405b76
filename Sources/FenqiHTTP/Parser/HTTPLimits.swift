/// The limits that keep one client from taking more than its share.
public struct HTTPLimits: Sendable {
  /// The longest request line, bytes (longer: 414).
  public var maxRequestLine = 8 * 1024
  /// The longest header section (request line included), bytes (longer: 431).
  public var maxHeaderBytes = 32 * 1024
  /// The most header fields (more: 431).
  public var maxHeaderCount = 100
  /// The largest body, bytes, after de-chunking (larger: 413).
  public var maxBodyBytes = 4 * 1024 * 1024
  /// Seconds a client has to send a whole request once it has started one (else 408 and
  /// close): a slow client cannot hold a worker, nor the connection for long.
  public var requestTimeout = 10.0
  /// Seconds an idle keep-alive connection is kept open.
  public var idleTimeout = 30.0
  /// Seconds a response may take to drain to a slow reader before the connection is dropped.
  public var writeTimeout = 10.0
  /// Open connections at most; more are answered 503 and closed.
  public var maxConnections = 4096

  /// The defaults above.
  public init() {}
}
