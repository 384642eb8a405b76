import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

/// The problems a shipped scenario has after `edit` changes its JSON (a test fails when the edited
/// scenario loads).
///
/// - Parameters:
///   - name: the file in `Scenarios/`.
///   - edit: changes the parsed JSON object.
/// - Returns: every problem, as "path: message".
/// - Throws: when the file cannot be read or re-serialised.
func problems(
  editing name: String, _ edit: (inout [String: Any]) -> Void
) throws -> [String] {
  let url = repositoryRoot.appendingPathComponent("Scenarios/\(name)")
  var json = try #require(
    try JSONSerialization.jsonObject(with: Data(contentsOf: url))
      as? [String: Any])
  edit(&json)
  let text = try #require(
    String(
      data: try JSONSerialization.data(withJSONObject: json), encoding: .utf8))
  let error = #expect(throws: ScenarioError.self) {
    try ScenarioLoader.parse(text: text, file: name)
  }
  return error?.problems.map(\.description) ?? []
}
