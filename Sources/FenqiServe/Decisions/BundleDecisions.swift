import FenqiDecision
import Foundation

/// The decision routes served by a ``DecisionService`` over a bundle, every decision counted by
/// its ``DecisionMonitor`` for `GET /v1/monitoring`.
public struct BundleDecisions: DecisionEndpoint {
  let service: DecisionService
  let monitor: DecisionMonitor

  /// Serves `bundle`.
  public init(bundle: DecisionBundle) {
    service = DecisionService(bundle: bundle)
    monitor = DecisionMonitor(service: service)
  }

  /// Loads the bundle at `path`.
  ///
  /// - Throws: ``ServeError/bundle(path:reason:)`` with the bundle's problems.
  public static func load(path: String) throws(ServeError) -> BundleDecisions {
    do {
      return BundleDecisions(
        bundle: try DecisionBundle.load(from: URL(fileURLWithPath: path)))
    } catch {
      throw .bundle(path: path, reason: error.description)
    }
  }

  /// The bundle's version and content-hash prefix.
  public var version: String { service.version }

  /// Decides one application and counts it.
  public func decide(body: [UInt8]) -> DecisionAnswer {
    answer(service.decide(body: body))
  }

  /// Decides a batch and counts it.
  public func decideBatch(body: [UInt8]) -> DecisionAnswer {
    answer(service.decideBatch(body: body))
  }

  /// The application schema for forms.
  public var applicationSchema: [UInt8] { service.applicationSchema }

  /// Population stability of the traffic so far.
  public func monitoringReport() -> [UInt8] { monitor.report() }

  func answer(_ reply: DecisionReply) -> DecisionAnswer {
    monitor.record(reply)
    return DecisionAnswer(
      status: reply.status, body: reply.body, auditLines: reply.auditLines)
  }
}
