import FenqiCore
import FenqiReport
import FenqiRisk
import FenqiSimulation

extension StressCommand {
  /// The analysis files every shard writes alike, in ``StressTables/sharedFiles`` order, then
  /// `reverse.csv` when a limit was searched.
  static func analysisFiles(
    _ a: StressAnalysis, scenario s: Scenario, stress: StressRunner.Result,
    reverse: ReverseStress?
  ) -> [(name: String, text: String)] {
    let lgd = s.repayment.lossGivenDefault
    let arms = s.arms.map(\.name)
    let control = s.experiment?.control ?? 0
    var files: [(name: String, text: String)] = [
      ("scenario_set.csv", StressAnalysisTables.scenarioSet(a, lgd: lgd).text),
      (
        "scenario_paths.csv",
        StressAnalysisTables.scenarioPaths(a, lgd: lgd).text
      ),
      ("provisions.csv", StressAnalysisTables.provisions(a, arms: arms).text),
      ("capital.csv", StressAnalysisTables.capital(a, arms: arms).text),
      (
        "attribution.csv",
        StressAnalysisTables.attribution(
          a, arms: arms, control: control, baseline: stress.baseline,
          shocked: stress.shocked, lgd: lgd
        ).text
      ),
    ]
    if let reverse {
      files.append(
        (StressTables.reverseFile, StressAnalysisTables.reverse(reverse).text))
    }
    return files
  }
}

/// A `--reverse` request: the limit, the shock it scales and the arm it tests.
struct ReverseRequest {
  var limit: StressLimit
  var shock: Int
  var arm: Int

  /// The request in `values`, nil without `--reverse`, or the problem.
  static func parse(_ values: [String: String], scenario s: Scenario) -> Result<
    ReverseRequest?, Arguments.Problem
  > {
    guard let text = values["--reverse"] else {
      if values["--shock"] != nil || values["--arm"] != nil {
        return .failure(
          Arguments.Problem(message: "'--shock' and '--arm' need '--reverse'"))
      }
      return .success(nil)
    }
    guard let limit = StressLimit(parsing: text) else {
      let measures = StressLimit.Measure.allCases.map(\.rawValue).joined(
        separator: " or ")
      return .failure(
        Arguments.Problem(
          message:
            "'--reverse' expects <measure>=<number> with measure \(measures), found '\(text)'"
        ))
    }
    let kind = values["--shock"] ?? "recession"
    let shocks = s.macro?.shocks ?? []
    guard let shock = shocks.firstIndex(where: { $0.kind == kind }) else {
      let present = shocks.map(\.kind).joined(separator: ", ")
      return .failure(
        Arguments.Problem(
          message:
            "'--shock' expects a shock of the scenario ($.macro.shocks: \(present.isEmpty ? "none" : present)), found '\(kind)'"
        ))
    }
    let armName = values["--arm"] ?? s.arms[0].name
    guard let arm = s.arms.firstIndex(where: { $0.name == armName }) else {
      return .failure(
        Arguments.Problem(
          message:
            "'--arm' expects one of \(s.arms.map(\.name).joined(separator: ", ")), found '\(armName)'"
        ))
    }
    return .success(ReverseRequest(limit: limit, shock: shock, arm: arm))
  }

  /// What `stress.json` records of the request.
  func identity(_ s: Scenario) -> [(key: String, value: JSONValue)] {
    [
      (
        "reverseLimit",
        .string("\(limit.measure.rawValue)=\(JSONWriter.format(limit.value))")
      ),
      ("reverseShock", .string(s.macro?.shocks[shock].kind ?? "")),
      ("reverseArm", .string(s.arms[arm].name)),
    ]
  }
}
