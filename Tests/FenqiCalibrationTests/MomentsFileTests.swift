import FenqiCalibration
import FenqiCore
import Foundation
import Testing

@Suite struct MomentsFileTests {
  static let sample = TapeMoments(
    loans: 48_210, bootstrap: 200, seed: 1,
    moments: [
      Moment(
        name: "ever30.mob03", value: 0.021_1, standardError: 0.000_6,
        count: 48_210),
      Moment(
        name: "roll.1-30.31-60", value: 1.0 / 3, standardError: 0.004,
        count: 5_187),
      Moment(
        name: "principal.mean", value: 5_321.25, standardError: 12.5,
        count: 48_210),
    ])

  @Test func writtenFileReadsBackExactly() throws {
    let text = MomentsFile.text(Self.sample)
    let read = try MomentsFile.read(text: text)
    #expect(read.moments == Self.sample)
    #expect(read.warnings.isEmpty)
    #expect(MomentsFile.text(read.moments) == text)
    #expect(text.hasPrefix("{\n  \"bootstrap\": 200,\n  \"loans\": 48210,\n"))
  }

  /// Replicates are written with their moment and read back exactly; a moment without them
  /// (a hand-written figure beside computed ones) stays without.
  @Test func replicatesRoundTrip() throws {
    let m = TapeMoments(
      loans: 900, bootstrap: 3, seed: 2,
      moments: [
        Moment(
          name: "ever30.mob03", value: 0.02, standardError: 0.004, count: 900,
          replicates: [0.021, 0.0155, 1.0 / 37]),
        Moment(
          name: "principal.mean", value: 4_000, standardError: 20, count: 900),
      ])
    let text = MomentsFile.text(m)
    #expect(try MomentsFile.read(text: text).moments == m)
    #expect(text.contains("\"replicates\": [\n        0.021,"))
    #expect(text.components(separatedBy: "replicates").count == 2)
  }

  @Test func computedMomentsRoundTripThroughAFile() throws {
    let tape = TapeFixtures.prepaidShare(loans: 500, share: 0.4, seed: 2)
    let m = TapeMoments.compute(tape, replicates: 20, seed: 4)
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-moments-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("moments.json").path
    try MomentsFile.write(m, to: path)
    #expect(try MomentsFile.load(path: path).moments == m)
  }

  @Test func handWrittenFileWithDefaultsAndUnknownNamesWarns() throws {
    let text = """
      {"version": 1, "loans": 900, "moments": [
        {"name": "ever30.mob3", "value": 0.02, "standardError": 0.004, "count": 900},
        {"name": "segment.prime.share", "value": 0.4, "standardError": 0.01, "count": 900}
      ]}
      """
    let read = try MomentsFile.read(text: text)
    #expect(read.moments.bootstrap == 0 && read.moments.seed == 0)
    #expect(read.moments.moments.count == 2)
    #expect(
      read.warnings == [
        FieldProblem(
          path: "$.moments[0].name",
          message:
            "unknown moment name \"ever30.mob3\"; a calibration ignores it; did you mean \"ever30.mob03\"?"
        ),
        FieldProblem(
          path: "$.moments[1].name",
          message:
            "unknown moment name \"segment.prime.share\"; a calibration ignores it"
        ),
      ])
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
  }

  static func file(
    _ moments: String, top: String = "\"version\": 1, \"loans\": 10"
  )
    -> String
  {
    "{\(top), \"moments\": [\(moments)]}"
  }

  static let good =
    "{\"name\": \"ever30.mob01\", \"value\": 0.1, \"standardError\": 0.01, \"count\": 10}"

  static let cases: [Case] = [
    Case(
      name: "negative standard error",
      text: file(
        good
          + ", {\"name\": \"ever90.mob01\", \"value\": 0.1, \"standardError\": -0.01, \"count\": 10}"
      ),
      expected: [
        "$.moments[1].standardError: expected a number ≥ 0, found -0.01"
      ]),
    Case(
      name: "duplicate names",
      text: file(good + ", " + good),
      expected: [
        "$.moments[1].name: duplicate moment name \"ever30.mob01\" (first at $.moments[0])"
      ]),
    Case(
      name: "share out of range and missing count",
      text: file(
        "{\"name\": \"cure.1-30\", \"value\": 1.5, \"standardError\": 0.01}"),
      expected: [
        "$.moments[0].value: expected a fraction in [0, 1], found 1.5",
        "$.moments[0].count: missing required field (expected an integer ≥ 0)",
      ]),
    Case(
      name: "wrong version, no loans, unknown field",
      text: file(good, top: "\"version\": 2, \"loan\": 10"),
      expected: [
        "$.version: expected 1 (the only version so far), found 2",
        "$.loans: missing required field (expected an integer ≥ 1)",
        "$.loan: unknown field; did you mean \"loans\"?",
      ]),
    Case(
      name: "replicates of the wrong count",
      text: file(
        "{\"name\": \"ever30.mob01\", \"value\": 0.1, \"standardError\": 0.01, \"count\": 10, \"replicates\": [0.1, 0.2, 0.3]}",
        top: "\"version\": 1, \"loans\": 10, \"bootstrap\": 2"),
      expected: [
        "$.moments[0].replicates: expected 2 numbers, found 3"
      ]),
    Case(
      name: "replicates without a bootstrap count",
      text: file(
        "{\"name\": \"ever30.mob01\", \"value\": 0.1, \"standardError\": 0.01, \"count\": 10, \"replicates\": [0.1, 0.2]}, {\"name\": \"ever30.mob02\", \"value\": 0.1, \"standardError\": 0.01, \"count\": 10, \"replicates\": [0.1, 1.2]}"
      ),
      expected: [
        "$.moments[0].replicates: expected no replicates with \"bootstrap\": 0; a file with replicates gives their number (≥ 2) as \"bootstrap\"",
        "$.moments[1].replicates: expected no replicates with \"bootstrap\": 0; a file with replicates gives their number (≥ 2) as \"bootstrap\"",
      ]),
    Case(
      name: "a replicate out of range",
      text: file(
        "{\"name\": \"ever30.mob01\", \"value\": 0.1, \"standardError\": 0.01, \"count\": 10, \"replicates\": [0.1, 1.2]}",
        top: "\"version\": 1, \"loans\": 10, \"bootstrap\": 2"),
      expected: [
        "$.moments[0].replicates[1]: expected a fraction in [0, 1], found 1.2"
      ]),
    Case(
      name: "no moments",
      text: file(""),
      expected: [
        "$.moments: expected an array of at least 1 element, found 0"
      ]),
  ]

  @Test(arguments: cases)
  func badFileGivesEveryProblemWithItsPath(_ c: Case) {
    do {
      _ = try MomentsFile.read(text: c.text)
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.description) == c.expected)
    }
  }

  @Test func notJSONNamesLineAndColumn() {
    do {
      _ = try MomentsFile.read(text: "{\"version\": 1,\n ]", file: "m.json")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.message
          == "m.json: not valid JSON: line 2, column 2: expected a quoted field name"
      )
    }
  }
}
