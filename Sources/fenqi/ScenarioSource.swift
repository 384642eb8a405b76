import FenqiCalibration
import FenqiCore
import FenqiSimulation
import Foundation

/// What `fenqi run` and `fenqi validate` accept: a scenario file, or a calibration file, which
/// stands for the scenario it calibrates as one evaluation simulates it — its overrides written
/// in, at the calibration's seed — so every file in `Scenarios/` runs.
enum ScenarioSource {
  /// A loaded scenario, its file's SHA-256 and, for a calibration file, its checked inputs.
  struct Loaded {
    var scenario: Scenario
    var sha256: String
    var calibration: CalibrationInputs?
  }

  /// The top-level keys of the JSON object at `path`; empty when it cannot be read or parsed
  /// (the scenario loader reports why).
  static func topLevelKeys(path: String) -> Set<String> {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8),
      let json = try? JSONParser.parse(text), case .object(let members) = json
    else { return [] }
    return Set(members.map(\.key))
  }

  /// Whether the file at `path` is a calibration file (an object with `scenario` and
  /// `parameters`, and no `objective`).
  static func isCalibration(path: String) -> Bool {
    let keys = topLevelKeys(path: path)
    return keys.contains("scenario") && keys.contains("parameters")
      && !keys.contains("objective")
  }

  /// Whether the file at `path` is an optimisation file (an object with `scenario` and
  /// `objective`).
  static func isOptimization(path: String) -> Bool {
    let keys = topLevelKeys(path: path)
    return keys.contains("scenario") && keys.contains("objective")
  }

  /// Loads `path`; on failure, returns the message to print (exit code 2).
  static func load(_ path: String) -> Result<Loaded, LoadFailure> {
    guard isCalibration(path: path) else {
      do {
        let (s, sha) = try ScenarioLoader.load(path: path)
        return .success(Loaded(scenario: s, sha256: sha, calibration: nil))
      } catch { return .failure(LoadFailure(message: error.message)) }
    }
    let inputs: CalibrationInputs
    do { inputs = try CalibrationInputs.load(file: path) } catch {
      return .failure(LoadFailure(message: error.message))
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let file = folder.appendingPathComponent(inputs.settings.scenarioFile).path
    do {
      var s = try ScenarioLoader.decode(inputs.measured, file: file)
      s.seed = inputs.settings.seed
      return .success(
        Loaded(
          scenario: s,
          sha256: SHA256.hexDigest(of: Array(inputs.calibrationText.utf8)),
          calibration: inputs))
    } catch { return .failure(LoadFailure(message: error.message)) }
  }

  /// Why a file could not be loaded: the message to print.
  struct LoadFailure: Error {
    var message: String
  }
}
