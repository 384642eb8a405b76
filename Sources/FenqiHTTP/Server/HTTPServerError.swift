/// Why the server could not start.
public enum HTTPServerError: Error, Equatable, Sendable {
  /// The address could not be bound (in use, not permitted, not an address).
  case bind(String)
  /// The kernel refused an event-loop resource.
  case system(String)

  /// The message for stderr.
  public var message: String {
    switch self {
    case .bind(let reason): "cannot listen on \(reason)"
    case .system(let reason): "cannot start the server: \(reason)"
    }
  }
}
