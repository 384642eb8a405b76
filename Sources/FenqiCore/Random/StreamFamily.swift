/// All streams that share (seed, period, purpose), differing only in the entity.
///
/// Hoisting the part of the key that is the same for every customer out of the hot loop leaves one
/// mixing round per customer; `StreamFamily(seed:period:purpose:).stream(for: e)` gives exactly the
/// stream `RandomStream(key: StreamKey(seed:entity: e, period:purpose:))` does.
public struct StreamFamily: Sendable, Hashable {
  /// The mixed (seed, period, purpose) part of the key.
  @usableFromInline internal let base: UInt64

  /// Creates the family of streams for one seed, period and purpose.
  @inlinable
  public init(seed: UInt64, period: UInt32, purpose: Purpose) {
    let seedPart = Mixing.mix64(seed &+ 0x6A09_E667_F3BC_C909)
    let rest = (UInt64(period) &<< 32) | UInt64(purpose.rawValue)
    base = Mixing.mix64(seedPart ^ (rest &* 0xD6E8_FEB8_6659_FD93))
  }

  /// The stream of one entity (customer) within the family.
  @inlinable @inline(__always)
  public func stream(for entity: UInt64) -> RandomStream {
    RandomStream(state: Mixing.mix64(base ^ (entity &* 0x9FB2_1C65_1E98_DF25)))
  }
}
