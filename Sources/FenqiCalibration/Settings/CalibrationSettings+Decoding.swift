import FenqiCore
import FenqiExperiment

extension CalibrationSettings {
  /// The largest seed: 2^53 − 1, the largest integer a JSON number holds exactly.
  static let largestSeed = 9_007_199_254_740_991.0
  /// The most evaluations a budget may name.
  static let maxBudget = 1_000_000
  /// The most replicates per point.
  static let maxReplicates = 1000

  /// What a calibration file gave, field by field, so that the files it names are checked even
  /// when another field is wrong.
  struct Decoded {
    /// The scenario file, when the field is usable.
    var scenario: String?
    /// The moments file, when the field is usable.
    var moments: String?
    /// Each element of `parameters`, nil where it is unusable; nil when the array is.
    var parameters: [FreeParameter?]?
    /// `momentNames` and `exclude`, when usable.
    var momentNames: [String]?
    /// See ``momentNames``.
    var exclude: [String]?
    /// `overrides`, when usable (empty when absent).
    var overrides: [ScenarioOverride]?
    /// The whole settings, when every field is usable.
    var settings: CalibrationSettings?
  }

  /// Decodes a calibration file's JSON, reporting every problem to `collector` with its path.
  ///
  /// - Returns: every field that decoded; ``Decoded/settings`` only when nothing was wrong.
  static func decode(_ json: JSONValue, collector: ProblemCollector) -> Decoded
  {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return Decoded() }
    let before = collector.problems.count
    let scenario = nonEmptyString(&root, "scenario")
    let moments = nonEmptyString(&root, "moments")
    let each = decodeParameters(&root)
    let parameters = each.flatMap { e in
      e.contains(nil) ? nil : e.compactMap { $0 }
    }
    let d = each?.count ?? 1
    let budget = root.integer("budget", .integer(atLeast: 1))
    if let budget, each != nil {
      let least = minimumBudget(parameters: d)
      if budget < least || budget > maxBudget {
        root.report(
          "budget",
          "expected an integer in [\(least), \(maxBudget)] (the global stage takes 60% of the budget and needs \(globalPointsPerParameter) points per parameter, the local stage 2·(parameters + 1) evaluations), found \(budget)"
        )
      }
    }
    let replicates = root.integer(
      "replicates", .integer(in: 1, maxReplicates), default: 1)
    let seed = root.number("seed", .integer(in: 0, Int(largestSeed)))
    let names = strings(&root, "momentNames")
    let exclude = strings(&root, "exclude")
    let uncertainty = decodeUncertainty(&root, parameters: d)
    let overrides = decodeOverrides(&root)
    root.finish()
    var decoded = Decoded(
      scenario: scenario, moments: moments, parameters: each,
      momentNames: names, exclude: exclude, overrides: overrides)
    guard collector.problems.count == before, let scenario, let moments,
      let parameters, let budget, let replicates, let seed, let names,
      let exclude, let uncertainty, let overrides
    else { return decoded }
    decoded.settings = CalibrationSettings(
      scenarioFile: scenario, momentsFile: moments, parameters: parameters,
      budget: budget, replicates: replicates, seed: UInt64(seed),
      momentNames: names, exclude: exclude, uncertainty: uncertainty)
    decoded.settings?.overrides = overrides
    return decoded
  }

  /// `overrides`: an object of dotted scenario paths and the values to measure with.
  private static func decodeOverrides(_ r: inout JSONObjectReader)
    -> [ScenarioOverride]?
  {
    guard let value = r.value("overrides") else { return [] }
    guard case .object(let members) = value else {
      r.report(
        "overrides",
        "expected an object of scenario paths and values ({\"periods\": 24}), found \(value.shortDescription)"
      )
      return nil
    }
    return members.map { ScenarioOverride(path: $0.key, value: $0.value) }
  }

  /// A required string with at least one character.
  private static func nonEmptyString(
    _ r: inout JSONObjectReader, _ key: String
  ) -> String? {
    guard let s = r.string(key) else { return nil }
    guard !s.isEmpty else {
      r.report(key, "expected a file path, found \"\"")
      return nil
    }
    return s
  }

  /// An optional array of non-empty strings; absent → [].
  private static func strings(_ r: inout JSONObjectReader, _ key: String)
    -> [String]?
  {
    guard r.has(key) else {
      _ = r.value(key)
      return []
    }
    guard let elements = r.array(key) else { return nil }
    var out: [String] = []
    for e in elements {
      guard case .string(let s) = e.value, !s.isEmpty else {
        r.collector.report(
          e.path,
          "expected a non-empty string, found \(e.value.shortDescription)")
        return nil
      }
      out.append(s)
    }
    return out
  }

  /// `parameters`: 1 to ``maxParameters`` objects `{path, min, max, scale}`; nil for an
  /// unusable array, and nil elements for unusable parameters.
  private static func decodeParameters(_ root: inout JSONObjectReader)
    -> [FreeParameter?]?
  {
    guard
      let elements = root.array("parameters", required: true, minimumCount: 1)
    else { return nil }
    if elements.count > maxParameters {
      root.report(
        "parameters",
        "expected at most \(maxParameters) parameters, found \(elements.count)")
      return nil
    }
    guard !elements.isEmpty else { return nil }
    var out: [FreeParameter?] = []
    for e in elements {
      guard
        var p = JSONObjectReader(
          e.value, path: e.path, collector: root.collector)
      else {
        out.append(nil)
        continue
      }
      let path = p.string("path")
      if path?.isEmpty == true {
        p.report(
          "path",
          "expected a dotted path such as \"repayment.roll.intercept\", found \"\""
        )
      }
      let low = p.number("min", .any)
      let high = p.number("max", .any)
      let scale = p.string(
        "scale", default: ParameterScale.linear.rawValue,
        allowed: ParameterScale.allCases.map(\.rawValue)
      ).flatMap(ParameterScale.init(rawValue:))
      SearchedField.checkRange(p, low: low, high: high, isLog: scale == .log)
      p.finish()
      guard let path, !path.isEmpty, let low, let high, let scale, low < high,
        scale == .linear || low > 0
      else {
        out.append(nil)
        continue
      }
      out.append(
        FreeParameter(path: path, minimum: low, maximum: high, scale: scale))
    }
    return out
  }

  /// `uncertainty`: optional `{method, draws, evaluationsPerDraw, step}`.
  private static func decodeUncertainty(
    _ root: inout JSONObjectReader, parameters d: Int
  ) -> UncertaintySettings? {
    let defaults = UncertaintySettings(
      draws: UncertaintySettings.defaultDraws,
      evaluationsPerDraw: UncertaintySettings.defaultEvaluations(parameters: d))
    guard root.has("uncertainty") else {
      _ = root.value("uncertainty")
      return defaults
    }
    guard var u = root.object("uncertainty") else { return nil }
    var method: UncertaintySettings.Method?
    if case .string("abc") = u.value("method") ?? .null {
      u.report(
        "method",
        "ABC rejection is not implemented; expected \"bootstrap\" or \"sandwich\", found \"abc\""
      )
    } else {
      method = u.string(
        "method", default: UncertaintySettings.Method.bootstrap.rawValue,
        allowed: UncertaintySettings.Method.allCases.map(\.rawValue)
      ).flatMap(UncertaintySettings.Method.init(rawValue:))
    }
    let draws = u.integer(
      "draws", .integer(in: 0, UncertaintySettings.maxDraws),
      default: UncertaintySettings.defaultDraws)
    let evaluations = u.integer(
      "evaluationsPerDraw", .integer(in: d + 2, 100_000),
      default: defaults.evaluationsPerDraw)
    let step = u.number(
      "step",
      NumberRule("a number in (0, \(UncertaintySettings.maxStep)]") {
        $0 > 0 && $0 <= UncertaintySettings.maxStep
      }, default: UncertaintySettings.defaultStep)
    u.finish()
    guard let method, let draws, let evaluations, let step else { return nil }
    return UncertaintySettings(
      method: method, draws: draws, evaluationsPerDraw: evaluations, step: step)
  }
}
