import FenqiSimulation

/// Where a run submitted over the API stands.
public enum RunState: String, Sendable, CaseIterable {
  /// Waiting for the runs before it.
  case queued
  /// Simulating.
  case running
  /// Written into the runs folder.
  case succeeded
  /// Stopped by an error; nothing was written.
  case failed
  /// Cancelled before it was written; nothing was written.
  case cancelled
}

/// One run submitted over the API: its scenario, state and progress.
///
/// Fields are guarded by the ``RunStore``'s lock.
final class RunJob: @unchecked Sendable {
  let id: String
  let scenario: Scenario
  let sha256: String
  var state = RunState.queued
  /// Completed fraction of the scenario's own run, in [0, 1].
  var progress = 0.0
  /// What the run is doing (`period 3/12`, `counterfactual runs`, …).
  var stage = "queued"
  /// Why it failed.
  var failure: String?

  init(id: String, scenario: Scenario, sha256: String) {
    self.id = id
    self.scenario = scenario
    self.sha256 = sha256
  }
}
