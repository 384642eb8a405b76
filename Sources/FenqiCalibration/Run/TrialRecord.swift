import FenqiCore

/// The stage of a calibration a trial belongs to.
public enum CalibrationStage: String, Sendable, CaseIterable {
  /// The space-filling design over the whole box.
  case global
  /// Nelder–Mead refinement from the best global points.
  case local
  /// Nelder–Mead re-minimisations of the bootstrap draws.
  case uncertainty
}

/// One evaluated point: where it is and what the simulation gave there.
///
/// Stored as `trials/t-000001.json` in a calibration folder as soon as it is evaluated, so a
/// killed calibration resumes, and as the rows of `trials.csv`.
public struct TrialRecord: Sendable, Equatable {
  /// What the simulation gave.
  public enum Outcome: Sendable, Equatable {
    /// The moments, means over the replicates, by name; only those every replicate gave
    /// (finite).
    case moments([String: Double])
    /// A replicate threw; its message.
    case failed(String)
  }

  /// The trial's number, from 1, in the order trials were first asked for.
  public var trial: Int
  /// Its stage.
  public var stage: CalibrationStage
  /// The point in the unit cube.
  public var unit: [Double]
  /// The point in the parameters' natural units.
  public var point: [Double]
  /// The simulation's outcome.
  public var outcome: Outcome

  /// Creates a record.
  public init(
    trial: Int, stage: CalibrationStage, unit: [Double], point: [Double],
    outcome: Outcome
  ) {
    self.trial = trial
    self.stage = stage
    self.unit = unit
    self.point = point
    self.outcome = outcome
  }

  /// The simulated moment `name`, if the simulation gave it.
  public func moment(_ name: String) -> Double? {
    if case .moments(let m) = outcome { return m[name] }
    return nil
  }

  /// The file name of trial `trial`: `t-000001.json`.
  public static func fileName(_ trial: Int) -> String {
    let digits = String(trial)
    return "t-" + String(repeating: "0", count: Swift.max(0, 6 - digits.count))
      + digits + ".json"
  }

  /// The record as key-sorted JSON text ending in a line break; numbers round-trip exactly.
  public var text: String {
    var members: [(key: String, value: JSONValue)] = [
      ("trial", .number(Double(trial))), ("stage", .string(stage.rawValue)),
      ("unit", .array(unit.map(JSONValue.number))),
      ("point", .array(point.map(JSONValue.number))),
    ]
    switch outcome {
    case .moments(let m):
      members.append(
        (
          "moments",
          .object(m.keys.sorted().map { ($0, JSONValue.number(m[$0] ?? .nan)) })
        ))
    case .failed(let message):
      members.append(("failure", .string(message)))
    }
    return JSONWriter.text(.object(members))
  }

  /// Reads a record's text.
  ///
  /// - Returns: the record, or why the text is not a whole record (a file cut short fails:
  ///   every record ends in a line break).
  public static func parse(_ text: String) -> Result<
    TrialRecord, TrialFileProblem
  > {
    guard text.hasSuffix("\n") else {
      return .failure(
        TrialFileProblem("the file was cut short (no final line break)"))
    }
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      return .failure(TrialFileProblem("not valid JSON: \(error)"))
    }
    func numbers(_ v: JSONValue?) -> [Double]? {
      guard case .array(let a) = v ?? .null else { return nil }
      let xs = a.compactMap { e -> Double? in
        if case .number(let x) = e { return x }
        return nil
      }
      return xs.count == a.count ? xs : nil
    }
    guard case .number(let t) = json["trial"] ?? .null, t >= 1,
      t == t.rounded(), t < 1e9,
      case .string(let s) = json["stage"] ?? .null,
      let stage = CalibrationStage(rawValue: s),
      let unit = numbers(json["unit"]), let point = numbers(json["point"]),
      unit.count == point.count
    else {
      return .failure(
        TrialFileProblem("not a trial record (trial, stage, unit, point)"))
    }
    let outcome: Outcome
    if case .string(let message) = json["failure"] ?? .null {
      outcome = .failed(message)
    } else if case .object(let members) = json["moments"] ?? .null {
      var m: [String: Double] = [:]
      for (k, v) in members {
        guard case .number(let x) = v else {
          return .failure(TrialFileProblem("moment '\(k)' is not a number"))
        }
        m[k] = x
      }
      outcome = .moments(m)
    } else {
      return .failure(TrialFileProblem("neither moments nor a failure"))
    }
    return .success(
      TrialRecord(
        trial: Int(t), stage: stage, unit: unit, point: point, outcome: outcome)
    )
  }
}

/// Why a stored trial cannot be used.
public struct TrialFileProblem: Error, Sendable, Equatable,
  CustomStringConvertible
{
  /// What is wrong.
  public var description: String
  /// Creates a problem.
  public init(_ description: String) { self.description = description }
}
