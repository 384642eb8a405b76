import FenqiCalibration
import FenqiCore
import FenqiSimulation
import Testing

/// Parameter recovery on the real engine, small enough for a debug build.
///
/// The baseline world writes a loan tape at one seed, and three of its parameters are calibrated
/// back from that tape's moments at another seed. `fenqi-bench recovery` runs the full version
/// (six parameters, twenty trials, books of ~20,000 loans).
@Suite struct ScenarioRecoveryTests {
  /// Customers in the truth and in every simulated book (~2,700 loans on the tape).
  static let customers = 40_000.0
  /// Months of seasoning burn-in, for truth and simulations alike.
  static let burnIn = 3.0
  static let truthSeed: UInt64 = 5_150
  static let calibrationSeed: UInt64 = 5_151
  /// The free fields and their boxes: the truth (1.70, 0.51, 0.015) off-centre in each.
  static let parameters: [FreeParameter] = [
    FreeParameter(path: "repayment.roll.intercept", minimum: 1.0, maximum: 2.3),
    FreeParameter(
      path: "repayment.cure.byBucket.0", minimum: -0.2, maximum: 1.3),
    FreeParameter(
      path: "population.segments.mainstream.behaviour.prepaymentRate",
      minimum: 0.006, maximum: 0.05, scale: .log),
  ]
  static let families = [
    "ever30.", "ever90.", "chargeOff.", "prepaid.", "roll.", "principal.mean",
  ]

  /// The truth's tape moments, every loan on the tape, with bootstrap replicates.
  static func observed() throws -> TapeMoments {
    let writer = ScenarioMomentSimulator(
      document: try JSONParser.parse(ToyBook.baseline),
      paths: ["population.size", "seasoning.burnInMonths"], seed: truthSeed
    ) { _, _ in [:] }
    var scenario = try writer.scenario(at: [customers, burnIn])
    scenario.seed = truthSeed
    var engine = SimulationEngine(scenario: scenario, threads: 2)
    engine.tapeLoans = Int(Int32.max)
    let tape = try #require(engine.run().tape).loanTape()
    return TapeMoments.compute(
      tape, replicates: 100, seed: truthSeed, threads: 2)
  }

  /// The calibration file: the fitted families less the moments measured without error.
  static func calibrationText(_ observed: TapeMoments) -> String {
    let exact = observed.moments.filter {
      $0.standardError == 0 && families.contains(where: $0.name.hasPrefix)
    }.map(\.name)
    let boxes = parameters.map {
      JSONValue.object([
        ("path", .string($0.path)), ("min", .number($0.minimum)),
        ("max", .number($0.maximum)), ("scale", .string($0.scale.rawValue)),
      ])
    }
    return JSONWriter.text(
      .object([
        ("scenario", .string("baseline.json")),
        ("moments", .string("moments.json")), ("parameters", .array(boxes)),
        ("budget", .number(40)), ("replicates", .number(1)),
        ("seed", .number(Double(calibrationSeed))),
        ("momentNames", .array(families.map(JSONValue.string))),
        ("exclude", .array(exact.map(JSONValue.string))),
        (
          "uncertainty",
          .object([("method", .string("sandwich")), ("draws", .number(400))])
        ),
        (
          "overrides",
          .object([
            ("population.size", .number(customers)),
            ("seasoning.burnInMonths", .number(burnIn)),
          ])
        ),
      ]))
  }

  /// The 95% intervals cover the known values, and at the estimate the fitted moments lie
  /// within 2 standard errors of the observed ones, the error being that of a difference
  /// between two books of the same size (σ·√2 with one replicate): at least 90% of them, and
  /// none beyond 3.5. (Not every one: of ~45 moments a correct model leaves about 2 outside 2
  /// standard errors, and a rare event on a small book — the first charge-offs — is far from
  /// normal.)
  @Test func recoversTheBaselineFromItsOwnTape() throws {
    let observed = try Self.observed()
    #expect(observed.loans > 2_000)
    let moments = MomentsFile.text(observed)
    let inputs = try CalibrationInputs.make(
      file: "recovery.json", calibrationText: Self.calibrationText(observed)
    ) { kind, _ in .success(kind == .scenario ? ToyBook.baseline : moments) }
    let document = try JSONParser.parse(ToyBook.baseline)
    let truth = [1.70, 0.51, 0.015]
    #expect(
      document["repayment"]?["roll"]?["intercept"] == .number(truth[0]))
    let simulator = ScenarioMomentSimulator(inputs: inputs) { scenario, _ in
      SimulatedBook.measure(scenario, threads: 1)
    }
    let r = try Calibration(inputs: inputs, simulator: simulator, threads: 2)
      .run(store: InMemoryTrialStore(), progress: { _ in })
    #expect(r.target.isCorrelated && r.unsimulated.isEmpty)
    #expect(r.target.names.count >= 30)
    let intervals = try #require(r.intervals)
    for k in truth.indices {
      #expect(
        intervals[k].low <= truth[k] && truth[k] <= intervals[k].high,
        "\(inputs.paths[k]): [\(intervals[k].low), \(intervals[k].high)] misses \(truth[k]); estimate \(r.estimate[k])"
      )
    }
    let best = r.records[r.optimum]
    var within = 0
    for (m, name) in r.target.names.enumerated() {
      let s = try #require(best.moment(name))
      let z = r.target.z(m, simulated: s) / 2.0.squareRoot()
      #expect(abs(z) <= 3.5, "\(name): z = \(z)")
      if abs(z) <= 2 { within += 1 }
    }
    #expect(
      Double(within) >= 0.9 * Double(r.target.names.count),
      "\(within) of \(r.target.names.count) fitted moments within 2 SE")
  }
}
