import FenqiCore
import Foundation

/// Population stability of served applications against a bundle's training distribution:
/// per feature and per arm's PD score band, with the 0.1 "watch" and 0.25 "act" flags.
///
/// Thread-safe (one lock around the counts); `GET /v1/monitoring` reads ``report()``.
public final class DecisionMonitor: @unchecked Sendable {
  private let lock = NSLock()
  private let bundle: DecisionBundle
  private let version: String
  /// Per feature: counts per bin, then missing.
  private var featureCounts: [[Double]]
  /// Per arm: PD counts per bin, then missing.
  private var scoreCounts: [[Double]]
  /// Per arm: decisions recorded.
  private var decisions: [Int]

  /// Monitors applications decided with `service`'s bundle.
  public init(service: DecisionService) {
    bundle = service.bundle
    version = service.version
    featureCounts = bundle.features.map {
      [Double](repeating: 0, count: $0.shares.count + 1)
    }
    scoreCounts = bundle.arms.map {
      [Double](repeating: 0, count: $0.scores.shares.count + 1)
    }
    decisions = .init(repeating: 0, count: bundle.arms.count)
  }

  /// Counts a reply's decided applications (none for a failed request).
  public func record(_ reply: DecisionReply) { record(reply.observations) }

  /// Counts decided applications.
  public func record(_ observations: [DecisionObservation]) {
    lock.lock()
    defer { lock.unlock() }
    for o in observations where bundle.arms.indices.contains(o.arm) {
      decisions[o.arm] += 1
      for (f, d) in bundle.features.enumerated() where f < o.features.count {
        featureCounts[f][d.bin(o.features[f])] += 1
      }
      if let pd = o.pd {
        scoreCounts[o.arm][bundle.arms[o.arm].scores.bin(pd)] += 1
      }
    }
  }

  /// The flag of a PSI: `ok` below 0.1, `watch` below 0.25, `act` from 0.25, `none` when
  /// nothing is counted yet.
  public static func flag(_ psi: Double) -> String {
    guard psi.isFinite else { return "none" }
    return psi >= FeatureDistribution.act
      ? "act" : psi >= FeatureDistribution.watch ? "watch" : "ok"
  }

  /// The report as JSON: counts, PSI and flag per feature and per arm's score band, the worst
  /// flag overall.
  public func report() -> [UInt8] {
    lock.lock()
    let features = featureCounts
    let scores = scoreCounts
    let decided = decisions
    lock.unlock()
    var worst = 0
    let order = ["none", "ok", "watch", "act"]
    func entry(_ name: String, _ psi: Double, _ count: Double) -> JSONValue {
      let flag = Self.flag(psi)
      worst = Swift.max(worst, order.firstIndex(of: flag) ?? 0)
      return .object([
        ("name", .string(name)), ("psi", .number(psi)), ("flag", .string(flag)),
        ("count", .number(count)),
      ])
    }
    let featureEntries = zip(bundle.features, features).enumerated().map {
      f, pair in
      entry(
        LenderFeature.names[f], pair.0.stability(counts: pair.1),
        pair.1.reduce(0, +))
    }
    let armEntries = bundle.arms.indices.map { a in
      entry(
        bundle.arms[a].name, bundle.arms[a].scores.stability(counts: scores[a]),
        scores[a].reduce(0, +))
    }
    let body: JSONValue = .object([
      ("bundleVersion", .string(version)),
      ("decisions", .number(Double(decided.reduce(0, +)))),
      (
        "thresholds",
        .object([
          ("watch", .number(FeatureDistribution.watch)),
          ("act", .number(FeatureDistribution.act)),
        ])
      ),
      ("features", .array(featureEntries)), ("scores", .array(armEntries)),
      ("status", .string(order[worst])),
    ])
    return Array(JSONWriter.compact(body).utf8)
  }
}
