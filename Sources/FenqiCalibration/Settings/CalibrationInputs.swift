import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation

/// A calibration ready to run: the decoded calibration file, the scenario and the observed
/// moments it names, all checked together before anything runs.
///
/// The texts are kept verbatim: a calibration folder stores copies of them, so that `--resume`
/// and `fenqi merge` work from the folder alone and can tell by SHA-256 whether they are the same.
public struct CalibrationInputs: Sendable {
  /// The calibration file as named in messages.
  public let file: String
  /// The decoded settings.
  public let settings: CalibrationSettings
  /// The calibration file's text.
  public let calibrationText: String
  /// The scenario file's text.
  public let scenarioText: String
  /// The moments file's text.
  public let momentsText: String
  /// The scenario document as given (which validates); `calibrated.json` is written from it.
  public let scenario: JSONValue
  /// The scenario document the simulations run: ``scenario`` with the settings' overrides
  /// (which validates, and validates at the box's corners).
  public let measured: JSONValue
  /// Every observed moment.
  public let observed: ObservedMoments
  /// The observed moments selected for the fit (`momentNames`, `exclude`), in file order.
  public let selected: [ObservedMoment]

  /// The free parameters' paths, in order.
  public var paths: [String] { settings.parameters.map(\.path) }

  /// Reads the calibration file at `file` and the scenario and moments files it names
  /// (relative to its folder), and checks them all.
  ///
  /// - Throws: ``CalibrationError`` with every problem found.
  public static func load(file: String) throws(CalibrationError)
    -> CalibrationInputs
  {
    let text: String
    switch readText(file) {
    case .success(let t): text = t
    case .failure(let reason):
      throw .unreadable(file: file, reason: reason.message)
    }
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    return try make(file: file, calibrationText: text) { _, named in
      let path =
        named.hasPrefix("/") ? named : folder.appendingPathComponent(named).path
      return readText(path)
    }
  }

  /// A file a calibration file names.
  public enum NamedFile: Sendable {
    /// `scenario`.
    case scenario
    /// `moments`.
    case moments
  }

  /// Why a file could not be read.
  public struct ReadFailure: Error, Sendable {
    /// What went wrong (`no such file`).
    public var message: String
    /// Creates a failure.
    public init(_ message: String) { self.message = message }
  }

  /// The UTF-8 text of the file at `path`.
  public static func readText(_ path: String) -> Result<String, ReadFailure> {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    else {
      return .failure(ReadFailure("no such file"))
    }
    guard !isDirectory.boolValue else {
      return .failure(ReadFailure("it is a folder, not a file"))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(ReadFailure("permission denied or unreadable"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(ReadFailure("not UTF-8 text"))
    }
    return .success(text)
  }

  /// Checks a calibration file's text, reading the files it names through `read`.
  ///
  /// - Parameters:
  ///   - file: the calibration file's name in messages.
  ///   - calibrationText: its text.
  ///   - read: the text of the scenario or the moments file, named as written in it.
  /// - Returns: the checked inputs.
  /// - Throws: ``CalibrationError`` with every problem found, each at its JSON path.
  public static func make(
    file: String, calibrationText: String,
    read: (NamedFile, String) -> Result<String, ReadFailure>
  ) throws(CalibrationError) -> CalibrationInputs {
    let json: JSONValue
    do { json = try JSONParser.parse(calibrationText) } catch {
      throw .notJSON(file: file, error)
    }
    let collector = ProblemCollector()
    let decoded = CalibrationSettings.decode(json, collector: collector)
    let scenario = decoded.scenario.flatMap {
      checkedScenario($0, read: read, decoded: decoded, collector: collector)
    }
    let moments = decoded.moments.flatMap {
      checkedMoments($0, read: read, decoded: decoded, collector: collector)
    }
    guard collector.problems.isEmpty, let settings = decoded.settings,
      let scenario, let moments
    else {
      throw .invalid(
        file: file,
        problems: collector.problems.isEmpty
          ? [FieldProblem(path: "$", message: "invalid calibration file")]
          : collector.problems)
    }
    return CalibrationInputs(
      file: file, settings: settings, calibrationText: calibrationText,
      scenarioText: scenario.text, momentsText: moments.text,
      scenario: scenario.document, measured: scenario.measured,
      observed: moments.all,
      selected: moments.selected)
  }

  /// The scenario's text and document when it reads, validates, holds every free path and
  /// validates at the box's edges; problems go to `collector`.
  private static func checkedScenario(
    _ name: String, read: (NamedFile, String) -> Result<String, ReadFailure>,
    decoded: CalibrationSettings.Decoded, collector: ProblemCollector
  ) -> (text: String, document: JSONValue, measured: JSONValue)? {
    let text: String
    switch read(.scenario, name) {
    case .success(let t): text = t
    case .failure(let f):
      collector.report(
        "$.scenario", "cannot read the scenario '\(name)': \(f.message)")
      return nil
    }
    let document: JSONValue
    do { document = try JSONParser.parse(text) } catch {
      collector.report(
        "$.scenario", "the scenario '\(name)' is not valid JSON: \(error)")
      return nil
    }
    do { _ = try ScenarioLoader.decode(document, file: name) } catch {
      collector.report(
        "$.scenario",
        "the scenario '\(name)' does not validate: \(CornerCheck.summary(error.problems))"
      )
      return nil
    }
    guard
      let measured = overridden(
        document, decoded.overrides ?? [], file: name, collector: collector)
    else { return nil }
    var usable: [(index: Int, parameter: FreeParameter)] = []
    var fieldOf: [String: Int] = [:]
    for (index, parameter) in (decoded.parameters ?? []).enumerated() {
      guard let parameter else { continue }
      let at = "$.parameters[\(index)].path"
      switch ScenarioField.locate(parameter.path, in: measured) {
      case .failure(let problem):
        collector.report(at, problem.message)
      case .success(let found):
        if let other = fieldOf[found.canonical] {
          collector.report(
            at,
            "'\(parameter.path)' is the field \(found.canonical), already free at $.parameters[\(other)]"
          )
        } else {
          fieldOf[found.canonical] = index
          usable.append((index, parameter))
        }
      }
    }
    let complete =
      decoded.parameters.map { $0.count == usable.count } ?? false
    let fields = usable.map { index, p in
      (
        index,
        SearchedField(path: p.path, minimum: p.minimum, maximum: p.maximum)
      )
    }
    for problem in CornerCheck.problems(
      measured, parameters: fields, complete: complete, file: name)
    {
      collector.report(problem.path, problem.message)
    }
    return (text, document, measured)
  }

  /// `document` with `overrides` written in, when each path can be set and the result
  /// validates; problems go to `collector` at `$.overrides.<path>`.
  private static func overridden(
    _ document: JSONValue, _ overrides: [ScenarioOverride], file: String,
    collector: ProblemCollector
  ) -> JSONValue? {
    guard !overrides.isEmpty else { return document }
    var doc = document
    var ok = true
    for o in overrides {
      do throws(SweepGrid.Problem) {
        doc = try SweepGrid.set(o.value, at: o.path, in: doc)
      } catch {
        collector.report(
          "$.overrides.\(o.path)",
          error.description.replacingOccurrences(of: "--grid: ", with: ""))
        ok = false
      }
    }
    guard ok else { return nil }
    do { _ = try ScenarioLoader.decode(doc, file: file) } catch {
      collector.report(
        "$.overrides",
        "the scenario '\(file)' with the overrides does not validate: \(CornerCheck.summary(error.problems))"
      )
      return nil
    }
    return doc
  }

  /// The moments file's text, its moments and the selected ones, when it reads and parses and
  /// the selection names moments; problems go to `collector`.
  private static func checkedMoments(
    _ name: String, read: (NamedFile, String) -> Result<String, ReadFailure>,
    decoded: CalibrationSettings.Decoded, collector: ProblemCollector
  ) -> (text: String, all: ObservedMoments, selected: [ObservedMoment])? {
    let text: String
    switch read(.moments, name) {
    case .success(let t): text = t
    case .failure(let f):
      collector.report(
        "$.moments", "cannot read the moments file '\(name)': \(f.message)")
      return nil
    }
    let all: ObservedMoments
    switch ObservedMoments.parse(text) {
    case .success(let m): all = m
    case .failure(let problem):
      for line in problem.lines {
        collector.report("$.moments", "the moments file '\(name)': \(line)")
      }
      return nil
    }
    guard let names = decoded.momentNames, let exclude = decoded.exclude else {
      return nil
    }
    let selection = MomentSelection(prefixes: names, exclude: exclude)
    let problems = selection.problems(in: all, file: name)
    for p in problems { collector.report(p.path, p.message) }
    let selected = selection.apply(to: all)
    if problems.isEmpty, let d = decoded.parameters?.count, selected.count < d {
      collector.report(
        names.isEmpty ? "$.moments" : "$.momentNames",
        "\(selected.count) moment\(selected.count == 1 ? "" : "s") selected for \(d) parameters; a calibration needs at least as many moments as parameters"
      )
    }
    return (text, all, selected)
  }

  /// SHA-256 of the calibration file, the scenario and the moments file, hex.
  public var digests: (calibration: String, scenario: String, moments: String) {
    (
      SHA256.hexDigest(of: Array(calibrationText.utf8)),
      SHA256.hexDigest(of: Array(scenarioText.utf8)),
      SHA256.hexDigest(of: Array(momentsText.utf8))
    )
  }
}
