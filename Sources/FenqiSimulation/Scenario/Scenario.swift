import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiPopulation
import FenqiRisk

/// A complete, validated simulation scenario.
///
/// Build one with ``ScenarioLoader``; every field has
/// been range-checked there.
public struct Scenario: Sendable {
  /// The scenario's name (used for the default result folder).
  public var name: String
  /// A free-text description.
  public var description: String
  /// The seed of every random stream.
  public var seed: UInt64
  /// Simulated months: the planning window, then any run-off months (see ``window``).
  public var periods: Int
  /// Months simulated after the planning window with marketing off and no new loans, the
  /// lender still collecting (0: none; see ``Horizon``).
  public var runOffMonths = 0
  /// The run-off and the discount rate (nil: no `horizon` block).
  public var horizon: Horizon? = nil
  /// The calendar month (1–12) of period 1.
  public var startMonth: Int
  /// The synthetic population.
  public var population: PopulationSpec
  /// Behaviour per segment, parallel to `population.segments`.
  public var behaviours: [SegmentBehaviour]
  /// Whether each segment is hidden from the lender's reports (fraudsters, say).
  public var hiddenSegments: [Bool]
  /// Need-rate multiplier per calendar month (index 0 = January).
  public var seasonality: [Double]
  /// The customer's choice between splitting, paying in full and walking away.
  public var choice: ChoiceModel
  /// Repayment behaviour and loss policy.
  public var repayment: RepaymentSettings
  /// The systematic macro factor Z (constant over the run for now).
  public var systematicFactor: Double
  /// Lender economics.
  public var economics: Economics
  /// The salt of the hash that assigns customers to arms.
  public var assignmentSalt: String
  /// The strategies compared; at least one.
  public var arms: [Arm]
  /// The experiment, when the scenario declares one.
  public var experiment: ExperimentSpec? = nil
  /// The marketing channels arms may use.
  public var channels: [Channel] = []
  /// Contact fatigue, opt-outs and complaints.
  public var fatigue = FatigueModel()
  /// Shopping festivals.
  public var calendar = FestivalCalendar()
  /// The social graph referrals travel on.
  public var socialGraph = SocialGraph.Settings()
  /// Macro path, shocks and correlated defaults; nil: the constant `systematicFactor` only.
  public var macro: MacroScenario? = nil
  /// The lender's decision stack (nil: the foundation's approval rules).
  public var riskStack: RiskStackSettings? = nil
  /// Offers and the pilot for targeting policies (nil: none).
  public var targeting: TargetingSettings? = nil
  /// Merchant categories, merchants, firms and customer value (nil: the segment's own prices).
  public var business: BusinessSettings? = nil
  /// A seasoned starting book grown by a burn-in (nil: the run starts from an empty book).
  public var seasoning: Seasoning? = nil
  /// The sample the population's attributes are drawn from (`population.fromSample`; nil: every
  /// attribute from the segments' margins).
  public var populationSample: PopulationSample? = nil

  /// Whether any arm contacts through the scenario's channels (targeting offers may name a
  /// channel for its cost and response, without the channel machinery).
  public var usesChannels: Bool {
    !channels.isEmpty && arms.contains { $0.marketing != nil }
  }

  /// Every offer the scenario can make: each arm's own, its campaign's, tier privilege's and
  /// segment strategies', and the targeting offers.
  public var offers: [InstalmentProduct] {
    arms.flatMap { arm -> [InstalmentProduct] in
      let m = arm.marketing
      return [arm.offer]
        + [m?.campaignOffer, m?.tierPrivilege?.offer].compactMap { $0 }
        + (m?.segmentStrategies.compactMap(\.offer) ?? [])
    } + (targeting?.offers.map(\.product) ?? [])
  }

  /// Whether any offer charges fees (an upfront fee, a late fee, penalty interest or a cost of
  /// settling early) or prepayments can be partial, which adds the fee columns to the run's
  /// tables.
  public var usesFees: Bool {
    offers.contains { !$0.fees.isEmpty } || repayment.partialPrepaymentShare > 0
  }

  /// Whether collections work delinquent loans at a cost or change their cure and roll, which
  /// adds the collections columns to the run's tables.
  public var usesCollections: Bool {
    !repayment.collections.isNone || arms.contains { $0.collections != nil }
  }

  /// Whether any arm shares its loans with a funding partner.
  public var usesCoLending: Bool { arms.contains { $0.coLending != nil } }

  /// Whether any arm runs a referral programme (which needs the social graph).
  public var usesReferrals: Bool {
    arms.contains { $0.marketing?.referral != nil }
  }
}

/// How a segment behaves; rates are monthly fractions, money in yuan.
public struct SegmentBehaviour: Sendable, Equatable {
  /// Probability of a purchase need per month (before seasonality).
  public var needRate: Double
  /// Median purchase price, yuan.
  public var priceMedian: Double
  /// Log-scale spread of the price (log-normal σ).
  public var priceSigma: Double
  /// Added to the split utility.
  public var splitOffset: Double
  /// Added to the miss logit.
  public var missOffset: Double
  /// Added to the roll logit.
  public var rollOffset: Double
  /// Probability a delinquent loan cures per month.
  public var cureProbability: Double
  /// Probability a current loan is prepaid per month.
  public var prepaymentRate: Double
  /// How purchase prices scale with income: price ∝ (income ÷ the segment's median income)^ε
  /// (0: prices ignore income).
  public var priceIncomeElasticity: Double = 0
  /// Spread of customers' persistent need propensity: each customer's need rate is multiplied by
  /// exp(h·w − h²/2), w ~ N(0, 1) drawn once per customer (0: every customer of the segment alike).
  public var needHeterogeneity: Double = 0
}

/// A multinomial logit over {split, pay in full, walk away (utility 0)}.
public struct ChoiceModel: Sendable, Equatable {
  /// Coefficients of the split utility.
  public var split: SplitUtility
  /// Coefficients of the pay-in-full utility; nil when paying in full is not an option.
  public var payInFull: PayInFullUtility?
}

/// The coefficients of the split utility.
///
/// U_split = intercept + priceToIncome·price/income + instalmentToIncome·instalment/income
/// + annualRate·APR + interestFreePeriods·k + digitalAffinity·d + priceSensitivityRate·s·APR + segment offset.
public struct SplitUtility: Sendable, Equatable {
  /// The constant term.
  public var intercept: Double
  /// Per unit of price ÷ monthly income.
  public var priceToIncome: Double
  /// Per unit of instalment ÷ monthly income.
  public var instalmentToIncome: Double
  /// Per unit of the plan's nominal APR (IRR-based), a fraction.
  public var annualRate: Double
  /// Per interest-free period.
  public var interestFreePeriods: Double
  /// Per unit of the customer's digital affinity.
  public var digitalAffinity: Double
  /// Per unit of price sensitivity × APR.
  public var priceSensitivityRate: Double
}

/// The coefficients of the pay-in-full utility.
///
/// U_full = intercept + priceToIncome·price/income.
public struct PayInFullUtility: Sendable, Equatable {
  /// The constant term.
  public var intercept: Double
  /// Per unit of price ÷ monthly income.
  public var priceToIncome: Double
}

/// Repayment hazards and loss policy.
public struct RepaymentSettings: Sendable, Equatable {
  /// The logistic miss and roll hazards.
  public var hazard: RepaymentHazard
  /// Days past due at which a loan is charged off (90, 120, 150 or 180).
  public var chargeOffDaysPastDue: Int
  /// Loss given default: the fraction of charged-off principal never recovered.
  public var lossGivenDefault: Double
  /// Months between charge-off and recovery.
  public var recoveryLagMonths: Int
  /// The share of prepayments that repay only part of the principal, a fraction.
  public var partialPrepaymentShare = 0.0
  /// The share of the principal a partial prepayment repays, a fraction.
  public var partialPrepaymentFraction = 0.5
  /// How prepayment responds to what settling early costs: the monthly prepayment rate is
  /// multiplied by exp(−elasticity × cost per yuan settled).
  public var prepaymentCostElasticity = 40.0
  /// How cure and roll change with the delinquency bucket (`roll.byBucket`, `cure.byBucket`).
  public var buckets = BucketTransitions.flat
  /// The collections effort on every arm's delinquent loans unless the arm sets its own.
  public var collections = CollectionsEffort.none
}

/// Lender economics.
public struct Economics: Sendable, Equatable {
  /// Cost of funds, annual fraction of the outstanding balance.
  public var annualFundingRate: Double
  /// The regulatory APR cap, a fraction: every offer's true APR — the IRR over every
  /// contractual payment, its upfront fee included — must stay at or below it (nil: no cap).
  public var aprCap: Double? = nil
}

/// The rule that approves or declines an application.
public struct ApprovalRule: Sendable, Equatable {
  /// Applications with a bureau score below this are declined.
  public var minimumCreditScore: Double
  /// Applicants with this many open loans or more are declined.
  public var maxOpenLoans: Int
  /// Declined when existing debt-to-income plus the new instalment ÷ income exceeds this.
  public var maxDebtToIncome: Double?
}

/// Co-lending: a funding partner (a bank) funds a share of each of the arm's loans.
///
/// The partner earns its own rate on its share of the outstanding balance, paid out of the
/// borrowers' interest; the platform keeps the rest of the interest and every fee, and funds only
/// its own share. With the platform's guarantee the platform bears every loss and the partner
/// pays it a guarantee (credit-enhancement) fee on its share; without, the partner bears its
/// share of charge-offs, disputes and recoveries. Every P&L figure is the platform's.
public struct CoLending: Sendable, Equatable {
  /// The share of each loan's principal the partner funds, a fraction.
  public var partnerShare: Double
  /// The partner's yield on its share of the balance, annual fraction.
  public var partnerRate: Double
  /// Whether the platform guarantees the partner's share (bears its losses).
  public var guaranteed: Bool
  /// The guarantee fee the partner pays the platform on its share, annual fraction (0 without
  /// the guarantee).
  public var guaranteeFeeRate: Double

  /// Creates a co-lending arrangement.
  public init(
    partnerShare: Double, partnerRate: Double, guaranteed: Bool,
    guaranteeFeeRate: Double = 0
  ) {
    self.partnerShare = partnerShare
    self.partnerRate = partnerRate
    self.guaranteed = guaranteed
    self.guaranteeFeeRate = guaranteed ? guaranteeFeeRate : 0
  }

  /// The platform's share of credit losses and recoveries: all with the guarantee, its funding
  /// share without.
  public var platformLossShare: Double { guaranteed ? 1 : 1 - partnerShare }
}

/// How an arm reaches its customers: exactly one way.
public enum ArmContact: Sendable, Equatable {
  /// One generic channel: each customer is contacted with probability ``Arm/reachRate`` a month
  /// at ``Arm/costPerContact`` yuan.
  case generic
  /// The scenario's channels, with the arm's campaign, promotions, points and segment strategies.
  case channels(ArmMarketing)
  /// A targeting policy that chooses whom to contact and with which offer.
  case targeting(ArmTargeting)
}

/// One strategy of the experiment.
public struct Arm: Sendable, Equatable {
  /// The arm's name.
  public var name: String
  /// The share of customers assigned to it; shares sum to 1.
  public var allocation: Double
  /// The probability a customer is contacted with the offer in a month (the generic channel; 0
  /// for an arm with channels or a targeting policy).
  public var reachRate: Double
  /// Marketing cost per contact, yuan.
  public var costPerContact: Double
  /// The instalment plan offered.
  public var offer: InstalmentProduct
  /// The approval rule used for this arm's applicants.
  public var approval: ApprovalRule
  /// How the arm reaches customers: the generic channel, the scenario's channels or a targeting
  /// policy.
  public var contact: ArmContact = .generic
  /// How the arm decides under a risk stack (nil: the default policy).
  public var risk: ArmRiskPolicy? = nil
  /// Dynamic credit lines (nil: no line limits purchases).
  public var lines: LineManagement? = nil
  /// Recourse with merchants on disputed balances (nil: none, the lender bears them).
  public var recourse: RecourseTerms? = nil
  /// A funding partner's share of the arm's loans (nil: the platform funds them all).
  public var coLending: CoLending? = nil
  /// The arm's own collections effort (nil: the scenario's `repayment.collections`).
  public var collections: CollectionsEffort? = nil
}

extension Arm {
  /// Channels, campaign, promotions and segment strategies when the arm reaches customers through
  /// channels; nil otherwise.
  ///
  /// Setting a value makes the arm reach customers through channels (replacing any targeting
  /// policy); setting nil returns a channel arm to the generic channel.
  public var marketing: ArmMarketing? {
    get {
      if case .channels(let m) = contact { return m }
      return nil
    }
    set {
      if let newValue {
        contact = .channels(newValue)
      } else if case .channels = contact {
        contact = .generic
      }
    }
  }

  /// Whom the arm contacts and with which offer when a targeting policy decides; nil otherwise.
  ///
  /// Setting a value makes the arm's contact that policy (replacing any channels); setting nil
  /// returns a targeting arm to the generic channel.
  public var targeting: ArmTargeting? {
    get {
      if case .targeting(let t) = contact { return t }
      return nil
    }
    set {
      if let newValue {
        contact = .targeting(newValue)
      } else if case .targeting = contact {
        contact = .generic
      }
    }
  }
}
