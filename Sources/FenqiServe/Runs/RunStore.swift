import FenqiCore
import FenqiExperiment
import FenqiReport
import FenqiSimulation
import Foundation

/// Runs submitted over the API, run one at a time on a background thread, and the finished runs
/// of the runs folder.
///
/// A run is written with ``RunFolderWriter`` (a temporary sibling renamed into place) only once
/// it is complete, so a cancelled, failed or interrupted run leaves nothing in the folder.
/// ``shutdown()`` waits for a write in progress and lets no other begin.
public final class RunStore: @unchecked Sendable {
  let folders: RunFolders
  let threads: Int
  let version: String
  let wallClock: @Sendable () -> Double
  let condition = NSCondition()
  var jobs: [RunJob] = []
  var closed = false
  /// Held while a run folder is written; ``shutdown()`` takes it for good.
  let writeLock = NSLock()

  /// Serves the runs of `directory`.
  ///
  /// - Parameters:
  ///   - directory: the runs folder (`--runs`).
  ///   - threads: simulation threads per run (results do not depend on it).
  ///   - version: the fenqi version the manifests record.
  ///   - wallClock: seconds since 1970, for the manifests' times and the runs' ids.
  /// - Throws: ``ServeError/runsFolder(path:reason:)`` when `directory` is not a folder.
  public init(
    directory: String, threads: Int, version: String,
    wallClock: @escaping @Sendable () -> Double
  ) throws(ServeError) {
    folders = try RunFolders(path: directory)
    self.threads = max(1, threads)
    self.version = version
    self.wallClock = wallClock
    let t = Thread { [self] in work() }
    t.name = "fenqi-runs"
    t.start()
  }

  /// Queues `scenario`; returns the new run's id.
  func submit(_ scenario: Scenario, sha256: String) -> String? {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return nil }
    let base = Self.safeName(scenario.name) + "-" + Self.stamp(wallClock())
    var id = base
    var k = 2
    while folders.exists(id) || jobs.contains(where: { $0.id == id }) {
      id = "\(base)-\(k)"
      k += 1
    }
    jobs.append(RunJob(id: id, scenario: scenario, sha256: sha256))
    condition.broadcast()
    return id
  }

  /// Cancels run `id`: a queued or running run is dropped unwritten.
  ///
  /// - Returns: the run's state after the call and whether this call cancelled it; nil when
  ///   no submitted run has that id.
  func cancel(_ id: String) -> (state: RunState, cancelled: Bool)? {
    condition.lock()
    defer { condition.unlock() }
    guard let job = jobs.first(where: { $0.id == id }) else { return nil }
    guard job.state == .queued || job.state == .running else {
      return (job.state, false)
    }
    job.state = .cancelled
    job.stage = "cancelled"
    return (job.state, true)
  }

  /// A snapshot of the submitted runs (id, state, progress, stage, failure), in submission
  /// order.
  func submitted() -> [(
    id: String, name: String, state: RunState, progress: Double, stage: String,
    failure: String?
  )] {
    condition.lock()
    defer { condition.unlock() }
    return jobs.map {
      ($0.id, $0.scenario.name, $0.state, $0.progress, $0.stage, $0.failure)
    }
  }

  /// Runs by state, for `/metrics`.
  public func counts() -> [(state: RunState, count: Int)] {
    let snapshot = submitted()
    let written = Set(snapshot.map(\.id))
    let onDisk = folders.ids().filter { !written.contains($0) }.count
    return RunState.allCases.map { state in
      (
        state,
        snapshot.filter { $0.state == state }.count
          + (state == .succeeded ? onDisk : 0)
      )
    }
  }

  /// Takes no more runs and drops the queued and running ones unwritten.
  ///
  /// Waits for a run folder being written to be complete. Call before the process exits.
  public func shutdown() {
    condition.lock()
    closed = true
    for job in jobs where job.state == .queued || job.state == .running {
      job.state = .cancelled
      job.stage = "cancelled: the server stopped"
    }
    condition.broadcast()
    condition.unlock()
    writeLock.lock()
  }

  func work() {
    while let job = next() {
      execute(job)
    }
  }

  /// The next queued run, marked running; nil once closed.
  func next() -> RunJob? {
    condition.lock()
    defer { condition.unlock() }
    while !closed {
      if let job = jobs.first(where: { $0.state == .queued }) {
        job.state = .running
        job.stage = "starting"
        return job
      }
      condition.wait()
    }
    return nil
  }

  static func safeName(_ name: String) -> String {
    let cleaned = String(
      name.map {
        $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-"
      }
      .prefix(80))
    return cleaned.isEmpty || cleaned.hasPrefix("-") ? "run" + cleaned : cleaned
  }

  /// `20261129T200000Z` for `seconds` since 1970.
  static func stamp(_ seconds: Double) -> String {
    String(iso(seconds).filter { $0 != "-" && $0 != ":" })
  }

  /// `2026-11-29T20:00:00Z` for `seconds` since 1970.
  static func iso(_ seconds: Double) -> String {
    var t = time_t(seconds.rounded(.down))
    var p = tm()
    gmtime_r(&t, &p)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(p.tm_year + 1900)-\(two(p.tm_mon + 1))-\(two(p.tm_mday))T"
      + "\(two(p.tm_hour)):\(two(p.tm_min)):\(two(p.tm_sec))Z"
  }
}
