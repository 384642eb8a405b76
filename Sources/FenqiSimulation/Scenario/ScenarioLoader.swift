import FenqiCore
import Foundation

/// Reads, parses and validates scenario files: decode, validate all of it, then hand it over.
public enum ScenarioLoader {
  /// Loads and validates the scenario at `path`.
  ///
  /// - Returns: the scenario and the SHA-256 of the file's bytes.
  /// - Throws: ``ScenarioError`` with every problem found.
  public static func load(path: String) throws(ScenarioError) -> (
    scenario: Scenario, sha256: String
  ) {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    else {
      throw .unreadable(file: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(file: path, reason: "it is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "permission denied or unreadable")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: path, reason: "not UTF-8 text")
    }
    let scenario = try parse(text: text, file: path)
    return (scenario, SHA256.hexDigest(of: data))
  }

  /// Parses and validates scenario text; `file` names it in messages, and files the scenario
  /// names (a population sample) are found relative to its folder.
  public static func parse(text: String, file: String) throws(ScenarioError)
    -> Scenario
  {
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      throw .notJSON(file: file, error)
    }
    return try decode(json, file: file)
  }

  /// Validates an already parsed document, including that its population fits in
  /// `availableMemory` bytes (see ``MemoryPlan``); a population sample is read relative to
  /// `file`'s folder.
  public static func decode(
    _ json: JSONValue, file: String,
    availableMemory: Int = MemoryPlan.availableBytes()
  ) throws(ScenarioError) -> Scenario {
    var decoder = ScenarioDecoder()
    decoder.baseDirectory = (file as NSString).deletingLastPathComponent
    if let scenario = decoder.decode(json), decoder.collector.problems.isEmpty {
      if let tooBig = MemoryPlan.problem(scenario, available: availableMemory) {
        throw .invalid(file: file, problems: [tooBig])
      }
      return scenario
    }
    var problems = decoder.collector.problems
    if problems.isEmpty {
      problems = [FieldProblem(path: "$", message: "invalid scenario")]
    }
    throw .invalid(file: file, problems: problems)
  }
}
