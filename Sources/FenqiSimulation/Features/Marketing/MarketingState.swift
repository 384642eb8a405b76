import FenqiMarketing
import FenqiPopulation

/// A chunk's marketing columns: fatigue, opt-outs, contact histories, referrals and points.
///
/// Allocated once per chunk; nothing is allocated per customer per period.
struct MarketingState: Sendable {
  let channelCount: Int
  /// Fatigue stock per customer.
  var fatigue: [Float]
  /// Opted-out channels per customer (bit c).
  var optOut: [UInt16]
  /// Contact history per customer and channel, [i · channels + c] (bit k: k months ago).
  var history: [UInt16]
  /// Channels that contacted each customer this period (bit c).
  var contacted: [UInt16]
  /// The inviter (chunk-local index) of each customer invited last period; −1 for none.
  var invitedNow: [Int32]
  /// Invitations made this period, acted on next period.
  var invitedNext: [Int32]
  /// Successful referrals per customer.
  var successes: [UInt16]
  /// Points balance and lifetime points per customer.
  var points: [Float]
  var lifetimePoints: [Float]
  /// Current membership tier per customer (starts at the attribute, rises with points).
  var tier: [UInt8]
  /// Scratch: contact priority per capacity-limited channel and customer, [slot · n + i]
  /// (−1: not a candidate).
  var priority: [Float]
  /// Scratch: chosen under a binding capacity, [slot · n + i].
  var chosen: [Bool]
  /// Scratch: opted out this period.
  var optedOutNow: [Bool]
  /// The social graph of the chunk (empty without referrals).
  var graph: SocialGraph?
  /// The chunk's index (for capacity shares).
  let chunk: Int

  init(customers: CustomerColumns, tables t: MarketingTables, seed: UInt64) {
    let n = customers.count
    channelCount = t.channelCount
    fatigue = .init(repeating: 0, count: n)
    optOut = .init(repeating: 0, count: n)
    history = .init(repeating: 0, count: n * t.channelCount)
    contacted = .init(repeating: 0, count: n)
    invitedNow = .init(repeating: -1, count: n)
    invitedNext = .init(repeating: -1, count: n)
    successes = .init(repeating: 0, count: n)
    points = .init(repeating: 0, count: n)
    lifetimePoints = .init(repeating: 0, count: n)
    tier = customers.membershipTier
    let slots = t.channels.filter { $0.capacityPerPeriod != nil }.count
    priority = .init(repeating: -1, count: n * slots)
    chosen = .init(repeating: false, count: n * slots)
    optedOutNow = .init(repeating: false, count: n)
    chunk = customers.firstIndex / ChunkState.size
    if t.usesGraph, n > 0 {
      graph = SocialGraph(
        firstIndex: customers.firstIndex, count: n, block: chunk, seed: seed,
        settings: t.graph)
    }
  }

  /// Ends the period: this period's invitations become next period's warm contacts.
  mutating func endPeriod() {
    swap(&invitedNow, &invitedNext)
    for i in invitedNext.indices { invitedNext[i] = -1 }
  }
}
