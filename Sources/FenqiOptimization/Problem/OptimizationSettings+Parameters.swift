import FenqiCore
import FenqiExperiment

extension OptimizationSettings {
  /// `parameters`: 1 to ``maxParameters`` objects `{path, min, max, integer, scale}`.
  static func decodeParameters(_ root: inout JSONObjectReader)
    -> [DecisionVariable]?
  {
    guard
      let elements = root.array("parameters", required: true, minimumCount: 1)
    else {
      return nil
    }
    guard elements.count <= maxParameters else {
      root.report(
        "parameters",
        "expected at most \(maxParameters) parameters, found \(elements.count)")
      return nil
    }
    var out: [DecisionVariable] = []
    var ok = true
    for e in elements {
      guard
        var p = JSONObjectReader(
          e.value, path: e.path, collector: root.collector)
      else {
        ok = false
        continue
      }
      let path = p.string("path")
      if path?.isEmpty == true {
        p.report(
          "path",
          "expected a dotted path such as \"arms.gold12.campaign.start\", found \"\""
        )
      }
      let isInteger = p.bool("integer", default: false) ?? false
      let rule: NumberRule =
        isInteger ? .integer(in: -1_000_000, 1_000_000) : .any
      let low = p.number("min", rule)
      let high = p.number("max", rule)
      let scale = p.string(
        "scale", default: "linear", allowed: ["linear", "log"]
      ).flatMap(SearchSpace.Dimension.Scale.init(rawValue:))
      SearchedField.checkRange(p, low: low, high: high, isLog: scale == .log)
      p.finish()
      guard let path, !path.isEmpty, let low, let high, let scale, low < high,
        scale == .linear || low > 0
      else {
        ok = false
        continue
      }
      out.append(
        DecisionVariable(
          path: path, minimum: low, maximum: high, isInteger: isInteger,
          scale: scale))
    }
    let paths = out.map(\.path)
    for (k, path) in paths.enumerated() where paths[..<k].contains(path) {
      root.collector.report(
        "$.parameters[\(k)].path", "\(path) is already a parameter")
      ok = false
    }
    return ok ? out : nil
  }

  /// The search space of the decision variables.
  public var space: SearchSpace {
    let dimensions = parameters.map {
      SearchSpace.Dimension(
        name: $0.path, lower: $0.minimum, upper: $0.maximum,
        isInteger: $0.isInteger,
        scale: $0.scale)
    }
    // The decoder has checked every bound, so the space is valid.
    guard let space = try? SearchSpace(dimensions) else {
      preconditionFailure(
        "decoded parameters make an invalid search space: \(dimensions)")
    }
    return space
  }
}
