/// A counter-based random stream: output *n* is a pure function of (key, n).
///
/// The generator is SplitMix64 used as a counter-based hash: output *n* is `mix64(state + (n+1)·γ)`
/// where `state` is the mixed stream key and γ the golden-ratio increment (Steele, Lea & Flood 2014,
/// "Fast splittable pseudorandom number generators"; SplitMix64 passes BigCrush). Chosen over
/// Philox4x32-10 because it costs two multiplies per 64 bits and our streams are short (a handful of
/// draws per customer per period), while every key is mixed through two full avalanche rounds so
/// that neighbouring customers, periods and purposes give unrelated streams. Because each draw is
/// addressed by its key and counter, chunking and thread scheduling cannot change any result.
public struct RandomStream: Sendable {
  /// The mixed key.
  @usableFromInline internal let state: UInt64
  /// The index of the next output.
  public var counter: UInt64

  /// Creates a stream from an already mixed state (see ``StreamFamily``).
  @inlinable
  public init(state: UInt64, counter: UInt64 = 0) {
    self.state = state
    self.counter = counter
  }

  /// Creates the stream of a full key.
  @inlinable
  public init(key: StreamKey) {
    self = StreamFamily(
      seed: key.seed, period: key.period, purpose: key.purpose
    )
    .stream(for: key.entity)
  }

  /// The output at position `index`, without moving the counter.
  @inlinable @inline(__always)
  public func bits(at index: UInt64) -> UInt64 {
    Mixing.mix64(state &+ (index &+ 1) &* Mixing.golden)
  }

  /// The next 64 random bits.
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let value = bits(at: counter)
    counter &+= 1
    return value
  }

  /// The uniform double in [0, 1) at position `index` (53 random bits).
  @inlinable @inline(__always)
  public func uniform(at index: UInt64) -> Double {
    Double(bits(at: index) &>> 11) * 0x1p-53
  }

  /// The next uniform double in [0, 1) (53 random bits).
  @inlinable @inline(__always)
  public mutating func uniform() -> Double {
    Double(next() &>> 11) * 0x1p-53
  }

  /// The next uniform double in the open interval (0, 1): safe for logarithms and quantiles.
  @inlinable @inline(__always)
  public mutating func openUniform() -> Double {
    (Double(next() &>> 11) + 0.5) * 0x1p-53
  }

  /// The open-interval uniform at position `index`.
  @inlinable @inline(__always)
  public func openUniform(at index: UInt64) -> Double {
    (Double(bits(at: index) &>> 11) + 0.5) * 0x1p-53
  }

  /// A uniform integer in `0..<bound` by Lemire's multiply-shift (bias below 2⁻⁶⁴·bound).
  @inlinable
  public mutating func index(below bound: Int) -> Int {
    precondition(
      bound > 0, "index(below:) needs a positive bound, got \(bound)")
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }
}
