import FenqiCore
import FenqiCredit

/// What every chunk needs of the merchants in one month: who fails now, whom customers can buy
/// from, and what the lender can claw back.
struct MerchantPeriod: Sendable {
  /// Per slot: failed this month owing prepaid service.
  let failedNow: [Bool]
  /// Per slot: cumulative sales weight within its category over trading merchants (a failed
  /// merchant adds nothing).
  let tradingCumulative: [Double]
  /// Per arm × slot: the share of a disputed balance clawed back.
  let clawbackShare: [Double]

  /// A trading merchant among `slots` (one category's merchants) drawn by sales share with the
  /// uniform `u`: 0 when the category has no merchant agents, nil when none of them trades.
  @inline(__always)
  func merchant(in slots: Range<Int>, u: Double) -> Int? {
    guard !slots.isEmpty else { return 0 }
    let total = tradingCumulative[slots.upperBound - 1]
    guard total > 0 else { return nil }
    return CumulativeWeights.index(
      in: tradingCumulative, slots, above: u * total)
  }
}

/// The merchants as agents: each trades until it fails (a monthly hazard, raised by shocks to its
/// category), accumulates a reserve under each arm's recourse terms, and carries the lender's
/// exposure to its customers.
///
/// Lives between months on the engine's thread; chunks read a ``MerchantPeriod`` and report what
/// they financed, what is still owed and what was disputed, merged in chunk order.
struct MerchantRuntime: Sendable {
  let tables: BusinessTables
  let arms: Int
  let seed: UInt64
  /// Per slot: the month the merchant failed (0: trading).
  var failedPeriod: [Int]
  /// Per arm × slot: principal financed, cumulative.
  var financed: [Double]
  /// Per arm × slot: the reserve held from the merchant's financed sales.
  var reserve: [Double]
  /// Per arm × slot: principal outstanding at the last month's end.
  var exposure: [Double]
  /// Per arm × slot: principal outstanding when the merchant failed.
  var exposureAtFailure: [Double]
  /// Per arm × slot: disputed principal.
  var disputed: [Double]
  /// Per arm × slot: principal clawed back.
  var clawback: [Double]
  private var lastShare: [Double]

  init(tables: BusinessTables, arms: Int, seed: UInt64) {
    self.tables = tables
    self.arms = arms
    self.seed = seed
    let slots = tables.merchantSlots
    failedPeriod = .init(repeating: 0, count: slots)
    financed = .init(repeating: 0, count: arms * slots)
    reserve = financed
    exposure = financed
    exposureAtFailure = financed
    disputed = financed
    clawback = financed
    lastShare = financed
  }

  /// Draws this month's failures and returns what the chunks need.
  mutating func begin(period t: Int) -> MerchantPeriod {
    let slots = tables.merchantSlots
    let family = StreamFamily(
      seed: seed, period: UInt32(t), purpose: .merchantFailure)
    var failedNow = [Bool](repeating: false, count: slots)
    for m in 1..<slots where failedPeriod[m] == 0 {
      let c = tables.merchantCategory[m]
      guard let pool = tables.settings.categories[c].merchants else { continue }
      let hazard = min(
        1,
        pool.monthlyFailureHazard
          * tables.failureMultiplier[c * (tables.periods + 1) + t])
      if family.stream(for: UInt64(m)).uniform(at: 0) < hazard {
        failedPeriod[m] = t
        failedNow[m] = tables.isPrepaid[c]
        for a in 0..<arms {
          exposureAtFailure[a * slots + m] = exposure[a * slots + m]
        }
      }
    }
    var cumulative = [Double](repeating: 0, count: slots)
    for range in tables.categorySlots where !range.isEmpty {
      var running = 0.0
      for m in range {
        if failedPeriod[m] == 0 { running += tables.merchantWeight[m] }
        cumulative[m] = running
      }
    }
    var share = [Double](repeating: 0, count: arms * slots)
    for a in 0..<arms {
      guard let terms = tables.recourse[a] else { continue }
      for m in 1..<slots where failedNow[m] {
        let owed = terms.clawbackShare * exposure[a * slots + m]
        // The clawback is limited by the reserve held from the merchant's sales.
        let coverage =
          terms.reserveRate == nil || owed <= 0
          ? 1 : min(1, reserve[a * slots + m] / owed)
        share[a * slots + m] = terms.clawbackShare * coverage
      }
    }
    lastShare = share
    return MerchantPeriod(
      failedNow: failedNow, tradingCumulative: cumulative,
      clawbackShare: share)
  }

  /// Merges the month's chunk reports in chunk order.
  mutating func end(chunks: [ChunkState]) {
    let slots = tables.merchantSlots
    for i in exposure.indices { exposure[i] = 0 }
    for chunk in chunks {
      guard let b = chunk.business else { continue }
      for i in exposure.indices {
        exposure[i] += b.merchantExposure[i]
        financed[i] += b.merchantFinanced[i]
        disputed[i] += b.merchantDisputed[i]
        clawback[i] += b.merchantDisputed[i] * lastShare[i]
        let a = i / slots
        if let rate = tables.recourse[a]?.reserveRate {
          reserve[i] += rate * b.merchantFinanced[i]
        }
      }
    }
  }

  /// The run's merchant record.
  var record: MerchantRecord {
    MerchantRecord(
      category: Array(tables.merchantCategory.dropFirst()),
      salesShare: Array(tables.merchantWeight.dropFirst()),
      failedPeriod: Array(failedPeriod.dropFirst()),
      financed: perArm(financed), exposureAtFailure: perArm(exposureAtFailure),
      disputed: perArm(disputed), clawback: perArm(clawback))
  }

  private func perArm(_ x: [Double]) -> [[Double]] {
    let slots = tables.merchantSlots
    return (0..<arms).map { a in Array(x[(a * slots + 1)..<((a + 1) * slots)]) }
  }
}

/// Every merchant's state at the run's end, merchants in slot order (slot − 1).
public struct MerchantRecord: Sendable, Equatable {
  /// Each merchant's category index.
  public var category: [Int]
  /// Each merchant's share of its category's sales.
  public var salesShare: [Double]
  /// The month each merchant failed (0: still trading).
  public var failedPeriod: [Int]
  /// Per arm, per merchant: principal financed, yuan.
  public var financed: [[Double]]
  /// Per arm, per merchant: principal outstanding when it failed.
  public var exposureAtFailure: [[Double]]
  /// Per arm, per merchant: disputed principal.
  public var disputed: [[Double]]
  /// Per arm, per merchant: principal clawed back.
  public var clawback: [[Double]]
}
