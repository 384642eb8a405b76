/// How the lender watches its models drift (`riskStack.drift` in a scenario): population
/// stability thresholds and what to do when they are crossed.
///
/// PSI and CSI are unitless: Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) over shares of a reference's deciles
/// (population stability index — Siddiqi, *Credit Risk Scorecards*, 2006: below 0.1 stable,
/// 0.1–0.25 watch, above 0.25 act).
public struct DriftSettings: Sendable, Equatable {
  /// What the lender does when an arm's score PSI reaches ``act``.
  public enum Action: String, Sendable, Equatable, CaseIterable {
    /// Raise the alarm only.
    case none
    /// Skip the arm's scheduled re-training while its alarm is at `act`.
    case freezeRetraining
    /// Put back the last model whose month was stable (PSI below ``watch``), and skip the
    /// scheduled re-training while the alarm is at `act`.
    case fallBack
  }

  /// PSI (or a feature's CSI) at or above this raises a `watch` alarm.
  public var watch = 0.1
  /// PSI (or a feature's CSI) at or above this raises an `act` alarm.
  public var act = 0.25
  /// What an `act` alarm on the score PSI does.
  public var action = Action.none

  /// The default thresholds (0.1 watch, 0.25 act) and no action.
  public init() {}

  /// The alarm level of a stability index: NaN (nothing to measure) is stable.
  public func level(_ index: Double) -> DriftLevel {
    guard !index.isNaN else { return .stable }
    if index >= act { return .act }
    if index >= watch { return .watch }
    return .stable
  }
}

/// An alarm level, ordered: stable < watch < act.
public enum DriftLevel: Int, Sendable, Equatable, Comparable, CaseIterable {
  /// Below the watch threshold.
  case stable = 0
  /// At or above the watch threshold, below act.
  case watch = 1
  /// At or above the act threshold.
  case act = 2

  /// The level's name as it appears in `risk.csv`.
  public var name: String {
    switch self {
    case .stable: return "stable"
    case .watch: return "watch"
    case .act: return "act"
    }
  }

  /// Orders the levels by severity.
  public static func < (a: DriftLevel, b: DriftLevel) -> Bool {
    a.rawValue < b.rawValue
  }
}
