/// Why `fenqi serve` cannot start.
public enum ServeError: Error, Equatable, Sendable {
  /// The runs folder is missing or not a folder.
  case runsFolder(path: String, reason: String)
  /// The token file cannot be read or is empty.
  case tokenFile(path: String, reason: String)
  /// The audit log cannot be opened.
  case auditLog(path: String, reason: String)
  /// The decision bundle cannot be loaded.
  case bundle(path: String, reason: String)

  /// The message for stderr.
  public var message: String {
    switch self {
    case .runsFolder(let p, let r): "\(p): cannot serve runs from it: \(r)"
    case .tokenFile(let p, let r): "\(p): cannot read the token: \(r)"
    case .auditLog(let p, let r): "\(p): cannot open the audit log: \(r)"
    case .bundle(let p, let r): "\(p): cannot load the decision bundle: \(r)"
    }
  }
}
