import FenqiCore
import Foundation

/// The JSON the runs API answers with.
extension RunStore {
  /// Every run: the finished runs of the folder (sorted by id), then the submitted runs not yet
  /// written.
  func listing() -> [JSONValue] {
    let submitted = submitted()
    let pending = submitted.filter { $0.state != .succeeded }
    let pendingIDs = Set(pending.map(\.id))
    let finished = folders.ids().filter { !pendingIDs.contains($0) }
    return finished.compactMap { finishedStatus($0) }
      + pending.map { Self.jobStatus($0) }
  }

  /// The status of run `id`: submitted and not written, or finished; nil when unknown.
  func status(_ id: String) -> JSONValue? {
    if let job = submitted().first(where: { $0.id == id }),
      job.state != .succeeded
    {
      return Self.jobStatus(job)
    }
    return finishedStatus(id)
  }

  static func jobStatus(
    _ j: (
      id: String, name: String, state: RunState, progress: Double,
      stage: String, failure: String?
    )
  ) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(j.id)), ("scenario", .string(j.name)),
      ("state", .string(j.state.rawValue)),
      ("progress", .number((j.progress * 1000).rounded() / 1000)),
      ("stage", .string(j.stage)),
    ]
    if let f = j.failure { members.append(("failure", .string(f))) }
    return .object(members)
  }

  /// A finished run: its manifest's facts, its files and each arm's headline figures.
  func finishedStatus(_ id: String) -> JSONValue? {
    guard let manifest = folders.manifest(id) else { return nil }
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(id)), ("state", .string(RunState.succeeded.rawValue)),
      ("progress", .number(1)),
      ("files", .array(folders.files(id).map { .string($0) })),
    ]
    for key in ["scenario", "seed", "customers", "periods", "finishedAt"] {
      if let v = manifest[key] { members.append((key, v)) }
    }
    members.append(("headline", .array(headline(id))))
    return .object(members)
  }

  /// Each arm's headline figures from `summary.json`.
  func headline(_ id: String) -> [JSONValue] {
    guard let bytes = folders.read(id, "summary.json"),
      let summary = try? JSONParser.parse(
        String(decoding: bytes, as: UTF8.self)),
      case .array(let arms)? = summary["arms"]
    else { return [] }
    let keys = [
      "name", "applications", "bookings", "approval_rate", "booked_principal",
      "bad_debt_rate", "net_income",
    ]
    return arms.map { arm in
      .object(keys.compactMap { k in arm[k].map { (key: k, value: $0) } })
    }
  }
}
