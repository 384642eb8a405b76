import FenqiCore
import FenqiSimulation

/// One searched scenario field: its dotted path and range (a calibration's free parameter, an
/// optimisation's decision variable).
public struct SearchedField: Sendable, Equatable {
  /// The dotted path (`repayment.roll.intercept`, `arms.gold12.offer.termMonths`).
  public var path: String
  /// The smallest value searched.
  public var minimum: Double
  /// The largest value searched.
  public var maximum: Double

  /// Creates a searched field.
  public init(path: String, minimum: Double, maximum: Double) {
    self.path = path
    self.minimum = minimum
    self.maximum = maximum
  }
}

/// Checks, before anything runs, that the scenario validates at the corners of the search box
/// — all 2^d of them up to ``fullCornerLimit`` parameters, beyond that the all-min and all-max
/// corners — and names the bound at fault when it does not.
///
/// Shared by calibration and optimisation, whose files name scenario fields and ranges alike.
public enum CornerCheck {
  /// The most parameters whose 2^d corners are all checked (256 scenario validations).
  static let fullCornerLimit = 8
  /// Scenario problems quoted in one message.
  static let quoted = 3

  /// The scenario with `values` written at `paths`.
  public static func patched(
    _ document: JSONValue, paths: [String], values: [Double]
  ) throws(SweepGrid.Problem) -> JSONValue {
    var doc = document
    for (path, value) in zip(paths, values) {
      doc = try SweepGrid.set(.number(value), at: path, in: doc)
    }
    return doc
  }

  /// The scenario's problems with `values` written at `paths`, as one line; nil when it
  /// validates.
  public static func problem(
    _ document: JSONValue, paths: [String], values: [Double], file: String
  ) -> String? {
    do {
      let doc = try patched(document, paths: paths, values: values)
      _ = try ScenarioLoader.decode(doc, file: file)
      return nil
    } catch let e as SweepGrid.Problem {
      return e.description
    } catch let e as ScenarioError {
      return summary(e.problems)
    } catch {
      return "\(error)"
    }
  }

  /// Up to ``quoted`` problems, `; `-separated, with how many more there are.
  public static func summary(_ problems: [FieldProblem]) -> String {
    var text = problems.prefix(quoted).map(\.description).joined(
      separator: "; ")
    if problems.count > quoted {
      text += " (and \(problems.count - quoted) more)"
    }
    return text
  }

  /// Every problem at the box's edges.
  ///
  /// The corners are checked first; only when one fails (or not every parameter is usable) is
  /// each parameter checked alone at its `min` and `max`, the others as the scenario has them,
  /// so that the problem is reported at the bound that causes it. A failing corner whose bounds
  /// each pass alone is reported at `$.parameters`.
  ///
  /// - Parameters:
  ///   - document: the scenario, which validates as it is.
  ///   - parameters: the usable parameters with their index in the calibration file.
  ///   - complete: whether every parameter is usable (the joint corners are checked only then).
  ///   - file: the scenario file, for messages.
  /// - Returns: the problems, at the calibration file's paths.
  public static func problems(
    _ document: JSONValue, parameters: [(index: Int, parameter: SearchedField)],
    complete: Bool, file: String
  ) -> [FieldProblem] {
    var corner: FieldProblem?
    if complete {
      corner = cornerProblem(document, parameters: parameters, file: file)
      if corner == nil { return [] }
    }
    var out: [FieldProblem] = []
    for (index, p) in parameters {
      for (key, value) in [("min", p.minimum), ("max", p.maximum)] {
        if let problem = problem(
          document, paths: [p.path], values: [value], file: file)
        {
          out.append(
            FieldProblem(
              path: "$.parameters[\(index)].\(key)",
              message:
                "the scenario does not validate with \(p.path) = \(JSONWriter.format(value)): \(problem)"
            ))
        }
      }
    }
    if out.isEmpty, let corner { out.append(corner) }
    return out
  }

  /// The first corner of the box at which the scenario does not validate: all 2^d corners up to
  /// ``fullCornerLimit`` parameters, the all-min and all-max corners beyond.
  static func cornerProblem(
    _ document: JSONValue, parameters: [(index: Int, parameter: SearchedField)],
    file: String
  ) -> FieldProblem? {
    let d = parameters.count
    let masks: [Int] =
      d <= fullCornerLimit ? Array(0..<(1 << d)) : [0, (1 << d) - 1]
    let paths = parameters.map(\.parameter.path)
    for mask in masks {
      let values = parameters.enumerated().map { k, e in
        mask & (1 << k) == 0 ? e.parameter.minimum : e.parameter.maximum
      }
      if let problem = problem(
        document, paths: paths, values: values, file: file)
      {
        let corner = zip(parameters, values).map { e, v in
          "\(e.parameter.path) = \(JSONWriter.format(v))"
        }.joined(separator: ", ")
        return FieldProblem(
          path: "$.parameters",
          message:
            "the scenario does not validate at the corner \(corner): \(problem)"
        )
      }
    }
    return nil
  }
}
