import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation

/// Why an optimisation cannot start.
public enum OptimizationError: Error, Sendable, Equatable {
  /// A file could not be read.
  case unreadable(file: String, reason: String)
  /// The optimisation file (or the scenario it names) has problems, at the file's JSON paths.
  case invalid(file: String, problems: [FieldProblem])

  /// The message for stderr.
  public var message: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read it: \(reason)"
    case .invalid(let file, let problems):
      "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")\n"
        + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
  }
}

/// An optimisation ready to run: the decoded file, the scenario it names, the treatment and
/// control arms, all checked together — the scenario validates at every corner of the
/// parameters' box — before anything runs.
public struct OptimizationInputs: Sendable {
  /// The optimisation file as named in messages.
  public let file: String
  /// The decoded settings.
  public let settings: OptimizationSettings
  /// The optimisation file's text.
  public let text: String
  /// The scenario file's text.
  public let scenarioText: String
  /// The scenario document as given.
  public let document: JSONValue
  /// The scenario as given, at the settings' size.
  public let scenario: Scenario
  /// The treatment arm's index.
  public let treatment: Int
  /// The control arm's index (the experiment's, else the first arm).
  public let control: Int

  /// Reads and checks the optimisation file at `file` and the scenario it names (relative to
  /// the file's folder).
  public static func load(file: String) throws(OptimizationError)
    -> OptimizationInputs
  {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      throw .unreadable(file: file, reason: "no such file, or not UTF-8 text")
    }
    let collector = ProblemCollector()
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      throw .invalid(
        file: file,
        problems: [FieldProblem(path: "$", message: "not valid JSON: \(error)")]
      )
    }
    guard let settings = OptimizationSettings.decode(json, collector: collector)
    else {
      throw .invalid(file: file, problems: collector.problems)
    }
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    let path =
      settings.scenarioFile.hasPrefix("/")
      ? settings.scenarioFile
      : folder.appendingPathComponent(settings.scenarioFile).path
    guard let scenarioText = try? String(contentsOfFile: path, encoding: .utf8),
      let document = try? JSONParser.parse(scenarioText)
    else {
      throw .invalid(
        file: file,
        problems: [
          FieldProblem(
            path: "$.scenario",
            message:
              "cannot read '\(settings.scenarioFile)' as a JSON scenario file")
        ])
    }
    return try make(
      file: file, text: text, settings: settings, scenarioText: scenarioText,
      document: document, scenarioFile: settings.scenarioFile)
  }

  /// The optimisation of the texts a folder keeps: the optimisation file's and its scenario's.
  public static func from(file: String, text: String, scenarioText: String)
    throws(OptimizationError) -> OptimizationInputs
  {
    let collector = ProblemCollector()
    guard let json = try? JSONParser.parse(text),
      let settings = OptimizationSettings.decode(json, collector: collector),
      let document = try? JSONParser.parse(scenarioText)
    else {
      throw .invalid(
        file: file,
        problems: collector.problems.isEmpty
          ? [
            FieldProblem(
              path: "$",
              message: "the stored optimisation or scenario is not valid JSON")
          ]
          : collector.problems)
    }
    return try make(
      file: file, text: text, settings: settings, scenarioText: scenarioText,
      document: document, scenarioFile: settings.scenarioFile)
  }

  /// The same optimisation with `settings` changed (the command line's overrides).
  public func with(_ settings: OptimizationSettings) -> OptimizationInputs {
    OptimizationInputs(
      file: file, settings: settings, text: text, scenarioText: scenarioText,
      document: document, scenario: scenario, treatment: treatment,
      control: control)
  }

  /// Checks `settings` against the scenario `document`.
  static func make(
    file: String, text: String, settings: OptimizationSettings,
    scenarioText: String,
    document: JSONValue, scenarioFile: String
  ) throws(OptimizationError) -> OptimizationInputs {
    var scenario: Scenario
    do {
      scenario = try ScenarioLoader.decode(document, file: scenarioFile)
    } catch {
      throw .invalid(
        file: file,
        problems: [
          FieldProblem(
            path: "$.scenario",
            message:
              "the scenario '\(scenarioFile)' does not validate: \(CornerCheck.summary(error.problems))"
          )
        ])
    }
    if let n = settings.customers { scenario.population.size = n }
    var problems: [FieldProblem] = []
    let names = scenario.arms.map(\.name)
    let control = scenario.experiment?.control ?? 0
    let treatment = names.firstIndex(of: settings.arm)
    if treatment == nil {
      problems.append(
        FieldProblem(
          path: "$.arm",
          message:
            "expected one of the scenario's arms (\(names.joined(separator: ", "))), found \"\(settings.arm)\""
        ))
    } else if treatment == control {
      problems.append(
        FieldProblem(
          path: "$.arm",
          message:
            "\"\(settings.arm)\" is the control; name a treatment arm to improve against it"
        ))
    }
    problems += targetProblems(settings, scenario: scenario)
    // The search keeps one population and control run per seed beside the run at work.
    let need = MemoryPlan.estimatedBytes(scenario) * (settings.replicates + 1)
    let available = MemoryPlan.availableBytes()
    if need > available {
      problems.append(
        FieldProblem(
          path: settings.customers == nil ? "$.replicates" : "$.customers",
          message:
            "the search holds \(settings.replicates + 1) populations of \(scenario.population.size) customers at once, about \(need >> 20) MiB, more than the \(available >> 20) MiB this machine allows; use fewer customers or replicates"
        ))
    }
    problems += CornerCheck.problems(
      document,
      parameters: settings.parameters.enumerated().map {
        (
          $0,
          SearchedField(path: $1.path, minimum: $1.minimum, maximum: $1.maximum)
        )
      }, complete: true, file: scenarioFile)
    guard problems.isEmpty, let treatment else {
      throw .invalid(file: file, problems: problems)
    }
    return OptimizationInputs(
      file: file, settings: settings, text: text, scenarioText: scenarioText,
      document: document, scenario: scenario, treatment: treatment,
      control: control)
  }

  /// The objective's and constraints' problems: a lifetime figure without a run-off, a channel
  /// item (their rows are per channel).
  static func targetProblems(_ s: OptimizationSettings, scenario: Scenario)
    -> [FieldProblem]
  {
    let targets =
      [("$.objective", s.objective)]
      + s.constraints.enumerated().map { ("$.constraints[\($0)]", $1.target) }
    var out: [FieldProblem] = []
    for (path, t) in targets {
      if t.horizon == .lifetime, scenario.runOffMonths == 0 {
        out.append(
          FieldProblem(
            path: path + ".horizon",
            message:
              "the scenario has no run-off, so there is no lifetime figure; add a horizon block with runOff, or use \"window\""
          ))
      }
      if t.item.rawValue.hasPrefix("channel_") {
        out.append(
          FieldProblem(
            path: path + ".item",
            message:
              "channel items are per channel; choose an arm-level item such as npv"
          ))
      }
    }
    return out
  }

  /// The scenario with the plan `values` written at the parameters' paths (nil and the
  /// problem when it does not validate).
  public func scenario(with values: [Double]) -> Result<Scenario, PlanProblem> {
    do {
      let doc = try CornerCheck.patched(
        document, paths: settings.parameters.map(\.path), values: values)
      var s = try ScenarioLoader.decode(doc, file: settings.scenarioFile)
      if let n = settings.customers { s.population.size = n }
      return .success(s)
    } catch let e as ScenarioError {
      return .failure(PlanProblem(message: CornerCheck.summary(e.problems)))
    } catch {
      return .failure(PlanProblem(message: "\(error)"))
    }
  }

  /// The shipped plan: each parameter's value in the scenario as given, within its range (nil
  /// when a field is not a number there).
  public var shippedValues: [Double]? {
    let values = settings.parameters.map { p -> Double? in
      guard case .number(let x)? = SweepGrid.value(at: p.path, in: document)
      else {
        return nil
      }
      return min(p.maximum, max(p.minimum, x))
    }
    return values.contains(where: { $0 == nil })
      ? nil : values.compactMap { $0 }
  }
}

/// Why a plan inside the box could not be simulated (its scenario does not validate).
public struct PlanProblem: Error, Sendable, Equatable {
  /// What the validator said.
  public var message: String
}
