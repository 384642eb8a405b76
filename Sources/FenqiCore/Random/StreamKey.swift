/// What a random draw is for; one independent stream family per purpose.
///
/// Raw values are explicit and **append-only**: changing one changes every golden result.
public struct Purpose: RawRepresentable, Hashable, Sendable {
  /// The stable numeric identity of the purpose, mixed into every stream key.
  public var rawValue: UInt32
  /// Creates a purpose from its stable raw value.
  public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// The full key of one counter-based random stream: (seed, entity, period, purpose).
///
/// The entity is usually a customer index; the period is a simulated month. Two arms that use the
/// same key see the same numbers (common random numbers).
public struct StreamKey: Hashable, Sendable {
  /// The run's seed.
  public var seed: UInt64
  /// The entity the draws belong to (a customer index, a path index, …).
  public var entity: UInt64
  /// The simulated period (month), or 0 for draws made once.
  public var period: UInt32
  /// What the draws are used for.
  public var purpose: Purpose

  /// Creates a stream key.
  public init(seed: UInt64, entity: UInt64, period: UInt32, purpose: Purpose) {
    self.seed = seed
    self.entity = entity
    self.period = period
    self.purpose = purpose
  }
}
