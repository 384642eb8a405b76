import FenqiCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calibration's folder, and the ``TrialStore`` it holds.
///
/// ```
/// DIR/calibrate.json          what the calibration is (SHA-256 of its three inputs, settings,
///                             fenqi version, shard); no paths or times, so two runs compare
/// DIR/inputs/calibration.json the calibration file, scenario and moments file, verbatim, so
/// DIR/inputs/scenario.json    that resuming and merging need nothing outside the folder
/// DIR/inputs/moments.json
/// DIR/trials/t-000001.json    one per evaluated point, written as it finishes
/// DIR/trials.csv, fit.csv, parameters.csv, calibrated.json, report.html   when finished
/// ```
///
/// The folder appears whole: it is built as a hidden sibling and renamed into place, and every
/// file in it is written to a temporary and renamed, so a killed run leaves whole trials or none.
public struct CalibrationFolder: TrialStore, Sendable {
  /// The folder.
  public let path: String

  /// The identity file.
  public static let identityName = "calibrate.json"
  /// The folder of the inputs' copies.
  public static let inputsFolder = "inputs"
  /// The folder of the trial files.
  public static let trialsFolder = "trials"
  /// The inputs' copies, by the file they copy.
  static let inputNames = (
    calibration: "calibration.json", scenario: "scenario.json",
    moments: "moments.json"
  )

  /// A folder at `path` (not opened or checked).
  public init(path: String) { self.path = path }

  /// What a calibration is: it and its folder's shard agree when this does.
  public static func identity(
    _ inputs: CalibrationInputs, version: String, shard: CalibrationShard
  ) -> JSONValue {
    let s = inputs.settings
    let digests = inputs.digests
    var members: [(key: String, value: JSONValue)] = [
      ("fenqiVersion", .string(version)),
      ("calibrationSHA256", .string(digests.calibration)),
      ("scenarioSHA256", .string(digests.scenario)),
      ("momentsSHA256", .string(digests.moments)),
      ("parameters", .array(inputs.paths.map(JSONValue.string))),
      ("budget", .number(Double(s.budget))),
      ("globalPoints", .number(Double(s.globalPoints))),
      ("replicates", .number(Double(s.replicates))),
      ("seed", .number(Double(s.seed))),
    ]
    if shard.count > 1 {
      members.append(
        (
          "shard",
          .object([
            ("index", .number(Double(shard.index))),
            ("count", .number(Double(shard.count))),
          ])
        ))
    }
    return .object(members)
  }

  /// Opens the folder for a calibration: creates it when it is missing or empty; continues it
  /// when `resume` is set and it holds the same calibration and shard.
  ///
  /// - Throws: ``CalibrationFailure`` of kind `folder` when it exists without `resume`, or holds
  ///   something else; of kind `io` when the file system refuses.
  public static func open(
    _ path: String, inputs: CalibrationInputs, version: String,
    shard: CalibrationShard,
    resume: Bool
  ) throws(CalibrationFailure) -> CalibrationFolder {
    let identity = identity(inputs, version: version, shard: shard)
    let folder = CalibrationFolder(path: path)
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw CalibrationFailure(
          .folder, "'\(path)' is a file; choose another --out")
      }
      let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
      if !entries.isEmpty {
        guard resume else {
          throw CalibrationFailure(
            .folder,
            "'\(path)' exists; pass --resume to continue the calibration in it, or choose another --out"
          )
        }
        try folder.checkIdentity(identity)
        try folder.makeFolder(trialsFolder)
        return folder
      }
    }
    try create(path, identity: identity, inputs: inputs)
    return folder
  }

  /// Fails unless the folder's identity is `identity`.
  func checkIdentity(_ identity: JSONValue) throws(CalibrationFailure) {
    guard let found = readIdentity() else {
      throw CalibrationFailure(
        .folder,
        "'\(path)' is not a calibration folder (no readable \(Self.identityName))"
      )
    }
    guard JSONWriter.text(found) == JSONWriter.text(identity) else {
      throw CalibrationFailure(
        .folder,
        "'\(path)' holds a different calibration (the calibration file, scenario, moments file, shard or fenqi version differ); not resuming"
      )
    }
  }

  /// The folder's identity, if it has a readable one.
  public func readIdentity() -> JSONValue? {
    guard
      case .success(let text) = CalibrationInputs.readText(
        file(Self.identityName))
    else { return nil }
    return try? JSONParser.parse(text)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { path + "/" + name }

  private func makeFolder(_ name: String) throws(CalibrationFailure) {
    do {
      try FileManager.default.createDirectory(
        atPath: file(name), withIntermediateDirectories: true)
    } catch {
      throw CalibrationFailure(
        .io, "cannot write '\(file(name))': \(error.localizedDescription)")
    }
  }

  /// Builds the folder as a hidden sibling, then renames it into place (which never replaces a
  /// folder with anything in it).
  private static func create(
    _ path: String, identity: JSONValue, inputs: CalibrationInputs
  ) throws(CalibrationFailure) {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let temporary = parent.appendingPathComponent(
      ".\(target.lastPathComponent).partial-\(hostName)-\(getpid())")
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
      if fm.fileExists(atPath: temporary.path) {
        try fm.removeItem(at: temporary)
      }
      for sub in [inputsFolder, trialsFolder] {
        try fm.createDirectory(
          at: temporary.appendingPathComponent(sub),
          withIntermediateDirectories: true)
      }
      let files = [
        (identityName, JSONWriter.text(identity)),
        (inputsFolder + "/" + inputNames.calibration, inputs.calibrationText),
        (inputsFolder + "/" + inputNames.scenario, inputs.scenarioText),
        (inputsFolder + "/" + inputNames.moments, inputs.momentsText),
      ]
      for (name, text) in files {
        try Data(text.utf8).write(to: temporary.appendingPathComponent(name))
      }
    } catch {
      try? fm.removeItem(at: temporary)
      throw CalibrationFailure(
        .io, "cannot write '\(path)': \(error.localizedDescription)")
    }
    guard rename(temporary.path, target.path) == 0 else {
      let code = errno
      try? fm.removeItem(at: temporary)
      if [EEXIST, ENOTEMPTY, ENOTDIR, EISDIR].contains(code) {
        throw CalibrationFailure(
          .folder, "'\(path)' exists; choose another --out")
      }
      throw CalibrationFailure(
        .io, "cannot write '\(path)': \(String(cString: strerror(code)))")
    }
  }

  /// This machine's name in temporary names, as the project's other folders spell it.
  static let hostName: String = {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    return name.isEmpty ? "host" : name.replacingOccurrences(of: "/", with: "_")
  }()

  /// The trial file's path inside the folder, `trials/t-000001.json`.
  public static func trialName(_ trial: Int) -> String {
    trialsFolder + "/" + TrialRecord.fileName(trial)
  }

  /// See ``TrialStore/stored(_:)``: the trial's file, parsed.
  public func stored(_ trial: Int) -> StoredTrial {
    let name = file(Self.trialName(trial))
    guard FileManager.default.fileExists(atPath: name) else { return .missing }
    switch CalibrationInputs.readText(name) {
    case .failure(let f): return .unusable(f.message)
    case .success(let text):
      switch TrialRecord.parse(text) {
      case .success(let r): return .found(r)
      case .failure(let p): return .unusable(p.description)
      }
    }
  }

  /// See ``TrialStore/save(_:)``: writes the trial's file atomically.
  public func save(_ record: TrialRecord) throws(CalibrationFailure) {
    try write([(Self.trialName(record.trial), record.text)])
  }

  /// Writes files into the folder, each to a temporary and renamed over the old one.
  public func write(_ files: [(name: String, text: String)])
    throws(CalibrationFailure)
  {
    for f in files {
      do {
        try Data(f.text.utf8).write(
          to: URL(fileURLWithPath: file(f.name)), options: .atomic)
      } catch {
        throw CalibrationFailure(
          .io, "cannot write '\(file(f.name))': \(error.localizedDescription)")
      }
    }
  }

  /// The inputs from the folder's copies.
  ///
  /// - Throws: ``CalibrationFailure`` of kind `folder` when they are missing or do not check.
  public func inputs() throws(CalibrationFailure) -> CalibrationInputs {
    let base = file(Self.inputsFolder) + "/"
    let calibration = base + Self.inputNames.calibration
    guard case .success(let text) = CalibrationInputs.readText(calibration)
    else {
      throw CalibrationFailure(
        .folder,
        "'\(path)' lacks its copy \(Self.inputsFolder)/\(Self.inputNames.calibration)"
      )
    }
    do {
      return try CalibrationInputs.make(
        file: calibration, calibrationText: text
      ) { named, _ in
        CalibrationInputs.readText(
          base
            + (named == .scenario
              ? Self.inputNames.scenario : Self.inputNames.moments))
      }
    } catch {
      throw CalibrationFailure(.folder, error.message)
    }
  }
}
