import FenqiCore
import FenqiCredit

/// What one simulated month holds constant for every customer of a chunk, taken once before the
/// customer loop: the month's tables, the arms' terms under any APR cap, and read-only views of
/// the columns the loop reads but does not change.
struct MonthView {
  /// The 1-based period.
  let period: Int
  /// The run's tables.
  let t: EngineTables
  /// The lender's models and thresholds this month (nil without a risk stack).
  let lender: LenderPeriod?
  /// The merchants trading this month (nil without merchant agents).
  let merchants: MerchantPeriod?
  /// Whether per-customer outcomes are kept.
  let tracking: Bool
  /// Whether the per-customer ledger is kept.
  let ledgerOn: Bool
  /// Segments in the population.
  let segments: Int
  /// The customer-month stream family and the chunk's first customer.
  let family: StreamFamily
  let first: UInt64

  // Marketing: channel arms, campaign state and this month's marketing columns.
  let channelArms: [Bool]
  let demandByArm: [Double]
  let campaignByArm: [Bool]
  let competitionLog: Double
  let contactedBits: [UInt16]
  let invitedBy: [Int32]
  let fatigueNow: [Float]
  let tiers: [UInt8]

  // Targeting.
  let targetingArms: [Bool]
  let pilot: Bool
  let organicOffset: Double
  let organicDigital: Double

  // The risk stack's fraud ring and model-row sampling.
  let fraudApply: Double
  let fraudMultiplier: Double
  let propensityShare: Double

  // Macro: the APR cap's repricing and collapsed sectors.
  let capped: Bool
  let armTerms: [PlanTerms]
  let armRateNow: [Double]
  let armConstantNow: [Double]
  let sectorStop: [Double]
  let collapse: Bool
  let sectorCumulative: [Double]

  // Business: categories, firms, bureau, lines and freezes (fixed inside the loop).
  let hasBusiness: Bool
  let lineArms: [Bool]
  let categoryNeed: [Double]
  let firmSegments: [Bool]
  let periodStride: Int
  let revenueNow: [Float]
  let bureauNow: [Float]
  let lineNow: [Float]
  let frozenNow: [UInt8]
}

extension ChunkState {
  /// The month's constant view, after contacts are scheduled and targeting plans made.
  func monthView(
    period: Int, tables t: EngineTables, lender lp: LenderPeriod?,
    targeting tp: TargetingPeriod?, merchants mp: MerchantPeriod?
  ) -> MonthView {
    let mt = t.marketing
    let bt = t.business
    let tt = t.targeting
    let risk = t.risk
    // The APR cap, once in force, reprices the arms above it.
    let capped = t.macro.map { $0.path.aprCap[period] != nil } ?? false
    func capping<T>(_ a: Int, _ base: [T], _ cap: (MacroTables) -> [T]) -> T {
      capped && t.macro?.capApplies[a] == true
        ? t.macro.map { cap($0)[a] } ?? base[a] : base[a]
    }
    // Purchases at collapsed merchants no longer happen.
    let sectorStop =
      t.macro.map { m in m.path.sectorStop.map { $0[period] } } ?? []
    return MonthView(
      period: period, t: t, lender: lp, merchants: mp, tracking: t.tracking,
      ledgerOn: customerLedger.isTracking, segments: t.needRate.count,
      family: StreamFamily(
        seed: t.seed, period: UInt32(period), purpose: .customerMonth),
      first: UInt64(customers.firstIndex),
      channelArms: mt.armUsesChannels,
      demandByArm: (0..<t.armCount).map { mt.needMultiplier[$0][period] },
      campaignByArm: (0..<t.armCount).map { mt.inCampaign[$0][period] },
      competitionLog: mt.competitionLog[period],
      contactedBits: marketing?.contacted ?? [],
      invitedBy: marketing?.invitedNow ?? [],
      fatigueNow: marketing?.fatigue ?? [],
      tiers: marketing?.tier ?? [],
      targetingArms: tp?.arms.map { $0 != nil } ?? [],
      pilot: tp?.pilot ?? false,
      organicOffset: tt?.settings.organicSplitOffset ?? 0,
      organicDigital: tt?.settings.organicDigitalAffinity ?? 0,
      fraudApply: risk?.settings.fraud.applyRate ?? 0,
      fraudMultiplier: risk?.settings.fraud.amountMultiplier ?? 1,
      propensityShare: risk?.recording == true ? 0.1 : 0.02,
      capped: capped,
      armTerms: (0..<t.armCount).map { capping($0, t.terms, \.cappedTerms) },
      armRateNow: (0..<t.armCount).map { capping($0, t.armRate, \.cappedRate) },
      armConstantNow: (0..<t.armCount).map {
        capping($0, t.armSplitConstant, \.cappedConstant)
      },
      sectorStop: sectorStop, collapse: sectorStop.contains { $0 > 0 },
      sectorCumulative: t.macro?.sectorCumulative ?? [],
      hasBusiness: bt != nil, lineArms: bt?.lines.map { $0 != nil } ?? [],
      categoryNeed: bt?.needMultiplier ?? [],
      firmSegments: bt?.isFirmSegment ?? [],
      periodStride: (bt?.periods ?? 0) + 1,
      revenueNow: business?.revenueNow ?? [], bureauNow: business?.bureau ?? [],
      lineNow: business?.line ?? [], frozenNow: business?.frozen ?? [])
  }
}
