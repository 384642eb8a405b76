import FenqiCore
import FenqiPopulation

/// The month's contact scheduling state, shared by its three passes.
struct ContactPlan {
  let period: Int
  let n: Int
  let channels: Int
  let arms: Int
  let family: StreamFamily
  let first: UInt64
  /// Per channel: its slot among the channels with a finite capacity, or −1.
  var capacitySlot: [Int]
  /// Channels with a finite capacity.
  var slots = 0
  /// Per channel: the chunk's share of its capacity.
  let shares: [Int]
  /// Per arm × channel: customers targeted.
  var reached: [Double]
  /// Per channel: customers targeted, before capacity.
  var candidates: [Int]
  /// Per channel: whether capacity binds this month.
  var binding: [Bool] = []

  init(
    period: Int, customers c: CustomerColumns, tables t: MarketingTables,
    seed: UInt64, arms: Int, chunk: Int
  ) {
    self.period = period
    n = c.count
    channels = t.channelCount
    self.arms = arms
    family = StreamFamily(
      seed: seed, period: UInt32(period), purpose: .customerMonth)
    first = UInt64(c.firstIndex)
    shares = (0..<channels).map { t.capacityShare[$0][chunk] }
    capacitySlot = [Int](repeating: -1, count: channels)
    for ch in 0..<channels where t.channels[ch].capacityPerPeriod != nil {
      capacitySlot[ch] = slots
      slots += 1
    }
    reached = [Double](repeating: 0, count: arms * channels)
    candidates = [Int](repeating: 0, count: channels)
  }
}
