import FenqiCore
import FenqiExperiment
import FenqiSimulation

/// The scenario-backed ``MomentSimulator``: writes the point's values into the scenario document
/// at the free paths, validates it, and hands the scenario and the replicate's seed to a closure
/// that runs the model and measures its moments.
///
/// The closure decides what is simulated and measured (for a lender's book: run the engine,
/// write its loan tape, compute the tape's moments). Replicate r runs with seed `seed` + r, at
/// every point.
public struct ScenarioMomentSimulator: MomentSimulator {
  /// Runs a validated scenario with the given seed (already set as its `seed`) and returns its
  /// moments by name.
  public typealias Measure =
    @Sendable (Scenario, UInt64) throws -> [String: Double]

  /// The scenario document the values are written into.
  public let document: JSONValue
  /// The free parameters' dotted paths, in point order.
  public let paths: [String]
  /// The seed of replicate 0.
  public let seed: UInt64
  /// The scenario file's name, for messages.
  public let file: String
  private let measure: Measure

  /// Creates a simulator.
  ///
  /// - Parameters:
  ///   - document: the scenario document.
  ///   - paths: the free paths (see ``FreeParameter/path``).
  ///   - seed: the seed of replicate 0.
  ///   - file: the scenario's name in messages.
  ///   - measure: runs a scenario with a seed and measures its moments.
  public init(
    document: JSONValue, paths: [String], seed: UInt64,
    file: String = "scenario",
    measure: @escaping Measure
  ) {
    self.document = document
    self.paths = paths
    self.seed = seed
    self.file = file
    self.measure = measure
  }

  /// Creates the simulator of checked calibration inputs.
  public init(inputs: CalibrationInputs, measure: @escaping Measure) {
    self.init(
      document: inputs.measured, paths: inputs.paths,
      seed: inputs.settings.seed,
      file: inputs.settings.scenarioFile, measure: measure)
  }

  /// The scenario document with `point`'s values written in.
  public func document(at point: [Double]) throws(SweepGrid.Problem)
    -> JSONValue
  {
    try CornerCheck.patched(document, paths: paths, values: point)
  }

  /// The validated scenario at `point` (its own seed unchanged).
  ///
  /// - Throws: `SweepGrid.Problem` for a path that cannot be set, `ScenarioError` when the
  ///   patched scenario does not validate.
  public func scenario(at point: [Double]) throws -> Scenario {
    try ScenarioLoader.parse(
      text: JSONWriter.text(document(at: point)), file: file)
  }

  /// The moments of replicate `replicate` at `point`: the closure's, on the patched scenario
  /// with seed `seed` + replicate.
  public func moments(at point: [Double], replicate: Int) throws -> [String:
    Double]
  {
    var scenario = try scenario(at: point)
    scenario.seed = seed &+ UInt64(replicate)
    return try measure(scenario, scenario.seed)
  }
}
