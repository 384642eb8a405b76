import FenqiCore
import FenqiCredit

/// How an arm reaches its customers this month: exactly one of three ways.
enum ContactRoute: UInt8, Sendable {
  /// One generic channel: each customer is reached with the arm's `reachRate`.
  case generic
  /// The scenario's channels (fatigue, capacity, referrals); the best contact wins.
  case channels
  /// A targeting policy's plan: contact with one offer, or not at all.
  case targeting
}

/// Everything every customer of a chunk sees alike in one month, read once before the customer
/// loop: the month's feature inputs, the arms' terms after any APR cap, and read-only views of
/// the columns the features filled before the loop.
///
/// The stages of ``ChunkState/stepCustomer(_:arm:segment:view:counts:)`` borrow it; nothing in
/// it changes inside the loop.
struct MonthView {
  let period: Int
  let tables: EngineTables
  let marketing: MarketingTables
  let lender: LenderPeriod?
  let targeting: TargetingPeriod?
  let merchants: MerchantPeriod?
  let business: BusinessTables?
  let targetingTables: TargetingTables?
  /// Whether the lender runs a risk stack (``lender`` is not nil).
  ///
  /// A flag, because testing an optional in the loop copies it.
  let hasLender: Bool
  /// Whether the scenario has a business layer (``business`` is not nil).
  let hasBusiness: Bool
  /// Each segment's need probability this month (before any multiplier).
  let needProbability: [Double]
  /// The random streams of this month's customer draws.
  let family: StreamFamily
  /// The chunk's first customer index (the streams' entity offset).
  let first: UInt64
  let segments: Int
  let tracking: Bool
  let ledgerOn: Bool
  /// Each arm's contact route this month.
  let route: [ContactRoute]
  let pilot: Bool
  /// The contact index that stands for a referral (one past the last channel).
  let referralChannel: Int

  // Demand and competition.
  let demandByArm: [Double]
  let campaignByArm: [Bool]
  let competitionLog: Double
  let organicOffset: Double
  let organicDigital: Double

  // Terms, after the APR cap once it is in force.
  let capped: Bool
  let armTerms: [PlanTerms]
  let armRate: [Double]
  let armConstant: [Double]

  // The lender's fraud screen and propensity sample.
  let fraudApply: Double
  let fraudMultiplier: Double
  let propensityShare: Double

  // Macro: sectors that stopped trading.
  let sectorStop: [Double]
  let collapse: Bool
  let sectorCumulative: [Double]

  // Business: categories, firms and lines (empty without `business`).
  let categoryNeed: [Double]
  let firmSegments: [Bool]
  let periodStride: Int
  let revenueNow: [Float]
  let bureauNow: [Float]
  let lineArms: [Bool]
  /// Lines and freezes do not change inside the loop (reviews and freezes come after it).
  let lineNow: [Float]
  let frozenNow: [UInt8]

  // Marketing columns filled by this month's contact passes.
  let contactedBits: [UInt16]
  let invitedBy: [Int32]
  let fatigueNow: [Float]
  let tiers: [UInt8]

  /// Reads the month's view of `chunk` after its roll and contact passes.
  init(
    period: Int, tables t: EngineTables, needProbability: [Double],
    inputs: MonthInputs, chunk: borrowing ChunkState
  ) {
    self.period = period
    tables = t
    marketing = t.marketing
    lender = inputs.lender
    targeting = inputs.targeting
    merchants = inputs.merchants
    business = t.business
    targetingTables = t.targeting
    hasLender = inputs.lender != nil
    hasBusiness = t.business != nil
    self.needProbability = needProbability
    family = StreamFamily(
      seed: t.seed, period: UInt32(period), purpose: .customerMonth)
    first = UInt64(chunk.customers.firstIndex)
    segments = t.needRate.count
    tracking = t.tracking
    ledgerOn = chunk.customerLedger.isTracking
    let mt = t.marketing
    let planned = inputs.targeting?.arms.map { $0 != nil } ?? []
    route = (0..<t.armCount).map { a in
      if mt.armUsesChannels[a] { return .channels }
      return !planned.isEmpty && planned[a] ? .targeting : .generic
    }
    pilot = inputs.targeting?.pilot ?? false
    referralChannel = mt.channelCount
    demandByArm = (0..<t.armCount).map { mt.needMultiplier[$0][period] }
    campaignByArm = (0..<t.armCount).map { mt.inCampaign[$0][period] }
    competitionLog = mt.competitionLog[period]
    organicOffset = t.targeting?.settings.organicSplitOffset ?? 0
    organicDigital = t.targeting?.settings.organicDigitalAffinity ?? 0
    let risk = t.risk
    fraudApply = risk?.settings.fraud.applyRate ?? 0
    fraudMultiplier = risk?.settings.fraud.amountMultiplier ?? 1
    propensityShare = risk?.recording == true ? 0.1 : 0.02
    (capped, armTerms, armRate, armConstant) = Self.cappedTerms(
      period: period, tables: t)
    sectorStop =
      t.macro.map { m in m.path.sectorStop.map { $0[period] } } ?? []
    collapse = sectorStop.contains { $0 > 0 }
    sectorCumulative = t.macro?.sectorCumulative ?? []
    let bt = t.business
    let state = chunk.business
    categoryNeed = bt?.needMultiplier ?? []
    firmSegments = bt?.isFirmSegment ?? []
    periodStride = (bt?.periods ?? 0) + 1
    revenueNow = state?.revenueNow ?? []
    bureauNow = state?.bureau ?? []
    lineArms = bt?.lines.map { $0 != nil } ?? []
    lineNow = state?.line ?? []
    frozenNow = state?.frozen ?? []
    let m = chunk.marketing
    contactedBits = m?.contacted ?? []
    invitedBy = m?.invitedNow ?? []
    fatigueNow = m?.fatigue ?? []
    tiers = m?.tier ?? []
  }

  /// The offer variant a customer was made (nil: the arm's plain offer).
  @inline(__always)
  func offer(of c: CustomerMonth, _ p: Purchase) -> OfferVariant? {
    guard p.offer >= 0 else { return nil }
    return c.route == .targeting
      ? targetingTables.unsafelyUnwrapped.offers[p.offer]
      : marketing.variants[p.offer]
  }

  /// Each arm's terms, APR and split constant this month: the APR cap, once in force, reprices
  /// the arms above it.
  private static func cappedTerms(period: Int, tables t: EngineTables) -> (
    Bool, [PlanTerms], [Double], [Double]
  ) {
    let capped = t.macro.map { $0.path.aprCap[period] != nil } ?? false
    let applies = (0..<t.armCount).map {
      capped && t.macro?.capApplies[$0] == true
    }
    let terms = (0..<t.armCount).map {
      applies[$0] ? t.macro?.cappedTerms[$0] ?? t.terms[$0] : t.terms[$0]
    }
    let rate = (0..<t.armCount).map {
      applies[$0] ? t.macro?.cappedRate[$0] ?? t.armRate[$0] : t.armRate[$0]
    }
    let constant = (0..<t.armCount).map {
      applies[$0]
        ? t.macro?.cappedConstant[$0] ?? t.armSplitConstant[$0]
        : t.armSplitConstant[$0]
    }
    return (capped, terms, rate, constant)
  }
}
