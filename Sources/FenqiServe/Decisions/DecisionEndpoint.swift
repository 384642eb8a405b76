/// What the decision routes need from a decision service.
///
/// The routes `POST /v1/decisions`, `POST /v1/decisions:batch`, `GET /v1/decisions/schema` and
/// `GET /v1/monitoring` call it; the service parses and validates the body itself (its errors
/// name JSON paths) and returns the status and bytes to send.
public protocol DecisionEndpoint: Sendable {
  /// The bundle's version, reported by `/healthz`.
  var version: String { get }
  /// One application in, one decision out.
  func decide(body: [UInt8]) -> DecisionAnswer
  /// Many applications in, as many decisions out.
  func decideBatch(body: [UInt8]) -> DecisionAnswer
  /// The JSON schema of an application (for the workspace's form).
  var applicationSchema: [UInt8] { get }
  /// The monitoring report: the traffic seen against the bundle's training distribution.
  func monitoringReport() -> [UInt8]
}

/// A decision service's answer: the HTTP status, the JSON body and the audit-log lines (one
/// JSON object each, without the newline) to append.
public struct DecisionAnswer: Sendable {
  /// The HTTP status (200, or 4xx naming the field at fault).
  public var status: Int
  /// The JSON body.
  public var body: [UInt8]
  /// One line per decision made, for the audit log.
  public var auditLines: [[UInt8]]

  /// Creates an answer.
  public init(status: Int, body: [UInt8], auditLines: [[UInt8]] = []) {
    self.status = status
    self.body = body
    self.auditLines = auditLines
  }
}
