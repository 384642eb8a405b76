import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation
import Testing

@testable import FenqiOptimization

/// `fenqi optimize`'s problem: the file is checked at its JSON paths, plans run with common
/// random numbers and give the economics the experiment runner gives, and a resumed search
/// replays the same plans.
@Suite struct PromotionOptimizationTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func text(_ name: String) throws -> String {
    try String(
      contentsOf: root.appendingPathComponent("Scenarios/\(name)"),
      encoding: .utf8)
  }

  /// A small double11 problem over two of gold12's campaign fields.
  static func file(
    arm: String = "gold12", horizon: String = "lifetime",
    parameters: String? = nil,
    constraints: String? = nil, budget: Int = 6
  ) -> String {
    """
    {"scenario": "double11.json", "arm": "\(arm)", "customers": 3000,
     "objective": {"item": "npv", "horizon": "\(horizon)"},
     "constraints": \(constraints ?? #"[{"item": "cohort_loss_rate", "of": "treatment", "max": 0.05}]"#),
     "parameters": \(parameters ?? #"[{"path": "arms.gold12.campaign.tierPrivilege.minimumTier", "min": 0, "max": 3, "integer": true}, {"path": "arms.gold12.campaign.channels.appPush", "min": 0, "max": 1}]"#),
     "budget": \(budget), "replicates": 2, "seed": 5,
     "verification": {"replicates": 2, "frontierPoints": 2}}
    """
  }

  static func inputs(_ text: String, scenario: String = "double11.json") throws
    -> OptimizationInputs
  {
    try OptimizationInputs.from(
      file: "opt.json", text: text, scenarioText: try Self.text(scenario))
  }

  /// The problems of an optimisation file, as "path: message".
  static func problems(_ text: String, scenario: String = "double11.json")
    throws -> [String]
  {
    let scenarioText = try Self.text(scenario)
    do throws(OptimizationError) {
      _ = try OptimizationInputs.from(
        file: "opt.json", text: text, scenarioText: scenarioText)
      return []
    } catch {
      guard case .invalid(_, let problems) = error else {
        return [error.message]
      }
      return problems.map(\.description)
    }
  }

  @Test(arguments: [
    (
      #""objective": {"item": "npv", "horizon": "lifetime"}"#,
      #""objective": {"item": "npvv"}"#, "$.objective.item"
    ),
    (
      #"[{"item": "cohort_loss_rate", "of": "treatment", "max": 0.05}]"#,
      #"[{"item": "cohort_loss_rate"}]"#, "$.constraints[0].max"
    ),
    (
      #""min": 0, "max": 3, "integer": true"#,
      #""min": 0, "max": 2.5, "integer": true"#,
      "$.parameters[0].max"
    ),
    (#""arm": "gold12""#, #""arm": "control""#, "$.arm"),
    (#""arm": "gold12""#, #""arm": "gold13""#, "$.arm"),
    (#""budget": 6"#, #""budget": 1"#, "$.budget"),
  ])
  func aBadFieldIsReportedAtItsPath(from: String, to: String, path: String)
    throws
  {
    let text = Self.file().replacingOccurrences(of: from, with: to)
    #expect(text != Self.file(), "the edit applies")
    let found = try Self.problems(text)
    #expect(found.contains { $0.hasPrefix(path) }, "\(found)")
  }

  @Test func aBoundTheScenarioRefusesIsNamedBeforeAnythingRuns() throws {
    let text = Self.file(
      parameters:
        #"[{"path": "arms.gold12.campaign.start", "min": 6, "max": 14, "integer": true}]"#
    )
    let found = try Self.problems(text)
    #expect(found.contains { $0.hasPrefix("$.parameters[0].max") }, "\(found)")
  }

  @Test func aLifetimeFigureNeedsARunOff() throws {
    let text = Self.file(
      arm: "interestFree3",
      parameters:
        #"[{"path": "arms.interestFree3.offer.interestFreePeriods", "min": 0, "max": 6, "integer": true}]"#
    )
    .replacingOccurrences(of: "double11.json", with: "baseline.json")
    .replacingOccurrences(
      of: "cohort_loss_rate\", \"of\": \"treatment\"",
      with: "npv\", \"horizon\": \"window\"")
    let found = try Self.problems(text, scenario: "baseline.json")
    #expect(found.contains { $0.hasPrefix("$.objective.horizon") }, "\(found)")
    #expect(
      !found.contains { $0.hasPrefix("$.constraints[0].horizon") }, "\(found)")
  }

  /// The shipped plan evaluated twice gives the same figures (common random numbers), and the
  /// same figures as the experiment runner's counterfactual economics on the same seeds.
  @Test func aPlanGivesTheExperimentRunnersEconomics() throws {
    let inputs = try Self.inputs(Self.file())
    let seeds = PlanEvaluator.seeds(from: inputs.scenario.seed, count: 2)
    let evaluator = PlanEvaluator(inputs, seeds: seeds, threads: 2)
    #expect(evaluator.sharesControl)
    let shipped = try #require(inputs.shippedValues)
    let once = evaluator.evaluate(shipped)
    let twice = evaluator.evaluate(shipped)
    #expect(
      once.objective == twice.objective && once.constraints == twice.constraints
    )
    var s = inputs.scenario
    s.arms = [s.arms[0], s.arms[1]]
    s.experiment = nil
    let samples = seeds.map { seed -> EconomicsSample in
      var t = s
      t.seed = seed
      return EconomicsSample(
        ExperimentRunner.combine(
          ExperimentRunner.counterfactualRuns(t, threads: 1)),
        control: 0)
    }
    let rows = IncrementalEconomics(samples, scenario: s, control: 0).rows()
    let npv = try #require(
      rows.first { $0.item == .npv && $0.horizon == .lifetime })
    #expect(abs(once.objective - npv.increment) <= 1e-9 * abs(npv.increment))
    #expect(
      abs(
        once.constraints[0]
          - (rows.first {
            $0.item == .cohortLossRate && $0.horizon == .lifetime
          }?.treatment ?? .nan)) < 1e-12)
  }

  /// A search resumed from its first trials asks the same plans and ends with the same trials.
  @Test func aResumedSearchReplaysItsTrials() throws {
    let inputs = try Self.inputs(Self.file(budget: 7))
    let full = Optimization.run(inputs, threads: 2)
    #expect(full.count == 7)
    #expect(full.map(\.index) == Array(0..<7))
    let resumed = Optimization.run(
      inputs, threads: 1, replay: Array(full.prefix(4)))
    #expect(resumed == full)
    let other = Optimization.run(inputs, threads: 2, restart: 1)
    #expect(
      other[0] == full[0], "the shipped plan comes first in every restart")
    #expect(
      other[1].unit != full[1].unit, "a restart searches with its own seed")
  }

  /// The best trial is feasible before it is large, and the frontier trades the objective
  /// against the main constraint.
  @Test func theBestAndTheFrontierFollowDebsRules() throws {
    let inputs = try Self.inputs(Self.file())
    let settings = inputs.settings
    func trial(_ k: Int, _ objective: Double, _ loss: Double)
      -> OptimizationTrial
    {
      OptimizationTrial(
        index: k, batch: 1, unit: [0, 0], values: [0, 0], objective: objective,
        constraints: [loss], feasible: loss <= 0.05, problem: "")
    }
    let trials = [
      trial(0, 100, 0.04), trial(1, 500, 0.06), trial(2, 200, 0.03),
      trial(3, 150, 0.02),
    ]
    #expect(Optimization.best(trials, settings: settings).index == 2)
    #expect(
      Optimization.frontier(trials, settings: settings).map(\.index) == [
        3, 2, 1,
      ])
  }
}
