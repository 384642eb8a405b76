import FenqiModels

/// The lender's decision stack as a scenario sets it up (`riskStack` in the scenario file).
///
/// Money in yuan, time in months, rates as fractions.
public struct RiskStackSettings: Sendable, Equatable {
  /// Customers in the burn-in "historical book" the first models are trained on.
  public var burnInCustomers = 30_000
  /// Months of burn-in lending under the first arm's approval rule.
  public var burnInMonths = 12
  /// The outcome window: a loan is "bad" if its borrower goes 90+ days past due within this
  /// many months of booking (the PD's horizon and the label's maturity lag).
  public var outcomeMonths = 6
  /// Fraudsters and the screen.
  public var fraud = FraudSettings()
  /// The PD model's kind.
  public var pdModel = ScoringModel.Kind.gbdt
  /// The propensity model's kind.
  public var propensityModel = ScoringModel.Kind.gbdt
  /// Hyper-parameters of both models' first fit.
  public var modelParameters: GBDTParameters = {
    var p = GBDTParameters()
    p.trees = 40
    p.maxLeaves = 15
    p.maxDepth = 5
    p.learningRate = 0.15
    p.minDataInLeaf = 50
    p.threads = 1
    return p
  }()
  /// Risk-based pricing.
  public var pricing = RiskBasedPricing(
    operatingCost: 0.04, margin: 0.04, competitorRate: 0.18,
    competitorWeight: 0.3, aprCap: 0.24, lossGivenDefault: 0.6,
    pdHorizonMonths: 6, declineAboveCap: true)
  /// How customers take an offered price: P(accept) = σ(intercept − slope × sensitivity × APR),
  /// sensitivity the customer's own price sensitivity in [0, 1].
  public var acceptanceIntercept = 3.0
  /// See ``acceptanceIntercept``.
  public var acceptanceSlope = 12.0
  /// Credit lines by AHP; nil: no line limit.
  public var creditLines: CreditLinePolicy? = nil
  /// Confidence levels of the threshold calibration.
  public var confidence = [0.95, 0.99]
  /// Monte-Carlo draws of the systematic factor per calibration.
  public var calibrationDraws = 1000
  /// Asset correlation ρ of the calibration.
  public var assetCorrelation = 0.12
  /// Months between re-trainings (0: never).
  public var retrainEveryMonths = 3
  /// Trees added per re-training.
  public var retrainTrees = 10
  /// Share of declines whose reasons go to `decisions.csv`.
  public var explainDeclineShare = 0.02
  /// Share of approvals whose reasons go to `decisions.csv`.
  public var explainApprovalShare = 0.002
  /// Reasons per explained decision.
  public var reasonCount = 3
  /// Drift monitoring: PSI and CSI thresholds and the action on an `act` alarm.
  public var drift = DriftSettings()
  /// Reject inference when the PD model is re-trained.
  public var rejectInference = RejectInference()

  /// Default settings.
  public init() {}
}

/// The fraudsters in the population and the screen that looks for them.
public struct FraudSettings: Sendable, Equatable {
  /// Share of customers who are fraudsters.
  public var share = 0.004
  /// Share of fraudsters working in rings that share devices.
  public var ringShare = 0.5
  /// Applicants per ring device.
  public var ringSize = 6.0
  /// A fraudster's chance of applying in a month.
  public var applyRate = 0.5
  /// How much more than an ordinary purchase a fraudster asks for.
  public var amountMultiplier = 3.0
  /// The screen's rules.
  public var rules = FraudScreen.Rules(
    maxApplications3m: 4, maxExternalApplications: 6, maxDeviceApplicants: 3)
  /// Anomaly scores at or above this are declined.
  public var anomalyThreshold = 0.62
  /// Trees in the isolation forest.
  public var forestTrees = 100

  /// Default settings.
  public init() {}
}

/// How one arm decides (`risk` in an arm).
public struct ArmRiskPolicy: Sendable, Equatable {
  /// What approves an application.
  public enum Decision: String, Sendable, Equatable, CaseIterable {
    /// Fraud screen, PD threshold, line and price.
    case model
    /// The foundation's score and debt rules, no PD model (also the outage fallback).
    case rule
    /// Approve everyone the fraud screen passes (the PD model off).
    case approveAll
  }

  /// What approves an application.
  public var decision = Decision.model
  /// The most acceptable loss rate at each of the stack's confidence levels; nil: use
  /// ``fixedThreshold``.
  public var riskAppetite: [Double]? = [0.06, 0.09]
  /// A fixed PD threshold when no appetite is given.
  public var fixedThreshold = 0.1
  /// Whether the fraud screen runs.
  public var fraudScreen = true
  /// Whether the price is risk-based (else the arm's offer rate).
  public var riskBasedPricing = true
  /// Injected operational failures.
  public var operational = OperationalRisk()

  /// Default policy.
  public init() {}
}

/// Operational failures a scenario can inject into an arm, each priced in the arm's outcomes.
public struct OperationalRisk: Sendable, Equatable {
  /// Share of applications whose income was mis-keyed.
  public var incomeErrorShare = 0.0
  /// The mis-keyed income is the true one times this (a slipped digit: 10).
  public var incomeErrorFactor = 10.0
  /// Months (1-based, inclusive) with a mis-configured threshold.
  public var misconfiguredMonths: ClosedRange<Int>? = nil
  /// The threshold in force during ``misconfiguredMonths``.
  public var misconfiguredThreshold = 0.9
  /// Months (inclusive) the PD model is down and the rule decides.
  public var outageMonths: ClosedRange<Int>? = nil

  /// No failures.
  public init() {}
}
