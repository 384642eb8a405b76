import FenqiCalibration
import FenqiCore
import FenqiSimulation
import Testing

@Suite struct ScenarioMomentSimulatorTests {
  static func simulator() throws -> ScenarioMomentSimulator {
    ScenarioMomentSimulator(
      document: try JSONParser.parse(ToyBook.baseline),
      paths: ["repayment.miss.intercept", "arms.control.offer.termMonths"],
      seed: 40,
      file: "baseline.json"
    ) { scenario, seed in
      [
        "missIntercept": scenario.repayment.hazard.missIntercept,
        "seed": Double(seed), "scenarioSeed": Double(scenario.seed),
      ]
    }
  }

  /// The point is written at its paths (arms by name), the scenario validated, and replicate r
  /// run with seed base + r, at every point.
  @Test func writesThePointAndSeedsReplicatesFromTheBase() throws {
    let s = try Self.simulator()
    let m = try s.moments(at: [-3.25, 6], replicate: 2)
    #expect(m == ["missIntercept": -3.25, "seed": 42, "scenarioSeed": 42])
    let doc = try s.document(at: [-3.25, 6])
    #expect(doc["repayment"]?["miss"]?["intercept"] == .number(-3.25))
    #expect(try s.moments(at: [-2, 6], replicate: 2)["seed"] == 42)
  }

  /// A point where the scenario does not validate throws the scenario's problems.
  @Test func anInvalidPointThrowsTheScenarioProblem() throws {
    let s = try Self.simulator()
    let error = #expect(throws: ScenarioError.self) {
      _ = try s.moments(at: [-40, 6], replicate: 0)
    }
    #expect(
      error?.problems.map(\.description) == [
        "$.repayment.miss.intercept: expected a number in [-30, 30], found -40"
      ])
  }

  /// A throwing point is a failed trial with its message, not a failed calibration.
  @Test func failedPointsAreRecordedAndAvoided() throws {
    struct Flaky: MomentSimulator {
      struct Refusal: Error, CustomStringConvertible {
        var description: String { "no book there" }
      }
      let book = ToyBook(loans: 20_000, seed: 5)
      func moments(at point: [Double], replicate: Int) throws -> [String:
        Double]
      {
        if point[2] > 1.5 { throw Refusal() }
        return try book.moments(at: point, replicate: replicate)
      }
    }
    let inputs = try ToyBook.inputs(
      ToyBook.calibrationText(budget: 60, seed: 5, draws: 0),
      moments: ToyBook.observedText(loans: 20_000))
    let r = try Calibration(inputs: inputs, simulator: Flaky(), threads: 2).run(
      store: InMemoryTrialStore(), progress: { _ in })
    let failed = r.records.filter {
      if case .failed = $0.outcome { return true }
      return false
    }
    #expect(!failed.isEmpty)
    #expect(
      failed.allSatisfy { $0.outcome == .failed("replicate 0: no book there") })
    #expect(failed.allSatisfy { !r.distances[$0.trial - 1].isFinite })
    #expect(r.estimate[2] <= 1.5 && r.intervals == nil)
    #expect(CalibrationFiles.parameters(r).hasSuffix(",,\n"))
  }
}
