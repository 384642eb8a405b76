import FenqiCredit
import FenqiModels

/// The offers and pilot that targeting policies share (`targeting` in a scenario).
///
/// Rates as fractions, money in yuan, time in months.
public struct TargetingSettings: Sendable, Equatable {
  /// The offers a policy can make.
  public var offers: [TargetingOffer]
  /// Months of randomised pilot before the policies take over; the last one is held out to
  /// evaluate the models trained on the others.
  public var pilotMonths = 3
  /// The pilot's contact probability (each contact's offer is drawn uniformly).
  public var pilotContactShare = 0.5
  /// Added to the split utility of a customer nobody contacted (organic demand for the
  /// default offer); without it no one splits uncontacted.
  public var organicSplitOffset = -3.5
  /// Added per unit of digital affinity to an uncontacted customer's split utility: app-savvy
  /// customers find the product without being asked (the "sure things").
  public var organicDigitalAffinity = 3.5
  /// Disjoint parts of the evaluation month's log, each an independent replicate of the
  /// off-policy estimates (their coverage is reported).
  public var evaluationParts = 20

  /// Settings with these offers.
  public init(offers: [TargetingOffer]) { self.offers = offers }
}

/// One offer a targeting policy can make.
public struct TargetingOffer: Sendable, Equatable {
  /// Its name.
  public var name: String
  /// The product.
  public var product: InstalmentProduct
  /// The share taken off the purchase price, a fraction.
  public var discount: Double
  /// The channel the offer goes out on (index into the scenario's channels): its cost per
  /// contact and its response multiplier (with segment affinity) apply; nil: the arm's
  /// `costPerContact` and no channel effect.
  public var channel: Int? = nil

  /// Creates an offer.
  public init(name: String, product: InstalmentProduct, discount: Double) {
    self.name = name
    self.product = product
    self.discount = discount
  }
}

/// How an arm chooses whom to contact, and with which offer (`targeting` in an arm).
public struct ArmTargeting: Sendable, Equatable {
  /// The policy families.
  public enum Policy: String, Sendable, Equatable, CaseIterable {
    /// Random customers, the first offer.
    case random
    /// Random customers of the segments in ``ArmTargeting/ruleOffers``, each segment's offer.
    case rule
    /// The likeliest to book when contacted (the propensity model), the first offer.
    case propensity
    /// The most changed by contact (the uplift model), the first offer.
    case uplift
    /// Random customers, the offer by Thompson sampling per city tier.
    case bandit
    /// The best weighted reward over offers, contacting only where it is positive.
    case multiObjective
  }

  /// The weights of the multi-objective reward (per incremental booking).
  public struct Weights: Sendable, Equatable {
    /// Per booking.
    public var conversion = 1.0
    /// Per thousand yuan of expected interest repaid.
    public var repayment = 1.0
    /// Per thousand yuan of order value.
    public var orderValue = 0.2
    /// Per thousand yuan of expected loss (subtracted).
    public var loss = 1.0
    /// Per thousand yuan of contact cost (subtracted once per contact, not per booking).
    public var cost = 1.0

    /// Default weights.
    public init() {}
  }

  /// The policy.
  public var policy: Policy
  /// Contacts a month as a share of the arm's customers.
  public var budget: Double
  /// The uplift meta-learner.
  public var learner = UpliftModel.Learner.t
  /// For the rule policy: segment index → offer index.
  public var ruleOffers: [Int: Int] = [:]
  /// The multi-objective weights.
  public var weights = Weights()

  /// Creates a policy.
  public init(policy: Policy, budget: Double) {
    self.policy = policy
    self.budget = budget
  }
}
