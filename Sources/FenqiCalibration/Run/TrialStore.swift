/// Where a calibration keeps its evaluated trials, so that a resumed, merged or repeated run
/// finds them instead of simulating again.
///
/// The calibration asks for trial numbers in a deterministic order and checks what it finds
/// against what it would have evaluated (stage and point), so a store can never change a result,
/// only save work.
public protocol TrialStore {
  /// What the store holds for trial `trial`.
  func stored(_ trial: Int) -> StoredTrial
  /// Keeps a freshly evaluated trial.
  ///
  /// - Throws: ``CalibrationFailure`` when it cannot be kept.
  func save(_ record: TrialRecord) throws(CalibrationFailure)
}

/// What a ``TrialStore`` holds for one trial.
public enum StoredTrial: Sendable, Equatable {
  /// Nothing.
  case missing
  /// A whole record.
  case found(TrialRecord)
  /// Something that is not a whole record (a file cut short), and why.
  case unusable(String)
}

/// A ``TrialStore`` in memory, for tests and for runs that keep nothing.
public final class InMemoryTrialStore: TrialStore {
  /// The records by trial number.
  public private(set) var records: [Int: TrialRecord] = [:]
  /// Trials saved, in order.
  public private(set) var saved: [Int] = []

  /// Creates an empty store, or one holding `records`.
  public init(_ records: [TrialRecord] = []) {
    for r in records { self.records[r.trial] = r }
  }

  /// See ``TrialStore/stored(_:)``.
  public func stored(_ trial: Int) -> StoredTrial {
    records[trial].map(StoredTrial.found) ?? .missing
  }

  /// See ``TrialStore/save(_:)``.
  public func save(_ record: TrialRecord) throws(CalibrationFailure) {
    records[record.trial] = record
    saved.append(record.trial)
  }
}
