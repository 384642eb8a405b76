import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiPopulation
import Testing

@testable import FenqiSimulation

/// Each rule of ``ScenarioRules/all`` on parts that break it and parts that keep it: the exact
/// problems, as "path: message".
@Suite struct ScenarioRuleTests {
  /// A part and the problems a rule finds in it.
  struct Case: Sendable, CustomTestStringConvertible {
    let label: String
    let part: DecodedPart
    let expected: [String]
    var testDescription: String { label }

    init(_ label: String, _ part: DecodedPart, _ expected: String...) {
      self.label = label
      self.part = part
      self.expected = expected
    }
  }

  static func found(_ rule: some ScenarioRule, _ c: Case) -> [String] {
    rule.problems(in: c.part).map(\.description)
  }

  // MARK: fixtures

  static let product = InstalmentProduct(
    termMonths: 6, pricing: .annualRate(0.1))

  static func arm(_ edit: (inout Arm) -> Void = { _ in }) -> Arm {
    var a = Arm(
      name: "a", allocation: 1, reachRate: 0.1, costPerContact: 0,
      offer: product,
      approval: ApprovalRule(
        minimumCreditScore: 0, maxOpenLoans: 1, maxDebtToIncome: nil))
    edit(&a)
    return a
  }

  static let targetingArm = arm {
    $0.contact = .targeting(ArmTargeting(policy: .random, budget: 0.5))
  }

  static func population(_ borrowers: [BorrowerKind]) -> DecodedPopulation {
    let segments = borrowers.enumerated().map {
      SegmentProfile(
        name: "s\($0.offset)", share: 1 / Double(borrowers.count),
        borrower: $0.element)
    }
    return DecodedPopulation(
      spec: PopulationSpec(size: 10, segments: segments), behaviours: [],
      hidden: [])
  }

  static func parts(_ edit: (inout ScenarioParts) -> Void) -> ScenarioParts {
    var p = ScenarioParts()
    edit(&p)
    return p
  }

  static func onArm(
    _ arm: Arm, index: Int = 1, _ edit: (inout ScenarioParts) -> Void = { _ in }
  ) -> ArmInScenario {
    ArmInScenario(index: index, arm: arm, parts: parts(edit))
  }

  static func category(needs: [Double], merchants: Int? = nil)
    -> MerchantCategory
  {
    MerchantCategory(
      name: "c", kind: .goods, priceMedian: 100, priceSigma: 0.5,
      instalmentPropensity: 0.5, termMonths: [6], termWeights: [1],
      merchantSubsidy: 0, seasonality: Array(repeating: 1, count: 12),
      needShare: needs,
      merchants: merchants.map {
        MerchantPool(count: $0, monthlyFailureHazard: 0.01)
      })
  }

  // MARK: the list

  /// Every rule with its cases.
  static let table: [(rule: any ScenarioRule, cases: [Case])] = [
    (UniqueName(), uniqueNameCases),
    (SharesSumToOne(), sharesSumToOneCases),
    (MaximumAboveMinimum(), maximumAboveMinimumCases),
    (CorrelationPairOnce(), correlationPairOnceCases),
    (CorrelationsHoldTogether(), correlationsHoldTogetherCases),
    (InterestFreeWithinTerm(), interestFreeWithinTermCases),
    (AcquisitionPaymentsNeedAPartner(), acquisitionPaymentsNeedAPartnerCases),
    (ArmMarketingNeedsChannels(), armMarketingNeedsChannelsCases),
    (CampaignWithinRun(), campaignWithinRunCases),
    (TrueAPRWithinCap(), trueAPRWithinCapCases),
    (GuaranteeFeeNeedsAGuarantee(), guaranteeFeeNeedsAGuaranteeCases),
    (OfferOrFirstPeriodFree(), offerOrFirstPeriodFreeCases),
    (ReferralStepsAscend(), referralStepsAscendCases),
    (SegmentNameResolves(), segmentNameResolvesCases),
    (PathCoversRun(), pathCoversRunCases),
    (SectorMixSumsToOne(), sectorMixSumsToOneCases),
    (ShockStartsWithinRun(), shockStartsWithinRunCases),
    (CollapsingSectorIsInMix(), collapsingSectorIsInMixCases),
    (BannedChannelExists(), bannedChannelExistsCases),
    (RuleOfferNamesResolve(), ruleOfferNamesResolveCases),
    (RulePolicyHasPairs(), rulePolicyHasPairsCases),
    (PairwiseMatrixFitsCriteria(), pairwiseMatrixFitsCriteriaCases),
    (TiersAscend(), tiersAscendCases),
    (OperationalMonthsWithinRun(), operationalMonthsWithinRunCases),
    (MerchantsWithinLimit(), merchantsWithinLimitCases),
    (EverySegmentNeedsACategory(), everySegmentNeedsACategoryCases),
    (FirmsMatchFirmSegments(), firmsMatchFirmSegmentsCases),
    (TermOnce(), termOnceCases),
    (ShockHasOneTarget(), shockHasOneTargetCases),
    (ShockEndsAfterStart(), shockEndsAfterStartCases),
    (FreezeAfterCut(), freezeAfterCutCases),
    (RaiseCapAboveInitialLine(), raiseCapAboveInitialLineCases),
    (ControlIsAnArm(), controlIsAnArmCases),
    (ClusterOrStratify(), clusterOrStratifyCases),
    (ExperimentHasTwoArms(), experimentHasTwoArmsCases),
    (MetricOnce(), metricOnceCases),
    (TargetingPolicyNeedsItsSections(), targetingPolicyNeedsItsSectionsCases),
    (ChannelsOrTargeting(), channelsOrTargetingCases),
    (PilotShorterThanRun(), pilotShorterThanRunCases),
    (RiskPolicyFitsRiskStack(), riskPolicyFitsRiskStackCases),
    (TargetingBesideBusinessRefused(), targetingBesideBusinessRefusedCases),
    (FirmSegmentsNeedBusiness(), firmSegmentsNeedBusinessCases),
    (LinesAndRecourseNeedBusiness(), linesAndRecourseNeedBusinessCases),
  ]

  static func name(_ rule: any ScenarioRule) -> String {
    String(describing: type(of: rule))
  }

  @Test func everyListedRuleIsListedOnceAndTested() {
    let listed = ScenarioRules.all.map(Self.name)
    #expect(Set(listed).count == listed.count, "\(listed)")
    #expect(Set(listed) == Set(Self.table.map { Self.name($0.rule) }))
  }

  /// A part that breaks a rule is reported by that rule alone: every other rule ignores it.
  @Test func aBrokenPartIsReportedByItsRuleAlone() {
    for (rule, cases) in Self.table {
      for c in cases where !c.expected.isEmpty {
        let reporting = ScenarioRules.all.filter {
          !$0.problems(in: c.part).isEmpty
        }
        #expect(
          reporting.map(Self.name) == [Self.name(rule)],
          "\(Self.name(rule)): \(c.label)")
      }
    }
  }

  // MARK: names, totals and order in lists

  static let uniqueNameCases: [Case] = [
    Case("new", .name(path: "$.s[1].name", noun: "segment", "b", taken: ["a"])),
    Case(
      "taken", .name(path: "$.c[2].name", noun: "channel", "a", taken: ["a"]),
      "$.c[2].name: duplicate channel name \"a\""),
  ]

  @Test(arguments: uniqueNameCases)
  func uniqueName(c: Case) {
    #expect(Self.found(UniqueName(), c) == c.expected)
  }

  static let sharesSumToOneCases: [Case] = [
    Case(
      "sum 1", .shares(path: "$.s", noun: "segment shares", values: [0.3, 0.7])),
    Case(
      "within 1e-9",
      .shares(path: "$.s", noun: "segment shares", values: [0.5, 0.5 + 1e-10])),
    Case(
      "sum 1.2",
      .shares(path: "$.s", noun: "segment shares", values: [0.5, 0.7]),
      "$.s: expected segment shares that sum to 1, found 1.2"),
    Case(
      "allocations",
      .shares(path: "$.arms", noun: "arm allocations", values: [0.4, 0.5]),
      "$.arms: expected arm allocations that sum to 1, found 0.9"),
  ]

  @Test(arguments: sharesSumToOneCases)
  func sharesSumToOne(c: Case) {
    #expect(Self.found(SharesSumToOne(), c) == c.expected)
  }

  static let maximumAboveMinimumCases: [Case] = [
    Case("above", .interval(path: "$.m.max", 1, 2, allowsEqual: false)),
    Case(
      "equal, strict", .interval(path: "$.m.max", 2, 2, allowsEqual: false),
      "$.m.max: expected a number > min (2), found 2"),
    Case(
      "equal, allowed", .interval(path: "$.d.max", 30, 30, allowsEqual: true)),
    Case(
      "below", .interval(path: "$.d.max", 30, 20.5, allowsEqual: true),
      "$.d.max: expected a number ≥ min (30), found 20.5"),
  ]

  @Test(arguments: maximumAboveMinimumCases)
  func maximumAboveMinimum(c: Case) {
    #expect(Self.found(MaximumAboveMinimum(), c) == c.expected)
  }

  // MARK: population

  static let correlationPairOnceCases: [Case] = [
    Case(
      "first",
      .correlationPair(path: "$.c[1].between", pair: "a and b", firstAt: [:])),
    Case(
      "again",
      .correlationPair(
        path: "$.c[1].between", pair: "a and b", firstAt: ["a and b": "$.c[0]"]),
      "$.c[1].between: expected each pair of attributes once, found a and b again (first at $.c[0])"
    ),
  ]

  @Test(arguments: correlationPairOnceCases)
  func correlationPairOnce(c: Case) {
    #expect(Self.found(CorrelationPairOnce(), c) == c.expected)
  }

  static func spec(_ rhos: [Double]) -> PopulationSpec {
    PopulationSpec(
      size: 10, segments: [SegmentProfile(name: "s", share: 1)],
      correlations: [
        (.latentRisk, .creditScore, rhos[0]),
        (.latentRisk, .monthlyIncome, rhos[1]),
        (.creditScore, .monthlyIncome, rhos[2]),
      ])
  }

  static let correlationsHoldTogetherCases: [Case] = [
    Case("consistent", .correlations(path: "$.c", spec([-0.5, 0.3, 0.2]))),
    Case(
      "contradictory", .correlations(path: "$.c", spec([-0.9, 0.9, 0.9])),
      "$.c: expected correlations that can hold together (a positive-definite matrix); these contradict each other (the conflict shows at creditScore)"
    ),
  ]

  @Test(arguments: correlationsHoldTogetherCases)
  func correlationsHoldTogether(c: Case) {
    #expect(Self.found(CorrelationsHoldTogether(), c) == c.expected)
  }

  // MARK: offers, channels and arms' marketing

  static let interestFreeWithinTermCases: [Case] = [
    Case("within", .offer(path: "$.o", termMonths: 6, interestFreePeriods: 6)),
    Case(
      "beyond", .offer(path: "$.o", termMonths: 12, interestFreePeriods: 13),
      "$.o.interestFreePeriods: expected at most termMonths (12) interest-free periods, found 13"
    ),
  ]

  @Test(arguments: interestFreeWithinTermCases)
  func interestFreeWithinTerm(c: Case) {
    #expect(Self.found(InterestFreeWithinTerm(), c) == c.expected)
  }

  static let acquisitionPaymentsNeedAPartnerCases: [Case] = [
    Case(
      "partner pays",
      .channel(
        path: "$.c[0]", .partnerBank, costPerAcquisition: 50, revenueShare: 0.1)
    ),
    Case(
      "own channel, no payments",
      .channel(
        path: "$.c[0]", .appPush, costPerAcquisition: 0, revenueShare: nil)),
    Case(
      "own channel, revenue share",
      .channel(
        path: "$.c[0]", .appPush, costPerAcquisition: nil, revenueShare: 0.1),
      "$.c[0].costPerAcquisition: only partnerBank and ecommercePartner channels pay per acquisition or revenue share"
    ),
  ]

  @Test(arguments: acquisitionPaymentsNeedAPartnerCases)
  func acquisitionPaymentsNeedAPartner(c: Case) {
    #expect(Self.found(AcquisitionPaymentsNeedAPartner(), c) == c.expected)
  }

  static let armMarketingNeedsChannelsCases: [Case] = [
    Case(
      "with channels",
      .armMarketing(
        path: "$.arms[0]", given: ["campaign"], scenarioHasChannels: true)),
    Case(
      "without",
      .armMarketing(
        path: "$.arms[2]", given: ["campaign", "points"],
        scenarioHasChannels: false),
      "$.arms[2].campaign: the scenario defines no channels (add a top-level \"channels\" array); an arm's campaign reaches customers through them",
      "$.arms[2].points: the scenario defines no channels (add a top-level \"channels\" array); an arm's points reaches customers through them"
    ),
  ]

  @Test(arguments: armMarketingNeedsChannelsCases)
  func armMarketingNeedsChannels(c: Case) {
    #expect(Self.found(ArmMarketingNeedsChannels(), c) == c.expected)
  }

  static let campaignWithinRunCases: [Case] = [
    Case("within", .campaign(path: "$.k", 2, 12, periods: 12)),
    Case("no horizon", .campaign(path: "$.k", 2, 99, periods: nil)),
    Case(
      "ends first", .campaign(path: "$.k", 5, 3, periods: 2),
      "$.k.end: expected a period ≥ start (5), found 3"),
    Case(
      "ends late", .campaign(path: "$.k", 2, 13, periods: 12),
      "$.k.end: expected a period within the run (≤ 12), found 13"),
  ]

  @Test(arguments: campaignWithinRunCases)
  func campaignWithinRun(c: Case) {
    #expect(Self.found(CampaignWithinRun(), c) == c.expected)
  }

  static func offer(_ rate: Double, fee: Double, financed: Bool = false)
    -> InstalmentProduct
  {
    InstalmentProduct(
      termMonths: 12, pricing: .annualRate(rate),
      fees: ProductFees(upfrontShare: fee, upfrontFinanced: financed))
  }

  static let trueAPRWithinCapCases: [Case] = [
    Case(
      "no fee, under",
      .offerUnderCap(path: "$.k", offer(0.22, fee: 0), cap: 0.24)),
    Case(
      "at the cap", .offerUnderCap(path: "$.k", offer(0.24, fee: 0), cap: 0.24)),
    Case(
      "a paid fee pushes it over",
      .offerUnderCap(path: "$.k", offer(0.22, fee: 0.02), cap: 0.24),
      "$.k: the offer's true APR (IRR over every fee) is 25.95% (upfront fee 2.00% of the principal, paid at booking), above the regulatory cap of 24.00% in $.economics.aprCap"
    ),
    Case(
      "a financed fee too",
      .offerUnderCap(
        path: "$.k", offer(0.22, fee: 0.02, financed: true), cap: 0.24),
      "$.k: the offer's true APR (IRR over every fee) is 25.87% (upfront fee 2.00% of the principal, financed), above the regulatory cap of 24.00% in $.economics.aprCap"
    ),
  ]

  @Test(arguments: trueAPRWithinCapCases)
  func trueAPRWithinCap(c: Case) {
    #expect(
      Self.found(TrueAPRWithinCap(), c) == c.expected,
      "\(Self.found(TrueAPRWithinCap(), c))")
  }

  static let guaranteeFeeNeedsAGuaranteeCases: [Case] = [
    Case(
      "a fee without the guarantee",
      .guaranteeFeeWithoutGuarantee(
        path: "$.arms[2].coLending.guaranteeFeeRate"),
      "$.arms[2].coLending.guaranteeFeeRate: a guarantee fee is paid for the platform's guarantee; with \"guarantee\": \"none\" the partner pays none"
    )
  ]

  @Test(arguments: guaranteeFeeNeedsAGuaranteeCases)
  func guaranteeFeeNeedsAGuarantee(c: Case) {
    #expect(Self.found(GuaranteeFeeNeedsAGuarantee(), c) == c.expected)
  }

  static let offerOrFirstPeriodFreeCases: [Case] = [
    Case(
      "alone",
      .firstPeriodFree(path: "$.k.firstPeriodFree", campaignOffer: false)),
    Case(
      "with an offer",
      .firstPeriodFree(path: "$.k.firstPeriodFree", campaignOffer: true),
      "$.k.firstPeriodFree: give either an offer or firstPeriodFree, not both"),
  ]

  @Test(arguments: offerOrFirstPeriodFreeCases)
  func offerOrFirstPeriodFree(c: Case) {
    #expect(Self.found(OfferOrFirstPeriodFree(), c) == c.expected)
  }

  static let referralStepsAscendCases: [Case] = [
    Case("first", .referralStep(path: "$.s[0].from", 1, after: nil)),
    Case("ascending", .referralStep(path: "$.s[1].from", 3, after: 1)),
    Case(
      "repeated", .referralStep(path: "$.s[1].from", 3, after: 3),
      "$.s[1].from: expected steps in ascending order of \"from\", found 3 after 3"
    ),
  ]

  @Test(arguments: referralStepsAscendCases)
  func referralStepsAscend(c: Case) {
    #expect(Self.found(ReferralStepsAscend(), c) == c.expected)
  }

  static let segmentNameResolvesCases: [Case] = [
    Case(
      "known",
      .segmentReference(path: "$.g[0]", .string("young"), segments: ["young"])),
    Case(
      "misspelt",
      .segmentReference(path: "$.g[0]", .string("yung"), segments: ["young"]),
      "$.g[0]: expected a segment name, found \"yung\"; did you mean \"young\"?"
    ),
    Case(
      "a number",
      .segmentReference(path: "$.g[0]", .number(3), segments: ["young"]),
      "$.g[0]: expected a segment name, found 3"),
  ]

  @Test(arguments: segmentNameResolvesCases)
  func segmentNameResolves(c: Case) {
    #expect(Self.found(SegmentNameResolves(), c) == c.expected)
  }

  // MARK: macro

  static let pathCoversRunCases: [Case] = [
    Case("covers", .macroPath(path: "$.m.u", months: 12, periods: 12)),
    Case("no horizon", .macroPath(path: "$.m.u", months: 2, periods: nil)),
    Case(
      "short", .macroPath(path: "$.m.u", months: 11, periods: 12),
      "$.m.u: expected a path of at least 12 months (the horizon), found 11"),
  ]

  @Test(arguments: pathCoversRunCases)
  func pathCoversRun(c: Case) {
    #expect(Self.found(PathCoversRun(), c) == c.expected)
  }

  static let sectorMixSumsToOneCases: [Case] = [
    Case("sum 1", .sectorMix(path: "$.m.s.mix", shares: [0.25, 0.75])),
    Case(
      "sum 0.9", .sectorMix(path: "$.m.s.mix", shares: [0.5, 0.4]),
      "$.m.s.mix: expected category shares that sum to 1, found 0.9"),
  ]

  @Test(arguments: sectorMixSumsToOneCases)
  func sectorMixSumsToOne(c: Case) {
    #expect(Self.found(SectorMixSumsToOne(), c) == c.expected)
  }

  static let shockStartsWithinRunCases: [Case] = [
    Case("within", .shockStart(path: "$.k.start", 12, periods: 12)),
    Case(
      "late", .shockStart(path: "$.k.start", 13, periods: 12),
      "$.k.start: expected a period within the run (≤ 12), found 13"),
  ]

  @Test(arguments: shockStartsWithinRunCases)
  func shockStartsWithinRun(c: Case) {
    #expect(Self.found(ShockStartsWithinRun(), c) == c.expected)
  }

  static let collapsingSectorIsInMixCases: [Case] = [
    Case(
      "in the mix", .sectorReference(path: "$.k.sector", "retail", ["retail"])),
    Case(
      "misspelt", .sectorReference(path: "$.k.sector", "retial", ["retail"]),
      "$.k.sector: expected a category of macro.sectors.mix, found \"retial\"; did you mean \"retail\"?"
    ),
  ]

  @Test(arguments: collapsingSectorIsInMixCases)
  func collapsingSectorIsInMix(c: Case) {
    #expect(Self.found(CollapsingSectorIsInMix(), c) == c.expected)
  }

  static let bannedChannelExistsCases: [Case] = [
    Case(
      "known", .channelReference(path: "$.k.channel", "sms", channels: ["sms"])),
    Case(
      "no channels",
      .channelReference(path: "$.k.channel", "sms", channels: []),
      "$.k.channel: expected one of the scenario's channels, found \"sms\""),
  ]

  @Test(arguments: bannedChannelExistsCases)
  func bannedChannelExists(c: Case) {
    #expect(Self.found(BannedChannelExists(), c) == c.expected)
  }

  // MARK: targeting and the risk stack

  static let ruleOfferNamesResolveCases: [Case] = [
    Case(
      "both known",
      .ruleOffer(
        path: "$.t.ruleOffers.young", segment: "young", offer: .string("free"),
        segments: ["young"], offers: ["free"])),
    Case(
      "unknown segment",
      .ruleOffer(
        path: "$.t.ruleOffers.old", segment: "old", offer: .string("free"),
        segments: ["young", "mid"], offers: ["free"]),
      "$.t.ruleOffers.old: unknown segment \"old\"; expected one of young, mid"),
    Case(
      "unknown offer",
      .ruleOffer(
        path: "$.t.ruleOffers.young", segment: "young", offer: .number(2),
        segments: ["young"], offers: ["free", "cheap"]),
      "$.t.ruleOffers.young: expected the name of a targeting offer (free, cheap), found 2"
    ),
  ]

  @Test(arguments: ruleOfferNamesResolveCases)
  func ruleOfferNamesResolve(c: Case) {
    #expect(Self.found(RuleOfferNamesResolve(), c) == c.expected)
  }

  static let rulePolicyHasPairsCases: [Case] = [
    Case(
      "rule with pairs", .rulePolicy(path: "$.t.ruleOffers", .rule, pairs: 2)),
    Case("random", .rulePolicy(path: "$.t.ruleOffers", .random, pairs: 0)),
    Case(
      "rule without pairs",
      .rulePolicy(path: "$.t.ruleOffers", .rule, pairs: 0),
      "$.t.ruleOffers: a rule policy needs {segment: offer name} pairs"),
  ]

  @Test(arguments: rulePolicyHasPairsCases)
  func rulePolicyHasPairs(c: Case) {
    #expect(Self.found(RulePolicyHasPairs(), c) == c.expected)
  }

  static let pairwiseMatrixFitsCriteriaCases: [Case] = [
    Case(
      "square", .pairwise(path: "$.l.pairwise", criteria: 3, rows: [3, 3, 3])),
    Case(
      "a row short",
      .pairwise(path: "$.l.pairwise", criteria: 3, rows: [3, 3]),
      "$.l.pairwise: expected a 3 × 3 matrix (one row per criterion), found 2 rows"
    ),
    Case(
      "a row ragged",
      .pairwise(path: "$.l.pairwise", criteria: 3, rows: [3, 0, 2]),
      "$.l.pairwise: row 2 has 0 entries, expected 3"),
  ]

  @Test(arguments: pairwiseMatrixFitsCriteriaCases)
  func pairwiseMatrixFitsCriteria(c: Case) {
    #expect(Self.found(PairwiseMatrixFitsCriteria(), c) == c.expected)
  }

  static let tiersAscendCases: [Case] = [
    Case("first", .tier(path: "$.t[0]", minimumScore: 0.5, after: nil)),
    Case("increasing", .tier(path: "$.t[1]", minimumScore: 0.6, after: 0.5)),
    Case(
      "equal", .tier(path: "$.t[1]", minimumScore: 0.5, after: 0.5),
      "$.t[1]: expected tiers in increasing order of minimumScore"),
  ]

  @Test(arguments: tiersAscendCases)
  func tiersAscend(c: Case) {
    #expect(Self.found(TiersAscend(), c) == c.expected)
  }

  static let operationalMonthsWithinRunCases: [Case] = [
    Case(
      "within",
      .operationalMonths(path: "$.o.outageMonths", last: 12, periods: 12)),
    Case(
      "beyond",
      .operationalMonths(path: "$.o.outageMonths", last: 13, periods: 12),
      "$.o.outageMonths: expected months within the horizon of 12"),
  ]

  @Test(arguments: operationalMonthsWithinRunCases)
  func operationalMonthsWithinRun(c: Case) {
    #expect(Self.found(OperationalMonthsWithinRun(), c) == c.expected)
  }

  // MARK: business

  static let merchantsWithinLimitCases: [Case] = [
    Case("at the limit", .merchants(path: "$.b.categories", count: 60_000)),
    Case(
      "over", .merchants(path: "$.b.categories", count: 60_001),
      "$.b.categories: expected at most 60,000 merchants over all categories, found 60001"
    ),
  ]

  @Test(arguments: merchantsWithinLimitCases)
  func merchantsWithinLimit(c: Case) {
    #expect(Self.found(MerchantsWithinLimit(), c) == c.expected)
  }

  static let everySegmentNeedsACategoryCases: [Case] = [
    Case(
      "every segment",
      .categoryNeeds(
        path: "$.b.categories",
        [category(needs: [1, 0]), category(needs: [0, 2])],
        segments: population([.person, .firm]).spec.segments)),
    Case(
      "the second without",
      .categoryNeeds(
        path: "$.b.categories", [category(needs: [1, 0])],
        segments: population([.person, .firm]).spec.segments),
      "$.b.categories: segment \"s1\" has no needs in any category (give it a needShare above 0)"
    ),
  ]

  @Test(arguments: everySegmentNeedsACategoryCases)
  func everySegmentNeedsACategory(c: Case) {
    #expect(Self.found(EverySegmentNeedsACategory(), c) == c.expected)
  }

  static let firmsMatchFirmSegmentsCases: [Case] = [
    Case("both", .firms(path: "$.b.firms", given: true, firmSegments: true)),
    Case(
      "neither", .firms(path: "$.b.firms", given: false, firmSegments: false)),
    Case(
      "firms only", .firms(path: "$.b.firms", given: true, firmSegments: false),
      "$.b.firms: no population segment has \"borrower\": \"firm\" (mark the firms' segments)"
    ),
    Case(
      "segments only",
      .firms(path: "$.b.firms", given: false, firmSegments: true),
      "$.b.firms: missing: the population has firm segments, so describe their sectors here"
    ),
  ]

  @Test(arguments: firmsMatchFirmSegmentsCases)
  func firmsMatchFirmSegments(c: Case) {
    #expect(Self.found(FirmsMatchFirmSegments(), c) == c.expected)
  }

  static let termOnceCases: [Case] = [
    Case("new", .term(path: "$.t[1].months", months: 12, taken: [6])),
    Case(
      "again", .term(path: "$.t[1].months", months: 6, taken: [6]),
      "$.t[1].months: duplicate term of 6 months"),
  ]

  @Test(arguments: termOnceCases)
  func termOnce(c: Case) {
    #expect(Self.found(TermOnce(), c) == c.expected)
  }

  static let shockHasOneTargetCases: [Case] = [
    Case(
      "a category",
      .shockTarget(
        path: "$.k", category: true, sector: false, firmsGiven: false)),
    Case(
      "a sector",
      .shockTarget(path: "$.k", category: false, sector: true, firmsGiven: true)
    ),
    Case(
      "both",
      .shockTarget(path: "$.k", category: true, sector: true, firmsGiven: true),
      "$.k.category: expected exactly one of \"category\" (a merchant category) or \"sector\" (a firm sector)"
    ),
    Case(
      "neither",
      .shockTarget(
        path: "$.k", category: false, sector: false, firmsGiven: true),
      "$.k.category: expected exactly one of \"category\" (a merchant category) or \"sector\" (a firm sector)"
    ),
    Case(
      "a sector without firms",
      .shockTarget(
        path: "$.k", category: false, sector: true, firmsGiven: false),
      "$.k.sector: a firm-sector shock needs \"business.firms\" with its sectors"
    ),
  ]

  @Test(arguments: shockHasOneTargetCases)
  func shockHasOneTarget(c: Case) {
    #expect(Self.found(ShockHasOneTarget(), c) == c.expected)
  }

  static let shockEndsAfterStartCases: [Case] = [
    Case("one month", .shockMonths(path: "$.k.toMonth", from: 5, to: 5)),
    Case(
      "backwards", .shockMonths(path: "$.k.toMonth", from: 5, to: 2),
      "$.k.toMonth: expected a month ≥ fromMonth (5), found 2"),
  ]

  @Test(arguments: shockEndsAfterStartCases)
  func shockEndsAfterStart(c: Case) {
    #expect(Self.found(ShockEndsAfterStart(), c) == c.expected)
  }

  static func lines(_ edit: (inout LineManagement) -> Void) -> LineManagement {
    var p = LineManagement()
    edit(&p)
    return p
  }

  static let freezeAfterCutCases: [Case] = [
    Case(
      "defaults",
      .lineFreeze(path: "$.l.freeze.monthsPastDue", LineManagement())),
    Case(
      "frozen first",
      .lineFreeze(
        path: "$.l.freeze.monthsPastDue",
        lines {
          $0.cutMonthsPastDue = 2
          $0.freezeMonthsPastDue = 1
        }),
      "$.l.freeze.monthsPastDue: expected at least cut.monthsPastDue (2), found 1"
    ),
  ]

  @Test(arguments: freezeAfterCutCases)
  func freezeAfterCut(c: Case) {
    #expect(Self.found(FreezeAfterCut(), c) == c.expected)
  }

  static let raiseCapAboveInitialLineCases: [Case] = [
    Case("defaults", .lineRaise(path: "$.l.raise", LineManagement())),
    Case(
      "capped below the start",
      .lineRaise(path: "$.l.raise", lines { $0.maxIncomeMultiple = 0.5 }),
      "$.l.raise: expected raise.maxIncomeMultiple ≥ initialIncomeMultiple (3), found 0.5"
    ),
  ]

  @Test(arguments: raiseCapAboveInitialLineCases)
  func raiseCapAboveInitialLine(c: Case) {
    #expect(Self.found(RaiseCapAboveInitialLine(), c) == c.expected)
  }

  // MARK: experiment

  static let controlIsAnArmCases: [Case] = [
    Case(
      "an arm",
      .experimentControl(
        path: "$.e.control", "control", arms: ["control", "free"])),
    Case(
      "an invalid arm among them",
      .experimentControl(path: "$.e.control", "contrl", arms: nil)),
    Case(
      "misspelt",
      .experimentControl(
        path: "$.e.control", "contrl", arms: ["control", "free"]),
      "$.e.control: expected the name of an arm (\"control\", \"free\"), found \"contrl\"; did you mean \"control\"?"
    ),
  ]

  @Test(arguments: controlIsAnArmCases)
  func controlIsAnArm(c: Case) {
    #expect(Self.found(ControlIsAnArm(), c) == c.expected)
  }

  static let clusterOrStratifyCases: [Case] = [
    Case(
      "clusters",
      .experimentDesign(
        path: "$.e.clusterSize", clusterSize: 64, stratifyBySegment: false)),
    Case(
      "both",
      .experimentDesign(
        path: "$.e.clusterSize", clusterSize: 64, stratifyBySegment: true),
      "$.e.clusterSize: expected either clusterSize or stratifyBySegment, found both"
    ),
  ]

  @Test(arguments: clusterOrStratifyCases)
  func clusterOrStratify(c: Case) {
    #expect(Self.found(ClusterOrStratify(), c) == c.expected)
  }

  static let experimentHasTwoArmsCases: [Case] = [
    Case("two", .experimentArms(path: "$.e.metrics", count: 2)),
    Case(
      "one", .experimentArms(path: "$.e.metrics", count: 1),
      "$.e.metrics: an experiment needs at least two arms, found 1"),
  ]

  @Test(arguments: experimentHasTwoArmsCases)
  func experimentHasTwoArms(c: Case) {
    #expect(Self.found(ExperimentHasTwoArms(), c) == c.expected)
  }

  static let metricOnceCases: [Case] = [
    Case(
      "new",
      .metric(path: "$.m[1].name", .conversion, declared: [.approvalRate])),
    Case(
      "again",
      .metric(path: "$.m[1].name", .conversion, declared: [.conversion]),
      "$.m[1].name: metric \"conversion\" is declared twice"),
  ]

  @Test(arguments: metricOnceCases)
  func metricOnce(c: Case) {
    #expect(Self.found(MetricOnce(), c) == c.expected)
  }

  // MARK: arms against the scenario's sections

  static let targetingPolicyNeedsItsSectionsCases: [Case] = [
    Case(
      "with both sections",
      .armTargeting(
        onArm(targetingArm) {
          $0.targeting = .invalid
          $0.riskStack = .valid(RiskStackSettings())
        })),
    Case("no policy", .armTargeting(onArm(arm()))),
    Case(
      "no targeting", .armTargeting(onArm(targetingArm)),
      "$.arms[1].targeting: a targeting policy needs a top-level \"targeting\" with its offers"
    ),
    Case(
      "no risk stack",
      .armTargeting(onArm(targetingArm) { $0.targeting = .invalid }),
      "$.arms[1].targeting: a targeting policy needs a top-level \"riskStack\" (its models read the lender's features)"
    ),
  ]

  @Test(arguments: targetingPolicyNeedsItsSectionsCases)
  func targetingPolicyNeedsItsSections(c: Case) {
    #expect(Self.found(TargetingPolicyNeedsItsSections(), c) == c.expected)
  }

  static let channelsOrTargetingCases: [Case] = [
    Case(
      "targeting only",
      .armContact(path: "$.arms[0]", channels: false, targeting: true)),
    Case(
      "channels only",
      .armContact(path: "$.arms[0]", channels: true, targeting: false)),
    Case(
      "neither",
      .armContact(path: "$.arms[0]", channels: false, targeting: false)),
    Case(
      "both", .armContact(path: "$.arms[1]", channels: true, targeting: true),
      "$.arms[1].targeting: an arm with channels cannot also have a targeting policy"
    ),
  ]

  @Test(arguments: channelsOrTargetingCases)
  func channelsOrTargeting(c: Case) {
    #expect(Self.found(ChannelsOrTargeting(), c) == c.expected)
  }

  static func withTargeting(pilot: Int, periods: Int?) -> ScenarioParts {
    parts {
      var t = TargetingSettings(offers: [])
      t.pilotMonths = pilot
      $0.targeting = .valid(t)
      $0.periods = periods
    }
  }

  static let pilotShorterThanRunCases: [Case] = [
    Case("shorter", .sections(withTargeting(pilot: 3, periods: 12))),
    Case("no horizon", .sections(withTargeting(pilot: 3, periods: nil))),
    Case(
      "as long", .sections(withTargeting(pilot: 12, periods: 12)),
      "$.targeting.pilotMonths: expected fewer pilot months than the horizon of 12"
    ),
  ]

  @Test(arguments: pilotShorterThanRunCases)
  func pilotShorterThanRun(c: Case) {
    #expect(Self.found(PilotShorterThanRun(), c) == c.expected)
  }

  static let riskArm = arm { $0.risk = ArmRiskPolicy() }

  static let riskPolicyFitsRiskStackCases: [Case] = [
    Case(
      "fits",
      .armRisk(onArm(riskArm) { $0.riskStack = .valid(RiskStackSettings()) })),
    Case("stack invalid", .armRisk(onArm(riskArm) { $0.riskStack = .invalid })),
    Case(
      "no stack", .armRisk(onArm(riskArm)),
      "$.arms[1].risk: an arm's risk policy needs a top-level \"riskStack\""),
    Case(
      "one rate for two levels",
      .armRisk(
        onArm(arm { $0.risk = ArmRiskPolicy() }) {
          var s = RiskStackSettings()
          s.confidence = [0.9, 0.95, 0.99]
          $0.riskStack = .valid(s)
        }),
      "$.arms[1].risk.riskAppetite: expected 3 loss rates, one per calibration confidence level [0.9, 0.95, 0.99]"
    ),
  ]

  @Test(arguments: riskPolicyFitsRiskStackCases)
  func riskPolicyFitsRiskStack(c: Case) {
    #expect(Self.found(RiskPolicyFitsRiskStack(), c) == c.expected)
  }

  static func withArms(_ arms: [Arm?], business: Bool, firms: Bool = false)
    -> ScenarioParts
  {
    parts {
      $0.arms = arms
      $0.business = business ? .invalid : .absent
      $0.population = population(firms ? [.person, .firm, .firm] : [.person])
    }
  }

  static let targetingBesideBusinessRefusedCases: [Case] = [
    Case("no business", .business(withArms([targetingArm], business: false))),
    Case("no targeting", .business(withArms([arm()], business: true))),
    Case(
      "the first targeting arm",
      .business(
        withArms([nil, arm(), targetingArm, targetingArm], business: true)),
      "$.arms[2].targeting: targeting policies cannot run with a \"business\" layer yet (their truth ignores merchant categories)"
    ),
  ]

  @Test(arguments: targetingBesideBusinessRefusedCases)
  func targetingBesideBusinessRefused(c: Case) {
    #expect(Self.found(TargetingBesideBusinessRefused(), c) == c.expected)
  }

  static let firmSegmentsNeedBusinessCases: [Case] = [
    Case("with business", .business(withArms([], business: true, firms: true))),
    Case("people only", .business(withArms([], business: false))),
    Case(
      "firms", .business(withArms([], business: false, firms: true)),
      "$.population.segments[1].borrower: a firm segment needs a top-level \"business\" with \"firms\"",
      "$.population.segments[2].borrower: a firm segment needs a top-level \"business\" with \"firms\""
    ),
  ]

  @Test(arguments: firmSegmentsNeedBusinessCases)
  func firmSegmentsNeedBusiness(c: Case) {
    #expect(Self.found(FirmSegmentsNeedBusiness(), c) == c.expected)
  }

  static let termsArm = arm {
    $0.lines = LineManagement()
    $0.recourse = RecourseTerms()
  }

  static let linesAndRecourseNeedBusinessCases: [Case] = [
    Case(
      "with business",
      .armBusinessTerms(
        onArm(termsArm) {
          $0.business = .valid(BusinessSettings(categories: []))
        })),
    Case("neither", .armBusinessTerms(onArm(arm()))),
    Case(
      "both without business", .armBusinessTerms(onArm(termsArm, index: 3)),
      "$.arms[3].lines: an arm's lines needs a top-level \"business\" with its categories",
      "$.arms[3].recourse: an arm's recourse needs a top-level \"business\" with its categories"
    ),
  ]

  @Test(arguments: linesAndRecourseNeedBusinessCases)
  func linesAndRecourseNeedBusiness(c: Case) {
    #expect(Self.found(LinesAndRecourseNeedBusiness(), c) == c.expected)
  }
}

extension ScenarioRuleTests {
  /// A rule does not run on a value that failed to decode: the scenario's own problem is
  /// reported, not a second one that only follows from it (each of these was once reported too).
  @Suite struct Cascades {
    static func edit(
      _ json: inout [String: Any], _ key: String,
      _ edit: (inout [String: Any]) -> Void
    ) {
      var object = json[key] as? [String: Any] ?? [:]
      edit(&object)
      json[key] = object
    }

    static func editArm(
      _ json: inout [String: Any], _ k: Int,
      _ edit: (inout [String: Any]) -> Void
    ) {
      var arms = json["arms"] as? [[String: Any]] ?? []
      edit(&arms[k])
      json["arms"] = arms
    }

    @Test func anInvalidArmDoesNotShiftTheOthersPaths() throws {
      let found = try problems(editing: "targeting.json") { json in
        json["riskStack"] = nil
        Self.editArm(&json, 0) { $0["allocation"] = 5 }
      }
      #expect(
        found.contains(
          "$.arms[5].targeting: a targeting policy needs a top-level \"riskStack\" (its models read the lender's features)"
        ), "\(found)")
      #expect(
        found.contains(
          "$.arms[5].risk: an arm's risk policy needs a top-level \"riskStack\""
        ))
      #expect(!found.contains { $0.hasPrefix("$.arms[0].targeting") })
    }

    @Test func anArmReachesCustomersOneWayOnly() throws {
      let found = try problems(editing: "targeting.json") { json in
        Self.editArm(&json, 1) { $0["channels"] = ["appPush": 0.5] }
      }
      #expect(
        found.contains(
          "$.arms[1].targeting: an arm with channels cannot also have a targeting policy"
        ), "\(found)")
    }

    @Test func anInvalidArmIsNotCountedOutOfTheExperiment() throws {
      let found = try problems(editing: "ab-first-period-free.json") { json in
        Self.editArm(&json, 1) { $0["allocation"] = "x" }
        Self.edit(&json, "experiment") { $0["control"] = "firstPeriodFree" }
      }
      #expect(
        found == [
          "$.arms[1].allocation: expected a fraction in [0, 1], found \"x\""
        ])
    }

    @Test func missingArmsAreNotCountedOutOfTheExperiment() throws {
      let found = try problems(editing: "ab-first-period-free.json") {
        $0["arms"] = nil
      }
      #expect(found == ["$.arms: missing required field (expected an array)"])
    }

    @Test func anInvalidMarginalParameterLeavesTheOtherKnown() throws {
      let found = try problems(editing: "baseline.json") { json in
        Self.edit(&json, "population") { population in
          var segments = population["segments"] as? [[String: Any]] ?? []
          var attributes = segments[0]["attributes"] as? [String: Any] ?? [:]
          attributes["latentRisk"] = ["kind": "normal", "mean": "x", "sd": 0.7]
          segments[0]["attributes"] = attributes
          population["segments"] = segments
        }
      }
      #expect(
        found == [
          "$.population.segments[0].attributes.latentRisk.mean: expected a number, found \"x\""
        ])
    }

    @Test func anInvalidMinimumIsNotComparedWithTheMaximum() throws {
      let found = try problems(editing: "b2b-supply-chain.json") { json in
        Self.edit(&json, "business") { business in
          var firms = business["firms"] as? [String: Any] ?? [:]
          firms["receivableDays"] = ["min": "x", "max": 20]
          business["firms"] = firms
        }
      }
      #expect(
        found == [
          "$.business.firms.receivableDays.min: expected a number in [0, 365], found \"x\""
        ])
    }

    @Test func anInvalidShareIsNotSummedWithTheOthers() throws {
      let found = try problems(editing: "recession-stress.json") { json in
        Self.edit(&json, "macro") { macro in
          var sectors = macro["sectors"] as? [String: Any] ?? [:]
          var mix = sectors["mix"] as? [String: Any] ?? [:]
          mix["luxury"] = "x"
          sectors["mix"] = mix
          macro["sectors"] = sectors
        }
      }
      #expect(
        found.contains(
          "$.macro.sectors.mix.luxury: expected a fraction in [0, 1], found \"x\""
        ),
        "\(found)")
      #expect(!found.contains { $0.contains("sum to 1") })
    }

    /// A ragged matrix once reached the hierarchy's reciprocity check and trapped.
    @Test func aRaggedPairwiseMatrixIsReportedNotTrapped() throws {
      let found = try problems(editing: "risk-stack.json") { json in
        Self.edit(&json, "riskStack") { stack in
          var lines = stack["creditLines"] as? [String: Any] ?? [:]
          var rows = lines["pairwise"] as? [[Any]] ?? []
          rows[1] = []
          lines["pairwise"] = rows
          stack["creditLines"] = lines
        }
      }
      #expect(
        found == [
          "$.riskStack.creditLines.pairwise: row 2 has 0 entries, expected 5"
        ])
    }

    @Test func aBusinessLayerOfTheWrongTypeIsNotReportedMissing() throws {
      let found = try problems(editing: "b2b-supply-chain.json") {
        $0["business"] = 5
      }
      #expect(found == ["$.business: expected an object, found 5"])
    }
  }
}
