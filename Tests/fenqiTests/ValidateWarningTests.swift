import Foundation
import Testing

@testable import fenqi

/// `fenqi validate`'s quick run: degenerate outcomes are warned of on stderr after the valid
/// line, with exit 0; shipped scenarios raise none; `--no-quick-run` skips it.
@Suite struct ValidateWarningTests {
  /// The baseline at 3,000 customers, edited, in a fresh folder; returns the folder and file.
  static func baseline(_ edit: (inout [String: Any]) -> Void) throws -> (
    dir: URL, file: String
  ) {
    var json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          contentsOf: repositoryRoot.appendingPathComponent(
            "Scenarios/baseline.json")))
        as? [String: Any])
    var population = try #require(json["population"] as? [String: Any])
    population["size"] = 3_000
    json["population"] = population
    edit(&json)
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("edited.json")
    try JSONSerialization.data(withJSONObject: json).write(to: file)
    return (dir, file.path)
  }

  /// Sets the arms' allocations, in order.
  static func allocate(_ json: inout [String: Any], _ shares: [Double]) {
    guard var arms = json["arms"] as? [[String: Any]] else { return }
    for (i, share) in shares.enumerated() { arms[i]["allocation"] = share }
    json["arms"] = arms
  }

  @Test func anArmAtAllocationZeroIsWarnedAboutAndTheExitIsZero() throws {
    let (dir, file) = try Self.baseline { Self.allocate(&$0, [1, 0]) }
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = invoke(["validate", file])
    #expect(r.code == .success)
    #expect(
      r.out
        == "\(file): valid — 3000 customers, 12 months, 2 arms (control, interestFree3)\n"
    )
    #expect(
      r.err
        == "warning: arm \"interestFree3\" has allocation 0: nobody is assigned to it (quick run: 3000 customers)\n"
    )
    let skipped = invoke(["validate", file, "--no-quick-run"])
    #expect(skipped.code == .success && skipped.err.isEmpty)
    #expect(skipped.out == r.out)
  }

  @Test func aRunWithNoLossesIsWarnedAboutWithTheReason() throws {
    let (dir, file) = try Self.baseline {
      $0["seasoning"] = nil
      $0["periods"] = 4
    }
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = invoke(["validate", file])
    #expect(r.code == .success)
    let lines = r.err.split(separator: "\n")
    #expect(lines.count == 1, "\(r.err)")
    #expect(
      r.err.hasPrefix(
        "warning: no loan was charged off or disputed in the whole run: bad debt and credit losses are all zero; loans charge off at 120 days past due, after the run ends"
      ), "\(r.err)")
  }

  @Test(arguments: [
    "baseline.json", "aa-check.json", "ab-first-period-free.json",
    "co-lending.json", "double11.json", "prepaid-education.json",
    "b2b-supply-chain.json", "recession-stress.json", "reference.json",
    "peer-lifecycle.json",
  ])
  func shippedScenariosRaiseNoWarning(_ name: String) {
    let r = invoke(["validate", path("Scenarios/\(name)")])
    #expect(r.code == .success && r.out.contains("valid"))
    #expect(r.err.isEmpty, "\(r.err)")
  }
}
