import FenqiCalibration
import FenqiCore
import Testing

/// Each bad calibration file gives its exact problems, every one at its JSON path, all at once.
@Suite struct CalibrationFileTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// The calibration file's text.
    var calibration: String
    /// The moments file's text.
    var moments: String = ToyBook.observedText(loans: 20_000)
    /// The expected problems, `path: message`.
    var problems: [String]
    var testDescription: String { name }
  }

  /// The toy's calibration with `parameters` as its parameter list.
  static func with(
    parameters: String, budget: Int = 300, extra: String = "",
    moments: String = "moments.json"
  ) -> String {
    """
    {"scenario": "baseline.json", "moments": "\(moments)", "parameters": [\(parameters)],
     "budget": \(budget), "replicates": 2, "seed": 11\(extra)}
    """
  }

  static let good = """
    {"path": "repayment.miss.intercept", "min": -5, "max": -1}, {"path": "repayment.roll.intercept", "min": -2, "max": 2}
    """

  static let cases: [Case] = [
    Case(
      name: "an override path the scenario lacks, and one that breaks it",
      calibration: with(
        parameters: good,
        extra: #", "overrides": {"repayment.rol.intercept": 1, "periods": 0}"#),
      problems: [
        "$.overrides.repayment.rol.intercept: $.repayment has no field 'rol'; did you mean 'roll'?"
      ]),
    Case(
      name: "overrides that are not an object",
      calibration: with(parameters: good, extra: #", "overrides": [1]"#),
      problems: [
        #"$.overrides: expected an object of scenario paths and values ({"periods": 24}), found an array"#
      ]),
    Case(
      name: "a path the scenario lacks, with a hint",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.roll.interceptt", "min": 0, "max": 1}"#),
      problems: [
        "$.parameters[2].path: the scenario has no field 'repayment.roll.interceptt'; did you mean 'intercept'?"
      ]),
    Case(
      name: "a path the scenario lacks, without a hint",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.roll.slope", "min": 0, "max": 1}"#),
      problems: [
        "$.parameters[2].path: the scenario has no field 'repayment.roll.slope'"
      ]),
    Case(
      name: "a path to an object",
      calibration: with(
        parameters: good + #", {"path": "repayment.roll", "min": 0, "max": 1}"#),
      problems: [
        "$.parameters[2].path: expected the path of a number, but 'repayment.roll' is an object in the scenario"
      ]),
    Case(
      name: "the same field twice",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.miss.intercept", "min": -4, "max": -2}"#),
      problems: [
        "$.parameters[2].path: 'repayment.miss.intercept' is the field $.repayment.miss.intercept, already free at $.parameters[0]"
      ]),
    Case(
      name: "min at or above max",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.miss.burden", "min": 3, "max": 3}"#),
      problems: ["$.parameters[2].max: expected a number > min (3), found 3"]),
    Case(
      name: "a log scale from zero",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.miss.burden", "min": 0, "max": 3, "scale": "log"}"#
      ),
      problems: [
        "$.parameters[2].min: expected a number > 0 on a log scale, found 0"
      ]),
    Case(
      name: "a misspelt scale",
      calibration: with(
        parameters: good
          + #", {"path": "repayment.miss.burden", "min": 1, "max": 3, "scale": "lg"}"#
      ),
      problems: [
        #"$.parameters[2].scale: expected one of "linear", "log", found "lg"; did you mean "log"?"#
      ]),
    Case(
      name: "a budget too small for the global stage",
      calibration: with(parameters: good, budget: 16),
      problems: [
        "$.budget: expected an integer in [17, 1000000] (the global stage takes 60% of the budget and needs 5 points per parameter, the local stage 2·(parameters + 1) evaluations), found 16"
      ]),
    Case(
      name: "a bound at which the scenario does not validate",
      calibration: with(
        parameters:
          #"{"path": "repayment.miss.intercept", "min": -5, "max": -1}, {"path": "repayment.roll.intercept", "min": -2, "max": 40}"#
      ),
      problems: [
        "$.parameters[1].max: the scenario does not validate with repayment.roll.intercept = 40: $.repayment.roll.intercept: expected a number in [-30, 30], found 40"
      ]),
    Case(
      name: "a missing moments file",
      calibration: with(parameters: good, moments: "missing.json"),
      problems: [
        "$.moments: cannot read the moments file 'missing.json': no such file"
      ]),
    Case(
      name: "an invalid moments file",
      calibration: with(parameters: good),
      moments: """
        {"version": 1, "loans": 100, "moments": [{"name": "ever30.mob01", "value": 0.01, "standardError": 0.001, "count": 100},
          {"name": "ever30.mob02", "value": 0.02, "standardError": -1, "count": 100},
          {"name": "ever30.mob01", "value": 0.03, "standardError": 0.001, "cnt": 4, "count": 100}]}
        """,
      problems: [
        "$.moments: the moments file 'moments.json': $.moments[1].standardError: expected a number ≥ 0, found -1",
        #"$.moments: the moments file 'moments.json': $.moments[2].cnt: unknown field; did you mean "count"?"#,
        #"$.moments: the moments file 'moments.json': $.moments[2].name: duplicate moment name "ever30.mob01" (first at $.moments[0])"#,
      ]),
    Case(
      name: "a moments file that is not JSON",
      calibration: with(parameters: good), moments: "{\"version\": 1,",
      problems: [
        "$.moments: the moments file 'moments.json': not valid JSON: line 1, column 15: expected a quoted field name"
      ]),
    Case(
      name: "a moment prefix that matches nothing",
      calibration: with(
        parameters: good, extra: #", "momentNames": ["evr30.", "roll."]"#),
      problems: [
        #"$.momentNames[0]: no moment in 'moments.json' starts with "evr30."; did you mean "ever30."?"#
      ]),
    Case(
      name: "fewer moments than parameters",
      calibration: with(
        parameters: good, extra: #", "momentNames": ["roll.current"]"#),
      problems: [
        "$.momentNames: 1 moment selected for 2 parameters; a calibration needs at least as many moments as parameters"
      ]),
    Case(
      name: "ABC asked for",
      calibration: with(
        parameters: good,
        extra: #", "uncertainty": {"method": "abc", "draws": 10}"#),
      problems: [
        #"$.uncertainty.method: ABC rejection is not implemented; expected "bootstrap" or "sandwich", found "abc""#
      ]),
    Case(
      name: "a sandwich step outside (0, 0.5]",
      calibration: with(
        parameters: good,
        extra: #", "uncertainty": {"method": "sandwich", "step": 0.6}"#),
      problems: [
        "$.uncertainty.step: expected a number in (0, 0.5], found 0.6"
      ]),
    Case(
      name: "an unknown field and a missing one",
      calibration: """
        {"scenario": "baseline.json", "moments": "moments.json", "parameters": [\(good)],
         "budgte": 300, "seed": 11}
        """,
      problems: [
        "$.budget: missing required field (expected an integer ≥ 1)",
        #"$.budgte: unknown field; did you mean "budget"?"#,
      ]),
    Case(
      name: "every problem at once",
      calibration: """
        {"scenario": "missing.json", "moments": "moments.json",
         "parameters": [{"path": "a.b", "min": 1, "max": 0}], "budget": 300, "seed": -1}
        """,
      problems: [
        "$.parameters[0].max: expected a number > min (1), found 0",
        "$.seed: expected an integer in [0, 9007199254740991], found -1",
        "$.scenario: cannot read the scenario 'missing.json': no such file",
      ]),
  ]

  @Test(arguments: cases)
  func badInputGivesEveryProblemAtItsPath(_ c: Case) {
    let error = #expect(throws: CalibrationError.self) {
      _ = try ToyBook.inputs(c.calibration, moments: c.moments)
    }
    #expect(error?.problems.map(\.description) == c.problems)
    #expect(
      error?.message.hasPrefix("calibration.json: \(c.problems.count) problem")
        == true)
  }

  @Test func aGoodFileDecodesWithItsDefaults() throws {
    let inputs = try ToyBook.inputs(
      Self.with(parameters: Self.good),
      moments: ToyBook.observedText(loans: 20_000))
    let s = inputs.settings
    #expect(
      s.parameters.map(\.path) == [
        "repayment.miss.intercept", "repayment.roll.intercept",
      ])
    #expect(s.parameters.allSatisfy { $0.scale == .linear })
    #expect(s.globalPoints == 180 && s.localEvaluations == 120)
    #expect(
      s.uncertainty == UncertaintySettings(draws: 50, evaluationsPerDraw: 24))
    #expect(inputs.selected.count == 21)
    #expect(CalibrationSettings.minimumBudget(parameters: 2) == 17)
  }

  @Test func notJSONIsReportedWithItsPlace() {
    let error = #expect(throws: CalibrationError.self) {
      _ = try ToyBook.inputs("{\"scenario\": }", moments: "")
    }
    #expect(
      error?.message
        == "calibration.json: not valid JSON: line 1, column 14: expected a value"
    )
  }
}
