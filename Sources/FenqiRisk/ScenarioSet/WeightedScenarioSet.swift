/// A named, probability-weighted set of macro scenarios, as in regulators' stress tests (the
/// Federal Reserve's baseline / adverse / severely adverse; the EBA's baseline / adverse) and in
/// IFRS 9's probability-weighted ECL.
///
/// Each member runs the scenario's shocks at a severity (0: none, 1: as stated, 2: twice the
/// recession and rate-rise points).
public struct WeightedScenarioSet: Sendable, Equatable {
  /// One member.
  public struct Member: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// Its probability, a fraction.
    public var weight: Double
    /// The severity of the scenario's shocks.
    public var severity: Double

    /// Creates a member.
    public init(name: String, weight: Double, severity: Double) {
      self.name = name
      self.weight = weight
      self.severity = severity
    }
  }

  /// The members, weights summing to 1.
  public var members: [Member]

  /// Creates a set.
  public init(members: [Member]) { self.members = members }

  /// The default: baseline (no shocks) 0.55, adverse (the shocks as stated) 0.35, severely
  /// adverse (twice the recession and rate rise) 0.10 — a lender's own weights replace these.
  public static let standard = WeightedScenarioSet(members: [
    Member(name: "baseline", weight: 0.55, severity: 0),
    Member(name: "adverse", weight: 0.35, severity: 1),
    Member(name: "severelyAdverse", weight: 0.10, severity: 2),
  ])
}
