import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiPopulation

/// A check that relates two or more decoded values: two fields of one object, the entries of a
/// list, or a field and another section (as argument-parser's validators check a command's
/// arguments together).
///
/// The decoder hands every rule in ``ScenarioRules/all`` each ``DecodedPart`` as soon as it is
/// decoded; a rule answers for the parts it reads and returns no problem for the others. A part
/// carries only values that decoded (an optional one is nil when it did not), so a rule never runs
/// on a field that failed.
protocol ScenarioRule: Sendable {
  /// The problems `part` has; empty when the rule holds or does not read `part`.
  func problems(in part: DecodedPart) -> [FieldProblem]
}

extension ScenarioRule {
  /// One problem at `path`.
  func problem(_ path: String, _ message: String) -> [FieldProblem] {
    [FieldProblem(path: path, message: message)]
  }

  /// `message`, with a "did you mean" hint when `name` is a likely misspelling of one of `names`.
  func hinted(_ message: String, _ name: String, _ names: [String]) -> String {
    guard let hint = Suggestion.nearest(to: name, among: names) else {
      return message
    }
    return message + "; did you mean \"\(hint)\"?"
  }
}

/// An arm that decoded, with its index in `arms` and the scenario read so far.
struct ArmInScenario: Sendable {
  /// Its index in `arms`.
  var index: Int
  /// The arm.
  var arm: Arm
  /// The scenario as read so far.
  var parts: ScenarioParts

  /// The JSON path of the arm's field `key`.
  func path(_ key: String) -> String { "$.arms[\(index)].\(key)" }
}

/// The values a rule may read, each handed over where decoding has them: the case names what was
/// just decoded, its payload the values (with the JSON path to report at).
enum DecodedPart: Sendable {
  // MARK: names, totals and order in lists

  /// The `name` of a list's entry (segment, channel, category, sector, offer or arm) and the names
  /// taken before it.
  case name(path: String, noun: String, String, taken: Set<String>)
  /// Shares that must sum to 1 (segment shares, sector shares, arm allocations).
  case shares(path: String, noun: String, values: [Double])
  /// A range's minimum and maximum: the maximum must lie above the minimum (or at it, when
  /// `allowsEqual`); at the maximum's path.
  case interval(path: String, Double, Double, allowsEqual: Bool)

  // MARK: population

  /// A correlation's `between` pair (as "a and b") and where each earlier pair was given.
  case correlationPair(path: String, pair: String, firstAt: [String: String])
  /// The whole population, once its correlations are read (at the correlations' path).
  case correlations(path: String, PopulationSpec)

  // MARK: offers, channels and arms' marketing

  /// An offer's term and interest-free periods, at the offer's path.
  case offer(path: String, termMonths: Int, interestFreePeriods: Int)
  /// A co-lending `guaranteeFeeRate` given with `"guarantee": "none"`, at the fee's path.
  case guaranteeFeeWithoutGuarantee(path: String)
  /// An offer and the regulatory APR cap (`economics.aprCap`), at the offer's path.
  case offerUnderCap(path: String, InstalmentProduct, cap: Double)
  /// A channel's kind and its pay per acquisition and revenue share (nil: invalid), at the
  /// channel's path.
  case channel(
    path: String, Channel.Kind, costPerAcquisition: Double?,
    revenueShare: Double?)
  /// The marketing fields an arm gives, and whether the scenario has channels, at the arm's path.
  case armMarketing(path: String, given: [String], scenarioHasChannels: Bool)
  /// Whether an arm gives channel marketing and a targeting policy, at the arm's path.
  case armContact(path: String, channels: Bool, targeting: Bool)
  /// A campaign's `start` and `end`, and the horizon, at the campaign's path.
  case campaign(path: String, Int, Int, periods: Int?)
  /// A campaign's `firstPeriodFree`, and whether the campaign also has its own valid `offer`.
  case firstPeriodFree(path: String, campaignOffer: Bool)
  /// A referral step's `from`, after the previous step's.
  case referralStep(path: String, Int, after: Int?)
  /// An entry of a segment strategy's `segments`, and the population's segment names.
  case segmentReference(path: String, JSONValue, segments: [String])

  // MARK: macro

  /// A macro path's length in months, and the horizon.
  case macroPath(path: String, months: Int, periods: Int?)
  /// `macro.sectors.mix`: every share, each valid.
  case sectorMix(path: String, shares: [Double])
  /// A macro shock's `start`, and the horizon.
  case shockStart(path: String, Int, periods: Int?)
  /// A sector-collapse shock's `sector`, and the categories of `macro.sectors.mix`.
  case sectorReference(path: String, String, [String])
  /// A channel-ban shock's `channel`, and the scenario's channel names.
  case channelReference(path: String, String, channels: [String])

  // MARK: targeting and the risk stack

  /// One `segment: offer` pair of an arm's `ruleOffers`, with the names they must be among.
  case ruleOffer(
    path: String, segment: String, offer: JSONValue, segments: [String],
    offers: [String])
  /// An arm's targeting policy and how many valid `ruleOffers` pairs it has.
  case rulePolicy(path: String, ArmTargeting.Policy, pairs: Int)
  /// `creditLines`: how many criteria, and how many entries each row of `pairwise` has.
  case pairwise(path: String, criteria: Int, rows: [Int])
  /// A credit-line tier's `minimumScore`, after the previous tier's.
  case tier(path: String, minimumScore: Double, after: Double?)
  /// The last month of an operational-risk window, and the horizon.
  case operationalMonths(path: String, last: Int, periods: Int?)

  // MARK: business

  /// The merchants of every valid category together.
  case merchants(path: String, count: Int)
  /// Every category (all valid) and the population's segments.
  case categoryNeeds(
    path: String, [MerchantCategory], segments: [SegmentProfile])
  /// Whether `business.firms` is given, and whether the population has firm segments.
  case firms(path: String, given: Bool, firmSegments: Bool)
  /// A category term's `months`, and the months of the terms before it.
  case term(path: String, months: Int, taken: [Int])
  /// Which of `category` and `sector` a sector shock gives, and whether there are firms.
  case shockTarget(path: String, category: Bool, sector: Bool, firmsGiven: Bool)
  /// A sector shock's `fromMonth` and `toMonth`, at `toMonth`'s path.
  case shockMonths(path: String, from: Int, to: Int)
  /// A line policy whose every field so far is valid, once `freeze` is read.
  case lineFreeze(path: String, LineManagement)
  /// A line policy whose every field is valid.
  case lineRaise(path: String, LineManagement)

  // MARK: experiment

  /// The experiment's `control`, and every arm's name (nil: an arm is invalid).
  case experimentControl(path: String, String, arms: [String]?)
  /// The experiment's `clusterSize` and `stratifyBySegment`.
  case experimentDesign(path: String, clusterSize: Int, stratifyBySegment: Bool)
  /// How many arms the experiment compares (every arm valid).
  case experimentArms(path: String, count: Int)
  /// A metric's `name`, and the metrics declared before it.
  case metric(path: String, OutcomeMetric, declared: [OutcomeMetric])

  // MARK: arms against the scenario's sections

  /// An arm, once every section up to `riskStack` is read: its targeting policy.
  case armTargeting(ArmInScenario)
  /// The scenario, once every section up to `riskStack` is read.
  case sections(ScenarioParts)
  /// An arm, once every section up to `riskStack` is read: its risk policy.
  case armRisk(ArmInScenario)
  /// The scenario, once `business` is read (or found absent).
  case business(ScenarioParts)
  /// An arm, once `business` is read: its `lines` and `recourse`.
  case armBusinessTerms(ArmInScenario)
}
