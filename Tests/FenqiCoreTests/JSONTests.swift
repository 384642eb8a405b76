import FenqiCore
import Testing

@Suite struct JSONTests {
  @Test func parsesDocumentsAndKeepsMemberOrder() throws {
    let v = try JSONParser.parse(
      #"{"b": [1, 2.5, -3e2], "a": {"x": null, "y": true}, "s": "é\n\u00e9"}"#)
    guard case .object(let members) = v else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a", "s"])
    #expect(v["b"] == .array([.number(1), .number(2.5), .number(-300)]))
    #expect(v["s"] == .string("é\né"))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { message }
  }

  @Test(arguments: [
    Case(
      text: "{\n  \"a\": 1,\n  \"b\" 2\n}", line: 3, column: 7,
      message: "expected ':'"),
    Case(
      text: "[1, 2", line: 1, column: 6,
      message: "unexpected end of text, expected ',' or ']'"),
    Case(text: "{\"a\": tru}", line: 1, column: 7, message: "expected 'true'"),
    Case(
      text: "{} x", line: 1, column: 4,
      message: "unexpected text after the JSON value"),
    Case(
      text: "{\"a\": 01}", line: 1, column: 8, message: "expected ',' or '}'"),
  ])
  func syntaxErrorsNameLineAndColumn(c: Case) {
    #expect(
      throws: JSONParser.SyntaxError(
        line: c.line, column: c.column, message: c.message)
    ) { try JSONParser.parse(c.text) }
  }

  @Test func writerSortsKeysAndFormatsNumbersStably() throws {
    let v = JSONValue.object([
      ("z", .number(1)),
      ("a", .array([.number(0.1), .number(1e21), .string("q\"")])),
    ])
    let text = JSONWriter.text(v)
    #expect(
      text
        == "{\n  \"a\": [\n    0.1,\n    1e+21,\n    \"q\\\"\"\n  ],\n  \"z\": 1\n}\n"
    )
    #expect(try JSONParser.parse(text)["a"] == v["a"])
  }

  @Test func readerCollectsEveryProblemWithPathsAndHints() throws {
    let json = try JSONParser.parse(
      #"{"sise": 3, "rate": 1.5, "nested": {"n": "x"}}"#)
    let collector = ProblemCollector()
    var r = try #require(
      JSONObjectReader(json, path: "$", collector: collector))
    _ = r.integer("size", .integer(atLeast: 1))
    _ = r.number("rate", .fraction)
    if var n = r.object("nested") {
      _ = n.integer("n", .integer(atLeast: 0))
      n.finish()
    }
    r.finish()
    #expect(
      collector.problems.map(\.description) == [
        "$.size: missing required field (expected an integer ≥ 1)",
        "$.rate: expected a fraction in [0, 1], found 1.5",
        "$.nested.n: expected an integer ≥ 0, found \"x\"",
        "$.sise: unknown field; did you mean \"size\"?",
      ])
  }

  @Test func suggestionsUseEditDistance() {
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(
      Suggestion.nearest(to: "segmnets", among: ["size", "segments"])
        == "segments")
    #expect(
      Suggestion.nearest(
        to: "completelyDifferent", among: ["size", "segments"]) == nil)
  }
}
