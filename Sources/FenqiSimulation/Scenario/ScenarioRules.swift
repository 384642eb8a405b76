import FenqiCore
import FenqiCredit
import FenqiPopulation

/// Every cross-field rule of a scenario, listed once.
///
/// A per-field check — a value's type and range, a list's length, a name among those the reader
/// is handed — stays where the decoder reads the field. Anything that relates two or more values is
/// a rule: two fields of one object, the entries of a list, a field and another section. The rules
/// relating sections are below; those within one section are in `ScenarioRules+Within.swift`.
///
/// To add a rule: write a small ``ScenarioRule`` with a one-line `///`, add it to ``all``, and give
/// it a parameterised test in `ScenarioRuleTests`. If it reads values no ``DecodedPart`` carries
/// yet, add a case and call `check(.yourCase(…))` where the decoder has decoded them; problems are
/// reported in the order decoding reaches them.
enum ScenarioRules {
  /// Every rule; those reading the same part report in this order.
  static let all: [any ScenarioRule] = [
    // Relating sections: arms against the scenario's sections.
    TargetingPolicyNeedsItsSections(), ChannelsOrTargeting(),
    PilotShorterThanRun(), RiskPolicyFitsRiskStack(),
    TargetingBesideBusinessRefused(), FirmSegmentsNeedBusiness(),
    LinesAndRecourseNeedBusiness(), FirmsMatchFirmSegments(),
    EverySegmentNeedsACategory(),
    // Relating sections: an arm's marketing, the experiment, names given elsewhere, the horizon.
    ArmMarketingNeedsChannels(), SegmentNameResolves(),
    RuleOfferNamesResolve(), BannedChannelExists(), ControlIsAnArm(),
    ExperimentHasTwoArms(), CampaignWithinRun(), ShockStartsWithinRun(),
    TrueAPRWithinCap(), GuaranteeFeeNeedsAGuarantee(),
    PathCoversRun(), OperationalMonthsWithinRun(),
    // Within one section: names, totals and order in a list.
    UniqueName(), TermOnce(), MetricOnce(), CorrelationPairOnce(),
    SharesSumToOne(), SectorMixSumsToOne(), MerchantsWithinLimit(),
    ReferralStepsAscend(), TiersAscend(), CorrelationsHoldTogether(),
    // Within one section: two fields of one object.
    MaximumAboveMinimum(), InterestFreeWithinTerm(),
    AcquisitionPaymentsNeedAPartner(), OfferOrFirstPeriodFree(),
    CollapsingSectorIsInMix(), RulePolicyHasPairs(),
    PairwiseMatrixFitsCriteria(), ShockHasOneTarget(), ShockEndsAfterStart(),
    FreezeAfterCut(), RaiseCapAboveInitialLine(), ClusterOrStratify(),
  ]
}

/// An arm's channels, campaign, points and segment strategies need top-level channels.
struct ArmMarketingNeedsChannels: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .armMarketing(let path, let given, let hasChannels) = part,
      !hasChannels
    else { return [] }
    return given.map {
      FieldProblem(
        path: "\(path).\($0)",
        message:
          "the scenario defines no channels (add a top-level \"channels\" array); an arm's \($0) reaches customers through them"
      )
    }
  }
}

/// A campaign ends no earlier than it starts, and within the run.
struct CampaignWithinRun: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .campaign(let path, let start, let end, let periods) = part
    else { return [] }
    if end < start {
      return problem(
        "\(path).end", "expected a period ≥ start (\(start)), found \(end)")
    }
    guard let periods, end > periods else { return [] }
    return problem(
      "\(path).end",
      "expected a period within the run (≤ \(periods)), found \(end)")
  }
}

/// A segment strategy names the population's segments.
struct SegmentNameResolves: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .segmentReference(let path, let value, let segments) = part
    else { return [] }
    guard case .string(let name) = value else {
      return problem(
        path, "expected a segment name, found \(value.shortDescription)")
    }
    if segments.contains(name) { return [] }
    return problem(
      path,
      hinted(
        "expected a segment name, found \(value.shortDescription)", name,
        segments))
  }
}

/// A macro path covers the run.
struct PathCoversRun: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .macroPath(let path, let months, let periods?) = part,
      months < periods
    else { return [] }
    return problem(
      path,
      "expected a path of at least \(periods) months (the horizon), found \(months)"
    )
  }
}

/// A macro shock starts within the run.
struct ShockStartsWithinRun: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .shockStart(let path, let start, let periods?) = part,
      start > periods
    else { return [] }
    return problem(
      path, "expected a period within the run (≤ \(periods)), found \(start)")
  }
}

/// A channel ban names one of the scenario's channels.
struct BannedChannelExists: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .channelReference(let path, let name, let channels) = part,
      !channels.contains(name)
    else { return [] }
    return problem(
      path,
      hinted(
        "expected one of the scenario's channels, found \"\(name)\"", name,
        channels))
  }
}

/// A rule policy's pairs name a segment and a targeting offer.
struct RuleOfferNamesResolve: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard
      case .ruleOffer(
        let path, let segment, let offer, let segments, let offers) =
        part
    else { return [] }
    guard segments.contains(segment) else {
      return problem(
        path,
        "unknown segment \"\(segment)\"; expected one of \(segments.joined(separator: ", "))"
      )
    }
    if case .string(let name) = offer, offers.contains(name) { return [] }
    return problem(
      path,
      "expected the name of a targeting offer (\(offers.joined(separator: ", "))), found \(offer.shortDescription)"
    )
  }
}

/// An operational-risk window ends within the run.
struct OperationalMonthsWithinRun: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .operationalMonths(let path, let last, let periods?) = part,
      last > periods
    else { return [] }
    return problem(path, "expected months within the horizon of \(periods)")
  }
}

/// Every segment has needs in some category.
struct EverySegmentNeedsACategory: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .categoryNeeds(let path, let categories, let segments) = part
    else { return [] }
    return segments.enumerated().compactMap { g, segment in
      categories.contains { $0.needShare[g] > 0 }
        ? nil
        : FieldProblem(
          path: path,
          message:
            "segment \"\(segment.name)\" has no needs in any category (give it a needShare above 0)"
        )
    }
  }
}

/// `business.firms` is given exactly when the population has firm segments.
struct FirmsMatchFirmSegments: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .firms(let path, let given, let firmSegments) = part,
      given != firmSegments
    else { return [] }
    return problem(
      path,
      given
        ? "no population segment has \"borrower\": \"firm\" (mark the firms' segments)"
        : "missing: the population has firm segments, so describe their sectors here"
    )
  }
}

/// The experiment's control is one of the arms.
struct ControlIsAnArm: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .experimentControl(let path, let name, let arms?) = part,
      !arms.isEmpty, !arms.contains(name)
    else { return [] }
    let names = arms.map { "\"\($0)\"" }.joined(separator: ", ")
    return problem(
      path,
      hinted(
        "expected the name of an arm (\(names)), found \"\(name)\"", name, arms)
    )
  }
}

/// An experiment compares at least two arms.
struct ExperimentHasTwoArms: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .experimentArms(let path, let count) = part, count < 2 else {
      return []
    }
    return problem(
      path, "an experiment needs at least two arms, found \(count)")
  }
}

/// A targeting policy needs the top-level targeting and riskStack.
struct TargetingPolicyNeedsItsSections: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .armTargeting(let a) = part, a.arm.targeting != nil else {
      return []
    }
    if !a.parts.targeting.isGiven {
      return problem(
        a.path("targeting"),
        "a targeting policy needs a top-level \"targeting\" with its offers")
    }
    guard !a.parts.riskStack.isGiven else { return [] }
    return problem(
      a.path("targeting"),
      "a targeting policy needs a top-level \"riskStack\" (its models read the lender's features)"
    )
  }
}

/// An arm with channels cannot also have a targeting policy.
struct ChannelsOrTargeting: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .armContact(let path, true, true) = part else { return [] }
    return problem(
      path + ".targeting",
      "an arm with channels cannot also have a targeting policy")
  }
}

/// The targeting pilot is shorter than the run.
struct PilotShorterThanRun: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .sections(let parts) = part, let t = parts.targeting.value,
      let periods = parts.periods, t.pilotMonths >= periods
    else { return [] }
    return problem(
      "$.targeting.pilotMonths",
      "expected fewer pilot months than the horizon of \(periods)")
  }
}

/// An arm's risk policy needs the riskStack, and a loss rate per confidence level.
struct RiskPolicyFitsRiskStack: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .armRisk(let a) = part, let risk = a.arm.risk else { return [] }
    guard a.parts.riskStack.isGiven else {
      return problem(
        a.path("risk"), "an arm's risk policy needs a top-level \"riskStack\"")
    }
    guard let appetite = risk.riskAppetite,
      let levels = a.parts.riskStack.value?.confidence,
      appetite.count != levels.count
    else { return [] }
    return problem(
      a.path("risk") + ".riskAppetite",
      "expected \(levels.count) loss rates, one per calibration confidence level \(levels)"
    )
  }
}

/// Targeting policies cannot run beside a business layer (reported at the first).
struct TargetingBesideBusinessRefused: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .business(let parts) = part, parts.business.isGiven,
      let k = parts.decodedArms.first(where: { $0.arm.targeting != nil })?.index
    else { return [] }
    return problem(
      "$.arms[\(k)].targeting",
      "targeting policies cannot run with a \"business\" layer yet (their truth ignores merchant categories)"
    )
  }
}

/// A firm segment needs a business layer.
struct FirmSegmentsNeedBusiness: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .business(let parts) = part, !parts.business.isGiven else {
      return []
    }
    let segments = parts.population?.spec.segments ?? []
    return segments.enumerated().compactMap { g, segment in
      segment.borrower != .firm
        ? nil
        : FieldProblem(
          path: "$.population.segments[\(g)].borrower",
          message:
            "a firm segment needs a top-level \"business\" with \"firms\""
        )
    }
  }
}

/// An arm's lines and recourse need a business layer.
struct LinesAndRecourseNeedBusiness: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .armBusinessTerms(let a) = part, !a.parts.business.isGiven else {
      return []
    }
    let used = [
      ("lines", a.arm.lines != nil), ("recourse", a.arm.recourse != nil),
    ]
    return used.filter(\.1).map { key, _ in
      FieldProblem(
        path: a.path(key),
        message:
          "an arm's \(key) needs a top-level \"business\" with its categories"
      )
    }
  }
}

/// Every offer's true APR — the IRR over every contractual payment, its upfront fee included —
/// is at or below the regulatory cap (`economics.aprCap`), which counts every fee.
struct TrueAPRWithinCap: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .offerUnderCap(let path, var product, let cap) = part else {
      return []
    }
    // A flat fee is checked loan by loan (smaller loans are refused the plan); here, the share.
    product.fees.upfrontAmount = 0
    guard let apr = EffectiveRate.of(product)?.nominalAnnualRate,
      apr > cap + 1e-9
    else { return [] }
    var detail = ""
    if product.fees.upfrontShare > 0 {
      detail =
        " (upfront fee \(Self.percent(product.fees.upfrontShare)) of the principal"
        + (product.fees.upfrontFinanced ? ", financed)" : ", paid at booking)")
    }
    return problem(
      path,
      "the offer's true APR (IRR over every fee) is \(Self.percent(apr))\(detail), above the regulatory cap of \(Self.percent(cap)) in $.economics.aprCap"
    )
  }

  /// A fraction as a percentage with two decimals.
  static func percent(_ x: Double) -> String {
    let hundredths = (x * 10_000).rounded()
    let whole = Int(hundredths) / 100
    let fraction = Int(hundredths) % 100
    return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
  }
}
