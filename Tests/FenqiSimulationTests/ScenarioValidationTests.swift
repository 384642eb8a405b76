import FenqiCore
import FenqiSimulation
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

@Suite struct ScenarioValidationTests {
  static let scenarioFiles: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.contains("schema")
        && !$0.hasPrefix("calibrate-") && !$0.hasPrefix("optimize-")
    }
    .sorted()
  }()

  @Test func theRepositoryHasScenarios() {
    #expect(
      Self.scenarioFiles.contains("baseline.json")
        && Self.scenarioFiles.contains("peer-lifecycle.json"))
  }

  @Test(arguments: scenarioFiles)
  func everyShippedScenarioValidates(name: String) throws {
    let (scenario, hash) = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(name)").path)
    #expect(!scenario.arms.isEmpty && hash.count == 64)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let file: String
    let message: String
    var testDescription: String { file }
  }

  static let invalid: [Case] = [
    Case(
      file: "misspelt-key.json",
      message: """
        misspelt-key.json: 3 problems
          - $.population.segments: missing required field (expected an array)
          - $.population.segmnets: unknown field; did you mean "segments"?
          - $.perods: unknown field; did you mean "periods"?
        """),
    Case(
      file: "shares-sum.json",
      message: """
        shares-sum.json: 1 problem
          - $.population.segments: expected segment shares that sum to 1, found 1.2
        """),
    Case(
      file: "negative-size.json",
      message: """
        negative-size.json: 1 problem
          - $.population.size: expected an integer in [1, 100000000], found -5
        """),
    Case(
      file: "many-problems.json",
      message: """
        many-problems.json: 7 problems
          - $.periods: expected an integer in [1, 600], found 0
          - $.population.segments[0].attributes.cityTier.probabilities: expected 5 numbers, found 2
          - $.repayment.chargeOffDaysPastDue: expected one of 90, 120, 150, 180, found 100
          - $.arms[0].offer.termMonths: expected one of 3, 6, 9, 12, 18, 24, found 7
          - $.arms[1].reachRate: expected a fraction in [0, 1], found 15
          - $.arms[1].offer.interestFreePeriods: expected at most termMonths (12) interest-free periods, found 13
          - $.arms: expected arm allocations that sum to 1, found 0.9
        """),
    Case(
      file: "not-positive-definite.json",
      message: """
        not-positive-definite.json: 1 problem
          - $.population.correlations: expected correlations that can hold together (a positive-definite matrix); these contradict each other (the conflict shows at creditScore)
        """),
    Case(
      file: "not-json.json",
      message:
        "not-json.json: not valid JSON: line 5, column 3: expected ',' or '}'"),
  ]

  @Test(arguments: invalid)
  func invalidScenarioGivesItsExactMessage(c: Case) throws {
    let url = try #require(
      Bundle.module.url(
        forResource: c.file, withExtension: nil, subdirectory: "Invalid"))
    let text = try String(contentsOf: url, encoding: .utf8)
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: text, file: c.file)
    }
    #expect(error?.message == c.message)
  }

  @Test func aMissingFileIsReportedByName() {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: "no/such/scenario.json")
    }
    #expect(
      error?.message
        == "no/such/scenario.json: cannot read the scenario: no such file")
  }

  @Test func wrongTypesAndBadEnumValuesAreNamed() {
    let text =
      #"{"name": 3, "seed": 1.5, "periods": 12, "population": [], "choice": {}, "repayment": {}, "approval": {}, "economics": {}, "arms": []}"#
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: text, file: "t.json")
    }
    #expect(
      error?.problems.map(\.description) == [
        "$.name: expected a string, found 3",
        "$.seed: expected an integer in [0, 9007199254740991], found 1.5",
        "$.population: expected an object, found an array",
        "$.choice.split: missing required field (expected an object)",
        "$.repayment.miss: missing required field (expected an object)",
        "$.repayment.roll: missing required field (expected an object)",
        "$.repayment.lossGivenDefault: missing required field (expected a fraction in [0, 1])",
        "$.approval.minimumCreditScore: missing required field (expected a number in [0, 1000])",
        "$.economics.annualFundingRate: missing required field (expected a fraction in [0, 1])",
        "$.arms: expected an array of at least 1 element, found 0",
      ])
  }

  @Test func experimentProblemsAreNamedWithTheirPaths() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Scenarios/ab-first-period-free.json"), encoding: .utf8)
    let broken = text.replacingOccurrences(
      of: "\"control\": \"control\"", with: "\"control\": \"contrl\""
    )
    .replacingOccurrences(of: "\"alpha\": 0.05", with: "\"alpha\": 1.5")
    .replacingOccurrences(
      of: "\"name\": \"gmv_per_customer\"",
      with: "\"name\": \"gmv_per_custmer\"")
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(text: broken, file: "ab.json")
    }
    let messages = error?.problems.map(\.description) ?? []
    #expect(
      messages.contains(
        "$.experiment.control: expected the name of an arm (\"control\", \"firstPeriodFree\"), found \"contrl\"; did you mean \"control\"?"
      ), "\(messages)")
    #expect(
      messages.contains(
        "$.experiment.alpha: expected a number in (0, 1), found 1.5"))
    #expect(
      messages.contains {
        $0.hasPrefix(
          "$.experiment.metrics[1].name: expected one of \"conversion\"")
          && $0.hasSuffix(
            "found \"gmv_per_custmer\"; did you mean \"gmv_per_customer\"?")
      }, "\(messages)")
  }
}
