/// The share of a calibration's global stage one process evaluates: global trial t belongs to
/// shard (t − 1) mod count + 1.
public struct CalibrationShard: Sendable, Equatable {
  /// The shard, 1 … ``count``.
  public var index: Int
  /// How many shards there are (≥ 1).
  public var count: Int

  /// Creates a shard; `1 ≤ index ≤ count`.
  public init(index: Int, count: Int) {
    precondition(
      count >= 1 && index >= 1 && index <= count,
      "a shard needs 1 ≤ index ≤ count, got \(index)/\(count)")
    self.index = index
    self.count = count
  }

  /// The whole calibration in one process.
  public static let whole = CalibrationShard(index: 1, count: 1)

  /// Whether global trial `trial` (from 1) is this shard's.
  public func owns(globalTrial trial: Int) -> Bool {
    (trial - 1) % count == index - 1
  }
}
