import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// The scenario resolved into flat lookup tables, built once per run and shared read-only by every
/// chunk: nothing in the per-customer loop looks up a dictionary or a string.
final class EngineTables: Sendable {
  let seed: UInt64
  let periods: Int
  /// The planning window: later periods are run-off months (no contacts, no new loans).
  let window: Int
  let armCount: Int
  // per segment
  let needRate: [Double]
  let priceMu: [Double]
  let priceSigma: [Double]
  let splitOffset: [Double]
  let missOffset: [Double]
  let rollOffset: [Double]
  let cure: [Double]
  let prepayment: [Double]
  /// Partial prepayments: their share of prepayments and the share of principal they repay.
  let partialPrepaymentShare: Double
  let partialPrepaymentFraction: Double
  /// How the prepayment rate responds to the cost of settling early (see ``RepaymentSettings``).
  let prepaymentCostElasticity: Double
  /// Per arm: its funding partner (nil: the platform funds every loan).
  let coLending: [CoLending?]
  /// Per arm: the platform's share of credit losses and recoveries (empty without co-lending).
  let platformLossShare: [Double]
  /// How cure and roll depend on the delinquency bucket.
  let buckets: BucketTransitions
  /// Per arm: the collections effort (empty when no arm has one).
  let collections: [CollectionsEffort]
  let priceElasticity: [Double]
  let needHeterogeneity: [Double]
  let incomeReference: [Double]
  // per arm
  let reach: [Double]
  let terms: [PlanTerms]
  let armSplitConstant: [Double]
  let armRate: [Double]
  let minimumScore: [Double]
  let maxOpenLoans: [Int]
  let maxDebtToIncome: [Double]
  let allocationCumulative: [Double]
  let saltHash: UInt64
  // model coefficients
  let split: SplitUtility
  let payInFull: PayInFullUtility?
  let hazard: RepaymentHazard
  let chargeOffMonths: UInt8
  let seasonality: [Double]
  let startMonth: Int
  let systematicFactor: Double
  // experiment tracking
  let tracking: Bool
  let metrics: [OutcomeMetric]
  let snapshotEveryPeriod: Bool
  let prePeriods: Int
  let forcedArm: UInt8?
  /// Customers per community under cluster randomisation (0: customers are the unit).
  let clusterSize: Int
  let costPerContact: [Double]
  let monthlyFunding: Double
  let recoveryRate: Double
  /// The regulatory APR cap, nominal annual (infinity without one).
  let aprCap: Double
  /// Loans the run samples for its loan tape (0: no tape).
  let tapeLoans: Int
  let recoveryLag: Int
  /// Channels, campaigns and promotions, flattened.
  let marketing: MarketingTables
  /// The macro path, correlations and shocks (nil without a macro path).
  let macro: MacroTables?
  /// The random part of the systematic factor per period on a stress path (nil: the mean path).
  let factorNoise: [Double]?
  /// Whether to compute expected credit loss at each period end (macro runs on the mean path).
  let computesProvisions: Bool
  /// The seed of the repayment draws: the scenario's, or on stress path p a seed of its own,
  /// so that each path is a different world (idiosyncratic defaults independent across paths).
  let repaymentSeed: UInt64
  /// The lender's decision stack (nil: the foundation's approval rules).
  let risk: RiskTables?
  /// Targeting policies' offers and pilot (nil: no targeting arm).
  let targeting: TargetingTables?
  /// Categories, merchants, firms and lines (nil: no `business`).
  let business: BusinessTables?

  init(
    _ s: Scenario, forcedArm: Int? = nil, factorNoise: [Double]? = nil,
    stressPath: Int? = nil, burnIn: Bool = false, tapeLoans: Int = 0
  ) {
    self.factorNoise = factorNoise
    self.tapeLoans = tapeLoans
    repaymentSeed =
      stressPath.map {
        s.seed ^ Mixing.mix64(UInt64($0 + 1) &* 0x9E37_79B9_7F4A_7C15)
      }
      ?? s.seed
    computesProvisions = s.macro != nil && factorNoise == nil
    tracking = s.experiment != nil
    metrics = s.experiment?.metrics.map(\.metric) ?? []
    snapshotEveryPeriod = s.experiment?.sequentialRelativeEffect != nil
    prePeriods = s.experiment?.prePeriods ?? 0
    self.forcedArm = forcedArm.map(UInt8.init)
    clusterSize = s.experiment?.clusterSize ?? 0
    costPerContact = s.arms.map(\.costPerContact)
    monthlyFunding = s.economics.annualFundingRate / 12
    recoveryRate = 1 - s.repayment.lossGivenDefault
    aprCap = s.economics.aprCap ?? .infinity
    recoveryLag = s.repayment.recoveryLagMonths
    seed = s.seed
    periods = s.periods
    window = s.window
    armCount = s.arms.count
    needRate = s.behaviours.map(\.needRate)
    priceMu = s.behaviours.map { log($0.priceMedian) }
    priceSigma = s.behaviours.map(\.priceSigma)
    splitOffset = s.behaviours.map(\.splitOffset)
    missOffset = s.behaviours.map(\.missOffset)
    rollOffset = s.behaviours.map(\.rollOffset)
    cure = s.behaviours.map(\.cureProbability)
    prepayment = s.behaviours.map(\.prepaymentRate)
    partialPrepaymentShare = s.repayment.partialPrepaymentShare
    partialPrepaymentFraction = s.repayment.partialPrepaymentFraction
    prepaymentCostElasticity = s.repayment.prepaymentCostElasticity
    coLending = s.arms.map(\.coLending)
    buckets = s.repayment.buckets
    let efforts = s.arms.map { $0.collections ?? s.repayment.collections }
    collections = efforts.allSatisfy(\.isNone) ? [] : efforts
    platformLossShare =
      s.usesCoLending ? s.arms.map { $0.coLending?.platformLossShare ?? 1 } : []
    priceElasticity = s.behaviours.map(\.priceIncomeElasticity)
    needHeterogeneity = s.behaviours.map(\.needHeterogeneity)
    incomeReference = s.population.segments.map { segment in
      if case .logNormal(let median, _) = segment.marginals[
        CustomerAttribute.monthlyIncome.rawValue
      ].kind {
        return median
      }
      return 8000
    }
    reach = s.arms.map(\.reachRate)
    terms = s.arms.map { Amortization.terms(of: $0.offer) }
    armRate = s.arms.map { EffectiveRate.of($0.offer)?.nominalAnnualRate ?? 0 }
    armSplitConstant = zip(s.arms, armRate).map { arm, rate in
      s.choice.split.intercept + s.choice.split.annualRate * rate
        + s.choice.split.interestFreePeriods
        * Double(arm.offer.interestFreePeriods)
    }
    minimumScore = s.arms.map(\.approval.minimumCreditScore)
    maxOpenLoans = s.arms.map(\.approval.maxOpenLoans)
    maxDebtToIncome = s.arms.map { $0.approval.maxDebtToIncome ?? .infinity }
    var running = 0.0
    allocationCumulative = s.arms.map {
      running += $0.allocation
      return running
    }
    saltHash = Mixing.hash(s.assignmentSalt)
    split = s.choice.split
    payInFull = s.choice.payInFull
    hazard = s.repayment.hazard
    chargeOffMonths = DelinquencyStateMachine.chargeOffMonths(
      daysPastDue: s.repayment.chargeOffDaysPastDue)
    seasonality = s.seasonality
    startMonth = s.startMonth
    systematicFactor = s.systematicFactor
    let base = (terms: terms, rate: armRate, constant: armSplitConstant)
    marketing = MarketingTables(s, base: base)
    let macroTables = s.macro.map { MacroTables(s, macro: $0, base: base) }
    macro = macroTables
    risk = s.riskStack.map {
      RiskTables(s, settings: $0, macro: macroTables, recording: burnIn)
    }
    targeting = s.targeting.map { TargetingTables(s, settings: $0) }
    business = s.business.map { BusinessTables(s, settings: $0) }
  }

  /// The price of a need for a segment given the customer's income and a standard normal draw:
  /// log-normal around the segment's median, scaled by (income ÷ reference)^ε.
  @inline(__always)
  func price(segment seg: Int, income: Double, normal z: Double) -> Double {
    exp(
      priceMu[seg] + priceSigma[seg] * z
        + incomeScale(segment: seg, income: income))
  }

  /// The log price scale of a customer's income: ε × log(income ÷ the segment's reference).
  @inline(__always)
  func incomeScale(segment seg: Int, income: Double) -> Double {
    let e = priceElasticity[seg]
    return e == 0 ? 0 : e * log(income / incomeReference[seg])
  }

  /// The calendar month index (0 = January) of a 1-based period.
  func calendarMonth(period: Int) -> Int { (startMonth - 1 + period - 1) % 12 }

  /// The need probability per segment in a period.
  func needProbabilities(period: Int) -> [Double] {
    var m = seasonality[calendarMonth(period: period)]
    // Consumer confidence moves demand.
    if let macro { m *= macro.path.demand[period] }
    return needRate.map { min(1, $0 * m) }
  }

  /// The monthly funding rate of a period.
  func monthlyFunding(period: Int) -> Double {
    macro?.monthlyFunding[period] ?? monthlyFunding
  }

  /// The arm of a customer: a salted hash of (salt, customer) mapped onto cumulative allocations.
  func arm(ofCustomer index: Int) -> UInt8 {
    // Cluster randomisation hashes the community, so a community's customers share an arm.
    let index = clusterSize > 0 ? index / clusterSize : index
    let u =
      Double(
        Mixing.mix64(
          saltHash ^ Mixing.mix64(UInt64(index) &+ 0x2545_F491_4F6C_DD1D)) >> 11
      ) * 0x1p-53
    return UInt8(CumulativeWeights.index(in: allocationCumulative, above: u))
  }

  /// A segment's monthly prepayment rate on a plan: the segment's rate, lowered by what settling
  /// early costs — × exp(−elasticity × cost per yuan settled) (a constant-elasticity response,
  /// an assumption to calibrate against a book's prepayment curve).
  @inline(__always)
  func prepaymentRate(segment seg: Int, terms: PlanTerms) -> Double {
    let cost = terms.fees.settlementCostPerYuan
    guard cost > 0 else { return prepayment[seg] }
    return prepayment[seg] * exp(-prepaymentCostElasticity * cost)
  }

  /// Per arm: what carrying a yuan of balance costs the platform in `period`, a monthly
  /// fraction — its funding rate on its own share, plus the partner's yield less any guarantee
  /// fee on the partner's share (co-lending only; see ``CoLending``).
  func monthlyCarryingCost(period: Int) -> [Double] {
    let funding = monthlyFunding(period: period)
    return coLending.map { c in
      guard let c else { return funding }
      return (1 - c.partnerShare) * funding
        + c.partnerShare * (c.partnerRate - c.guaranteeFeeRate) / 12
    }
  }
}
