/// Every random stream Fenqi draws from, and every counter position on the streams that several
/// features share, named in one place.
///
/// A draw is addressed by (seed, entity, period, ``Purpose``) and a counter. Two features that used
/// the same purpose and counter would draw the same number — silently correlated, as complaints
/// and lottery wins once were. So purposes are listed here with append-only raw values, and the
/// shared customer-month stream (``Purpose/customerMonth``) gives each feature a named range of
/// counters, sized for the largest scenario the validator accepts (``maxChannels``). A test
/// checks that no two purposes share a raw value and no two ranges overlap.
public enum StreamRegistry {
  /// The most channels a scenario may define; per-channel counter ranges are this long.
  public static let maxChannels = 15

  /// A named purpose.
  public struct Stream: Sendable, Equatable {
    /// What it draws.
    public var name: String
    /// Its purpose.
    public var purpose: Purpose
  }

  /// A named range of counters on the customer-month stream.
  public struct Positions: Sendable, Equatable {
    /// What it draws.
    public var name: String
    /// Its counters.
    public var counters: Range<UInt64>
  }

  /// Every purpose in use.
  public static let streams: [Stream] = [
    .init(name: "population segment", purpose: .populationSegment),
    .init(name: "population attributes", purpose: .populationAttributes),
    .init(name: "firm profile", purpose: .firmProfile),
    .init(name: "customer month", purpose: .customerMonth),
    .init(name: "arm assignment", purpose: .armAssignment),
    .init(name: "pre-experiment spend", purpose: .preExperimentSpend),
    .init(name: "stratified block", purpose: .stratifiedBlock),
    .init(name: "need propensity", purpose: .needPropensity),
    .init(name: "repayment", purpose: .repayment),
    .init(name: "dispute", purpose: .dispute),
    .init(name: "graph communities", purpose: .graphCommunities),
    .init(name: "graph weights", purpose: .graphWeights),
    .init(name: "graph edges", purpose: .graphEdges),
    .init(name: "graph bridges", purpose: .graphBridges),
    .init(name: "referral invite", purpose: .referralInvite),
    .init(name: "loan sector", purpose: .loanSector),
    .init(name: "stress path", purpose: .stressPath),
    .init(name: "stress factor", purpose: .stressFactor),
    .init(name: "merchant failure", purpose: .merchantFailure),
    .init(name: "loan tape sample", purpose: .loanTapeSample),
    .init(name: "threshold calibration", purpose: .thresholdCalibration),
    .init(name: "fraud identity", purpose: .fraudIdentity),
    .init(name: "targeting bandit", purpose: .targetingBandit),
    .init(name: "reject inference", purpose: .rejectInference),
    .init(name: "model row sample", purpose: .modelRowSample),
    .init(name: "model feature sample", purpose: .modelFeatureSample),
    .init(name: "model weight init", purpose: .modelWeightInit),
    .init(name: "model shuffle", purpose: .modelShuffle),
    .init(name: "model validation split", purpose: .modelValidationSplit),
    .init(name: "synthetic row", purpose: .syntheticRow),
    .init(name: "population sample", purpose: .populationSample),
    .init(name: "bootstrap", purpose: .bootstrap),
    .init(name: "loan-tape bootstrap", purpose: .tapeBootstrap),
    .init(name: "calibration design", purpose: .calibrationDesign),
    .init(name: "calibration bootstrap", purpose: .calibrationBootstrap),
    .init(name: "optimizer sample", purpose: .optimizerSample),
    .init(name: "optimizer random search", purpose: .optimizerRandomSearch),
  ]

  /// Every counter range of the customer-month stream.
  public static let customerMonthPositions: [Positions] = [
    .init(name: "need", counters: CustomerMonthDraw.need..<1),
    .init(name: "reach", counters: CustomerMonthDraw.reach..<2),
    .init(name: "price", counters: CustomerMonthDraw.price..<3),
    .init(name: "choice", counters: CustomerMonthDraw.choice..<4),
    perChannel("channel targeting", CustomerMonthDraw.channelTargeting),
    perChannel("channel opt-out", CustomerMonthDraw.channelOptOut),
    perChannel("channel priority", CustomerMonthDraw.channelPriority),
    perChannel("channel complaint", CustomerMonthDraw.channelComplaint),
    single("lottery", CustomerMonthDraw.lottery),
    single("guarantor", CustomerMonthDraw.guarantor),
    single("fraudster applies", CustomerMonthDraw.fraudsterApplies),
    single("income typo", CustomerMonthDraw.incomeTypo),
    single("external applications", CustomerMonthDraw.externalApplications),
    single("decision sampled", CustomerMonthDraw.decisionSampled),
    single("price accepted", CustomerMonthDraw.priceAccepted),
    single("propensity row", CustomerMonthDraw.propensityRow),
    single("pilot contact", CustomerMonthDraw.pilotContact),
    single("pilot offer", CustomerMonthDraw.pilotOffer),
    single("targeting priority", CustomerMonthDraw.targetingPriority),
    single("bureau event", CustomerMonthDraw.bureauEvent),
    single("category", CustomerMonthDraw.category),
    single("merchant", CustomerMonthDraw.merchant),
    single("term", CustomerMonthDraw.term),
  ]

  private static func single(_ name: String, _ at: UInt64) -> Positions {
    Positions(name: name, counters: at..<(at + 1))
  }

  private static func perChannel(_ name: String, _ at: (Int) -> UInt64)
    -> Positions
  {
    Positions(name: name, counters: at(0)..<(at(maxChannels - 1) + 1))
  }
}

/// The counters of a customer's monthly draws on the ``Purpose/customerMonth`` stream.
///
/// Entity = customer, period = month. Channel `c` is 0-based, below
/// ``StreamRegistry/maxChannels``.
public enum CustomerMonthDraw {
  /// Whether the customer has a purchase need.
  public static let need: UInt64 = 0
  /// Whether the generic channel reaches them.
  public static let reach: UInt64 = 1
  /// The price of the need (normal quantile).
  public static let price: UInt64 = 2
  /// Split, pay in full or neither.
  public static let choice: UInt64 = 3
  /// Whether channel `c` targets them.
  @inline(__always)
  public static func channelTargeting(_ c: Int) -> UInt64 { 16 + UInt64(c) }
  /// Whether they opt out of channel `c` after a contact.
  @inline(__always)
  public static func channelOptOut(_ c: Int) -> UInt64 { 32 + UInt64(c) }
  /// Their random priority on channel `c` when capacity binds.
  @inline(__always)
  public static func channelPriority(_ c: Int) -> UInt64 { 48 + UInt64(c) }
  /// Whether an opt-out from channel `c` is a complaint.
  @inline(__always)
  public static func channelComplaint(_ c: Int) -> UInt64 { 80 + UInt64(c) }
  /// Whether a booking wins the lottery.
  public static let lottery: UInt64 = 69
  /// Whether a risky applicant finds a guarantor.
  public static let guarantor: UInt64 = 70
  /// Whether a fraudster applies this month.
  public static let fraudsterApplies: UInt64 = 63
  /// Whether the application's stated income has a typo.
  public static let incomeTypo: UInt64 = 64
  /// Applications made at other lenders (bureau).
  public static let externalApplications: UInt64 = 65
  /// Whether the decision is sampled for explanation.
  public static let decisionSampled: UInt64 = 66
  /// Whether the applicant accepts the risk-based price.
  public static let priceAccepted: UInt64 = 67
  /// Whether the month's propensity row is kept for training.
  public static let propensityRow: UInt64 = 68
  /// Whether the targeting pilot contacts them.
  public static let pilotContact: UInt64 = 72
  /// The pilot's offer.
  public static let pilotOffer: UInt64 = 73
  /// A random policy's priority.
  public static let targetingPriority: UInt64 = 74
  /// A bureau event (business layer).
  public static let bureauEvent: UInt64 = 75
  /// The need's merchant category.
  public static let category: UInt64 = 77
  /// The trading merchant the need goes to.
  public static let merchant: UInt64 = 78
  /// The category's typical term.
  public static let term: UInt64 = 79
}

extension Purpose {
  /// Drawing a customer's segment.
  public static let populationSegment = Purpose(rawValue: 1)
  /// Drawing a customer's attributes through the copula.
  public static let populationAttributes = Purpose(rawValue: 2)
  /// A firm's own attributes (period 0): sector (counter 0), employees (1), receivable days (2),
  /// years trading (3), amplitude jitter (4).
  public static let firmProfile = Purpose(rawValue: 3)
  /// A customer's monthly draws, at the counters ``CustomerMonthDraw`` names.
  public static let customerMonth = Purpose(rawValue: 10)
  /// Assignment of customers to arms (period 0).
  public static let armAssignment = Purpose(rawValue: 11)
  /// A customer's simulated pre-experiment spend, the CUPED covariate (period = pre-period month).
  public static let preExperimentSpend = Purpose(rawValue: 12)
  /// Permuting the arms within a stratified assignment block (entity = segment << 32 | block).
  public static let stratifiedBlock = Purpose(rawValue: 13)
  /// A customer's persistent need multiplier (period 0).
  public static let needPropensity = Purpose(rawValue: 14)
  /// The monthly repayment draw of a loan (counter 2·ordinal) and its prepayment draw
  /// (2·ordinal + 1).
  public static let repayment = Purpose(rawValue: 20)
  /// A borrower's choice to dispute a failed merchant's undelivered service (counter = the
  /// loan's booking ordinal).
  public static let dispute = Purpose(rawValue: 21)
  /// Community sizes of the social graph (entity = chunk).
  public static let graphCommunities = Purpose(rawValue: 30)
  /// Expected degrees of the social graph (entity = customer).
  public static let graphWeights = Purpose(rawValue: 31)
  /// Edges inside a community (entity = the lower customer, counter = offset of the other).
  public static let graphEdges = Purpose(rawValue: 32)
  /// Edges between communities (entity = customer).
  public static let graphBridges = Purpose(rawValue: 33)
  /// A referral invitation (entity = inviter, period = month, counter = neighbour offset).
  public static let referralInvite = Purpose(rawValue: 34)
  /// A loan's merchant category (counter 2·ordinal) and whether it stops paying when its
  /// category collapses (2·ordinal + 1); entity = customer, period 0.
  public static let loanSector = Purpose(rawValue: 40)
  /// The random part of the systematic factor on a stress path (entity = path, period = month).
  public static let stressPath = Purpose(rawValue: 41)
  /// The annual systematic factor of an unconditional stress path (entity = path, period = the
  /// year, counter 0; year 0's counters ≥ 1 are a test pool's idiosyncratic noise).
  public static let stressFactor = Purpose(rawValue: 44)
  /// A merchant's monthly failure draw (stream per merchant slot, counter 0).
  public static let merchantFailure = Purpose(rawValue: 42)
  /// A booked loan's key in the loan-tape sample (entity = customer, period 0, counter =
  /// booking ordinal); the loans with the smallest keys are sampled.
  public static let loanTapeSample = Purpose(rawValue: 43)
  /// Draws of the systematic factor in the Monte-Carlo threshold calibration (counter = draw).
  public static let thresholdCalibration = Purpose(rawValue: 70)
  /// A customer's fraud role and device (counter 0: fraudster?, 1: ring?, 2: shared family
  /// device).
  public static let fraudIdentity = Purpose(rawValue: 71)
  /// Thompson-sampling draws of the bandit policy (entity = customer).
  public static let targetingBandit = Purpose(rawValue: 72)
  /// A rejected applicant's inferred outcome when the PD model is re-trained with reject
  /// inference (entity = the reject's row, period = the re-training month, counter 0).
  public static let rejectInference = Purpose(rawValue: 78)
  /// Row sampling (bagging) of a boosting round; the period is the round.
  public static let modelRowSample = Purpose(rawValue: 100)
  /// Feature sampling of a boosting round; the period is the round.
  public static let modelFeatureSample = Purpose(rawValue: 101)
  /// Initial weights of a neural network; the entity is the weight.
  public static let modelWeightInit = Purpose(rawValue: 102)
  /// Mini-batch shuffling of a training epoch; the period is the epoch.
  public static let modelShuffle = Purpose(rawValue: 103)
  /// Assignment of rows to the training or validation set.
  public static let modelValidationSplit = Purpose(rawValue: 104)
  /// A synthetic row drawn from a fitted copula (entity = row, period 0): counter 0 picks the
  /// segment, the next counters the copula's normals; a row redrawn because it copied a sample row
  /// continues on the same stream.
  public static let syntheticRow = Purpose(rawValue: 110)
  /// A customer's row drawn from the scenario's `population.fromSample` copula (entity = customer,
  /// period 0), laid out as ``syntheticRow``; the next counter after the row is the latent-risk
  /// noise.
  public static let populationSample = Purpose(rawValue: 16)
  /// Bootstrap resampling (entity = replicate).
  public static let bootstrap = Purpose(rawValue: 900)
  /// The Poisson bootstrap of a loan tape's moments: a loan's weight in one replicate
  /// (entity = the loan's index on the tape, period = the replicate, counter 0).
  public static let tapeBootstrap = Purpose(rawValue: 901)
  /// The digit permutations of a calibration's scrambled Halton design (entity = dimension,
  /// period = digit position, counter = the Fisher–Yates step).
  public static let calibrationDesign = Purpose(rawValue: 120)
  /// The perturbations of observed moments in a calibration's bootstrap (entity = draw,
  /// counter = the moment's position among the moments fitted).
  public static let calibrationBootstrap = Purpose(rawValue: 121)
  /// The standard normals of a CMA-ES generation (entity = generation, period 0, counter =
  /// k·d + j for coordinate j of the generation's k-th candidate in d dimensions).
  public static let optimizerSample = Purpose(rawValue: 130)
  /// The uniform points of an optimiser's random-search baseline (entity = the point's index in
  /// the sequence, period 0, counter = the coordinate).
  public static let optimizerRandomSearch = Purpose(rawValue: 131)
}
