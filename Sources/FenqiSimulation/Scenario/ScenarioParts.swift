import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiPopulation
import FenqiRisk

/// A section the scenario may leave out: absent, given and valid, or given with problems (already
/// reported).
enum OptionalSection<Value> {
  /// The scenario leaves the section out.
  case absent
  /// The section, valid.
  case valid(Value)
  /// The section is given but invalid (not an object, or with problems).
  case invalid

  /// The section when valid.
  var value: Value? {
    if case .valid(let v) = self { return v }
    return nil
  }

  /// Whether the scenario gives the section, valid or not.
  var isGiven: Bool {
    if case .absent = self { return false }
    return true
  }

  /// Whether the section is given but invalid.
  var isInvalid: Bool {
    if case .invalid = self { return true }
    return false
  }
}

extension OptionalSection: Sendable where Value: Sendable {}

/// The population as decoded: its spec and, parallel to its segments, their behaviours and whether
/// each is hidden from the lender's reports.
struct DecodedPopulation {
  /// Size, segments and correlations.
  var spec: PopulationSpec
  /// Behaviour per segment.
  var behaviours: [SegmentBehaviour]
  /// Whether each segment is hidden.
  var hidden: [Bool]
  /// `fromSample`, when given.
  var sample: PopulationSample?
}

/// Fatigue, the festival calendar and the social graph: the scenario's `marketing` block.
struct MarketingSettings {
  /// Contact fatigue, opt-outs and complaints.
  var fatigue = FatigueModel()
  /// Shopping festivals.
  var calendar = FestivalCalendar()
  /// The social graph referrals travel on.
  var socialGraph = SocialGraph.Settings()
}

/// What the decoder has read of a scenario, section by section: what the ``ScenarioRule``s read,
/// and what becomes the ``Scenario``.
///
/// A field is nil until it is read, and stays nil when it is invalid (its problem is reported).
struct ScenarioParts: Sendable {
  /// `name`.
  var name: String?
  /// `description`.
  var description: String?
  /// `seed`.
  var seed: Double?
  /// `periods`: the horizon, months.
  var periods: Int?
  /// `startMonth`.
  var startMonth: Int?
  /// `population`.
  var population: DecodedPopulation?
  /// `demand.seasonality` (all 1 when absent).
  var seasonality: [Double]? = Array(repeating: 1, count: 12)
  /// `choice`.
  var choice: ChoiceModel?
  /// `repayment`.
  var repayment: RepaymentSettings?
  /// `macro.systematicFactor` (0 when absent).
  var systematicFactor: Double? = 0
  /// `approval`: the rule every arm starts from.
  var approval: ApprovalRule?
  /// `economics`.
  var economics: Economics?
  /// `assignment.salt` (the name when absent).
  var salt: String?
  /// `channels`: every channel with a name, even one with other problems, for the fields that
  /// name them.
  var channels: [Channel] = []
  /// `marketing`.
  var marketing: MarketingSettings? = MarketingSettings()
  /// `targeting`.
  var targeting: OptionalSection<TargetingSettings> = .absent
  /// `arms`, one entry per element (nil: that arm is invalid); nil when missing or not an array.
  var arms: [Arm?]?
  /// `macro` beyond `systematicFactor`.
  var macro: OptionalSection<MacroScenario> = .absent
  /// `riskStack`.
  var riskStack: OptionalSection<RiskStackSettings> = .absent
  /// `business`.
  var business: OptionalSection<BusinessSettings> = .absent
  /// `experiment`.
  var experiment: OptionalSection<ExperimentSpec> = .absent
  /// `seasoning`.
  var seasoning: OptionalSection<Seasoning> = .absent
  /// `horizon`.
  var horizon: OptionalSection<Horizon> = .absent

  /// The names of the population's segments (none when the population is invalid).
  var segmentNames: [String] {
    population?.spec.segments.map(\.name) ?? []
  }

  /// The valid arms, each with its index in `arms`.
  var decodedArms: [(index: Int, arm: Arm)] {
    (arms ?? []).enumerated().compactMap { k, arm in arm.map { (k, $0) } }
  }

  /// Every arm, when `arms` is an array and each of its arms is valid.
  var allArms: [Arm]? {
    guard let arms, !arms.contains(where: { $0 == nil }) else { return nil }
    return arms.compactMap { $0 }
  }

  /// The scenario, when every required part is there and no given section is invalid.
  func scenario() -> Scenario? {
    guard let name, let description, let seed, let periods, let startMonth,
      let population, let seasonality, let choice, let repayment,
      let systematicFactor, let economics, let salt, let marketing,
      let arms = allArms, !targeting.isInvalid, !macro.isInvalid,
      !riskStack.isInvalid, !business.isInvalid, !experiment.isInvalid,
      !seasoning.isInvalid, !horizon.isInvalid
    else { return nil }
    var scenario = Scenario(
      name: name, description: description, seed: UInt64(seed),
      periods: periods, startMonth: startMonth,
      population: population.spec, behaviours: population.behaviours,
      hiddenSegments: population.hidden, seasonality: seasonality,
      choice: choice, repayment: repayment, systematicFactor: systematicFactor,
      economics: economics, assignmentSalt: salt, arms: arms,
      experiment: experiment.value, channels: channels,
      fatigue: marketing.fatigue, calendar: marketing.calendar,
      socialGraph: marketing.socialGraph, macro: macro.value,
      riskStack: riskStack.value, targeting: targeting.value,
      business: business.value, populationSample: population.sample)
    scenario.seasoning = seasoning.value
    if let h = horizon.value { scenario.extend(by: h) }
    return scenario
  }
}
