import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

/// The `fenqi init` templates: each is valid, runs, has the sections its name promises, and its
/// comments change nothing.
@Suite struct ScenarioTemplateTests {
  /// The template's text parsed as a JSON object.
  static func object(_ text: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Every annotation key (`$schema`, `$comment…`) removed, at every depth.
  static func stripped(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
      .object(
        members.filter { !JSONObjectReader.isAnnotation($0.key) }
          .map { ($0.key, stripped($0.value)) })
    case .array(let elements): .array(elements.map(stripped))
    default: value
    }
  }

  /// How many annotation keys the value holds, at every depth.
  static func annotationCount(_ value: JSONValue) -> Int {
    switch value {
    case .object(let members):
      members.reduce(0) {
        $0 + (JSONObjectReader.isAnnotation($1.key) ? 1 : 0)
          + annotationCount($1.value)
      }
    case .array(let elements): elements.reduce(0) { $0 + annotationCount($1) }
    default: 0
    }
  }

  /// Every string value of a `kind` field, at every depth.
  static func kinds(_ value: Any) -> Set<String> {
    if let object = value as? [String: Any] {
      var found = Set(object.values.flatMap(kinds))
      if let kind = object["kind"] as? String { found.insert(kind) }
      return found
    }
    if let array = value as? [Any] { return Set(array.flatMap(kinds)) }
    return []
  }

  @Test(arguments: ScenarioTemplate.allCases)
  func validatesWithItsNameTheSchemaAndComments(_ template: ScenarioTemplate)
    throws
  {
    let scenario = try ScenarioLoader.parse(
      text: template.text, file: "\(template.rawValue).json")
    #expect(scenario.name == template.rawValue)
    #expect(scenario.population.size <= 20_000)
    let json = try Self.object(template.text)
    #expect(json["$schema"] as? String == "scenario.schema.json")
    #expect(json["$comment"] is String)
    let document = try JSONParser.parse(template.text)
    // Comments explain the sections and their main fields, not just the file.
    #expect(Self.annotationCount(document) >= 12)
  }

  @Test(arguments: ScenarioTemplate.allCases)
  func runsSmallWithoutDegenerateOutcomes(_ template: ScenarioTemplate) throws {
    let scenario = try ScenarioLoader.parse(
      text: template.text, file: "\(template.rawValue).json")
    #expect(QuickRun.warnings(scenario, threads: 2) == [])
  }

  @Test(arguments: ScenarioTemplate.allCases)
  func commentsChangeNothing(_ template: ScenarioTemplate) throws {
    let document = try JSONParser.parse(template.text)
    let bare = Self.stripped(document)
    #expect(Self.annotationCount(bare) == 0)
    var commented = try ScenarioLoader.decode(document, file: "t.json")
    var plain = try ScenarioLoader.decode(bare, file: "t.json")
    commented.population.size = 600
    plain.population.size = 600
    let a = SimulationEngine(scenario: commented, threads: 1).run()
    let b = SimulationEngine(scenario: plain, threads: 1).run()
    #expect(a.arms == b.arms)
    #expect(a.segments == b.segments)
  }

  @Test(arguments: ScenarioTemplate.allCases)
  func namingSetsOnlyTheScenariosName(_ template: ScenarioTemplate) throws {
    let text = template.text(named: "q4 \"promo\" 分期")
    let scenario = try ScenarioLoader.parse(text: text, file: "q4.json")
    #expect(scenario.name == "q4 \"promo\" 分期")
    let original = try ScenarioLoader.parse(text: template.text, file: "t.json")
    #expect(scenario.arms.map(\.name) == original.arms.map(\.name))
    #expect(
      scenario.population.segments.map(\.name)
        == original.population.segments.map(\.name))
    #expect(text.count - template.text.count == 15 - template.rawValue.count)
  }

  @Test func promotionABIsASplitTestWithGuardrailsAndSequentialMonitoring()
    throws
  {
    let s = try ScenarioLoader.parse(
      text: ScenarioTemplate.promotionAB.text, file: "t.json")
    let e = try #require(s.experiment)
    #expect(s.arms.count == 2 && e.mode == .split)
    #expect(e.sequentialRelativeEffect != nil && e.stratifyBySegment)
    #expect(e.metrics.contains { $0.maxIncrease != nil })
    #expect(e.metrics.first?.maxIncrease == nil)
    #expect(s.seasoning != nil && s.usesFees)
  }

  @Test func seasonalCampaignHasChannelsACalendarAndARunOff() throws {
    let text = ScenarioTemplate.seasonalCampaign.text
    let s = try ScenarioLoader.parse(text: text, file: "t.json")
    #expect(s.usesChannels && s.usesReferrals && s.channels.count >= 3)
    #expect(s.horizon?.runOff == .untilMatured && s.runOffMonths > 0)
    #expect(s.experiment?.mode == .counterfactual)
    let json = try Self.object(text)
    let arms = try #require(json["arms"] as? [[String: Any]])
    let campaign = try #require(
      arms.compactMap { $0["campaign"] as? [String: Any] }.first)
    for key in ["discount", "urgency", "referral"] {
      #expect(campaign[key] != nil, "\(key)")
    }
    let marketing = try #require(json["marketing"] as? [String: Any])
    #expect((marketing["calendar"] as? [Any])?.isEmpty == false)
  }

  @Test func stressHasASeasonedBookAMacroPathShocksAndVasicek() throws {
    let s = try ScenarioLoader.parse(
      text: ScenarioTemplate.stress.text, file: "t.json")
    let macro = try #require(s.macro)
    #expect(s.seasoning != nil && macro.shocks.count >= 3)
    #expect(macro.sectors != nil && macro.vasicek.defaultRho > 0)
    #expect(Set(macro.confidence).count > 1)
    #expect(s.usesCollections)
  }

  @Test func riskStackHasEveryStageAndTwoOrThreePolicies() throws {
    let s = try ScenarioLoader.parse(
      text: ScenarioTemplate.riskStack.text, file: "t.json")
    let stack = try #require(s.riskStack)
    #expect(stack.fraud.share > 0 && stack.creditLines != nil)
    #expect(stack.retrainEveryMonths > 0 && !stack.confidence.isEmpty)
    #expect((2...3).contains(s.arms.count))
    #expect(s.arms.filter { $0.risk?.decision == .model }.count >= 2)
    #expect(s.economics.aprCap != nil)
  }

  @Test func businessHasMerchantsPrepaidServicesFirmsLinesAndRecourse() throws {
    let s = try ScenarioLoader.parse(
      text: ScenarioTemplate.business.text, file: "t.json")
    let business = try #require(s.business)
    #expect(business.hasMerchants && business.firms != nil)
    #expect(business.categories.contains { $0.kind == .prepaidService })
    #expect(s.arms.contains { $0.recourse != nil })
    #expect(s.arms.contains { $0.recourse == nil })
    #expect(s.arms.allSatisfy { $0.lines != nil } && s.usesCoLending)
  }

  @Test func betweenThemTheTemplatesUseEveryMarginPricingAndMostShockKinds()
    throws
  {
    var used = Set<String>()
    for template in ScenarioTemplate.allCases {
      used.formUnion(Self.kinds(try Self.object(template.text)))
    }
    let expected: Set = [
      "normal", "logNormal", "uniform", "beta", "poisson", "categorical",
      "annualRate", "flatMonthlyFee", "recession", "rateRise",
      "sectorCollapse", "aprCap", "goods", "prepaidService",
    ]
    #expect(expected.subtracting(used).isEmpty, "\(expected.subtracting(used))")
  }
}
