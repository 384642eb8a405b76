import FenqiCalibration
import FenqiCore
import FenqiSimulation
import Foundation

/// One trial of the parameter-recovery benchmark: a world with known parameters writes a loan
/// tape, and the method of simulated moments, run on another seed, estimates the parameters
/// back from the tape's moments.
///
/// Trial k runs the truth at seed ``truthSeed(_:)`` and calibrates at ``calibrationSeed(_:)``.
/// Both measure the scenario with the same overrides (``customers``, ``burnInMonths``), and the
/// calibration simulates a book as large as the observed one (one replicate).
struct RecoveryTrial: Sendable {
  /// The scenario file's name (in messages and in the calibration text).
  var scenarioFile: String
  /// The scenario file's text: the known world.
  var scenarioText: String
  /// The parameters estimated, with their boxes around the truth.
  var parameters: [RecoveryParameter]
  /// The truth: the scenario's value at each parameter's path.
  var truths: [Double]
  /// Customers simulated, by the truth and by every calibration point (`population.size`).
  var customers: Int
  /// The seasoning burn-in of truth and calibration, months (`seasoning.burnInMonths`).
  var burnInMonths: Int
  /// Poisson-bootstrap replicates behind the observed moments' standard errors.
  var bootstrap: Int
  /// The calibration's evaluation budget (global and local stages).
  var budget: Int
  /// The calibration's bootstrap draws (intervals).
  var draws: Int
  /// How the intervals are made.
  var method: UncertaintySettings.Method
  /// Nelder–Mead evaluations per bootstrap draw (`bootstrap`).
  var evaluationsPerDraw: Int
  /// The central differences' half-step, unit-cube units (`sandwich`).
  var step: Double
  /// Whether the observed moments keep their bootstrap replicates, so that the draws keep the
  /// moments' correlations; without, each moment is perturbed independently.
  var correlated: Bool
  /// Threads: the truth's engine and bootstrap, and the calibration's points in flight.
  var threads: Int

  /// The observed-moment families fitted: vintage curves, roll rates and the mean principal.
  ///
  /// Cure rates repeat `roll.X.current` and are left out; so is the term mix (one term).
  static let momentNames = [
    "ever30.", "ever90.", "chargeOff.", "prepaid.", "roll.", "principal.mean",
  ]

  /// The seed of trial `k`'s true world.
  static func truthSeed(_ k: Int) -> UInt64 { 7_100_000 + UInt64(k) }
  /// The seed of trial `k`'s calibration (its simulations, design and bootstrap draws).
  static func calibrationSeed(_ k: Int) -> UInt64 { 7_200_000 + UInt64(k) }

  /// The scenario fields both the truth and the calibration set for measuring only.
  var overrides: [(path: String, value: Double)] {
    [
      ("population.size", Double(customers)),
      ("seasoning.burnInMonths", Double(burnInMonths)),
    ]
  }

  /// Runs trial `k`.
  ///
  /// - Throws: a scenario that does not validate with the overrides, checked calibration inputs
  ///   that do not validate (``CalibrationError``), or a failed calibration.
  func run(_ k: Int, progress: @escaping (String) -> Void) throws
    -> RecoveryOutcome
  {
    let clock = ContinuousClock()
    let start = clock.now
    let observed = try truthMoments(k)
    let truthSeconds = (clock.now - start) / .seconds(1)
    var written = observed
    if !correlated {
      for i in written.moments.indices { written.moments[i].replicates = [] }
    }
    let momentsText = MomentsFile.text(written)
    let inputs = try CalibrationInputs.make(
      file: "recovery-\(k).json",
      calibrationText: calibrationText(k, observed: observed)
    ) { kind, _ in
      .success(kind == .scenario ? scenarioText : momentsText)
    }
    let populations = PopulationCache()
    let simulator = ScenarioMomentSimulator(inputs: inputs) { scenario, _ in
      SimulatedBook.measure(scenario, threads: 1, populations: populations)
    }
    let result = try Calibration(
      inputs: inputs, simulator: simulator, threads: threads
    ).run(store: InMemoryTrialStore(), progress: progress)
    let seconds = (clock.now - start) / .seconds(1)
    // A diagnosis, outside the timed calibration: the calibration's own simulation (its seed)
    // at the true values. A distance there below the estimate's means the search missed a
    // better point; above, the estimate fits the tape better than the truth does.
    let atTruth = try simulator.moments(at: truths, replicate: 0)
    return RecoveryOutcome(
      trial: k, loans: observed.loans, truths: truths, result: result,
      truthDistance: result.target.distance(
        result.target.names.map { atTruth[$0] }),
      truthSeconds: truthSeconds, seconds: seconds)
  }

  /// The true world's tape moments at trial `k`'s truth seed, every loan on the tape, with
  /// bootstrap standard errors.
  func truthMoments(_ k: Int) throws -> TapeMoments {
    let document = try JSONParser.parse(scenarioText)
    let writer = ScenarioMomentSimulator(
      document: document, paths: overrides.map(\.path),
      seed: Self.truthSeed(k), file: scenarioFile
    ) { _, _ in [:] }
    var scenario = try writer.scenario(at: overrides.map(\.value))
    scenario.seed = Self.truthSeed(k)
    var engine = SimulationEngine(scenario: scenario, threads: threads)
    engine.tapeLoans = Int(Int32.max)
    guard let tape = engine.run().tape else {
      throw RecoveryFailure("the truth run wrote no loan tape")
    }
    return TapeMoments.compute(
      tape.loanTape(), replicates: bootstrap, seed: Self.truthSeed(k),
      threads: threads)
  }

  /// The calibration file of trial `k` as text: the six boxes, the fitted families less the
  /// moments the tape measures without error (structural zeros and ones such as
  /// `ever90.mob02`, whose bootstrap standard error is 0), and the overrides.
  func calibrationText(_ k: Int, observed: TapeMoments) -> String {
    let degenerate = observed.moments.filter {
      $0.standardError == 0
        && Self.momentNames.contains(where: $0.name.hasPrefix)
    }.map(\.name)
    let boxes = zip(parameters, truths).map { p, t in
      let f = p.box(truth: t)
      return JSONValue.object([
        ("path", .string(f.path)), ("min", .number(f.minimum)),
        ("max", .number(f.maximum)), ("scale", .string(f.scale.rawValue)),
      ])
    }
    return JSONWriter.text(
      .object([
        ("scenario", .string(scenarioFile)),
        ("moments", .string("moments.json")),
        ("parameters", .array(boxes)),
        ("budget", .number(Double(budget))),
        ("replicates", .number(1)),
        ("seed", .number(Double(Self.calibrationSeed(k)))),
        ("momentNames", .array(Self.momentNames.map(JSONValue.string))),
        ("exclude", .array(degenerate.map(JSONValue.string))),
        (
          "uncertainty",
          .object([
            ("method", .string(method.rawValue)),
            ("draws", .number(Double(draws))),
            ("evaluationsPerDraw", .number(Double(evaluationsPerDraw))),
            ("step", .number(step)),
          ])
        ),
        (
          "overrides",
          .object(overrides.map { ($0.path, JSONValue.number($0.value)) })
        ),
      ]))
  }
}

/// Why a recovery trial could not run.
struct RecoveryFailure: Error, CustomStringConvertible {
  /// What went wrong.
  var description: String
  init(_ description: String) { self.description = description }
}
