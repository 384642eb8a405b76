import FenqiCore
import FenqiExperiment

extension OptimizationSettings {
  /// The most decision variables.
  static let maxParameters = 30
  /// The most evaluations.
  static let maxBudget = 100_000

  /// Decodes an optimisation file's JSON, every problem reported to `collector` at its path.
  ///
  /// - Returns: the settings, or nil when anything was wrong.
  static func decode(_ json: JSONValue, collector: ProblemCollector)
    -> OptimizationSettings?
  {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return nil }
    let before = collector.problems.count
    let scenario = root.string("scenario")
    let arm = root.string("arm")
    var customers: Int?
    if root.has("customers") {
      customers = root.integer("customers", .integer(in: 1, 100_000_000))
    }
    var objective: OptimizationTarget?
    var minimise = false
    if var o = root.object("objective", required: true) {
      objective = target(&o)
      minimise =
        o.string(
          "direction", default: "maximize", allowed: ["maximize", "minimize"])
        == "minimize"
      o.finish()
    }
    let constraints = decodeConstraints(&root)
    let parameters = decodeParameters(&root)
    let algorithm = root.string(
      "algorithm", default: OptimizerAlgorithm.cmaes.rawValue,
      allowed: OptimizerAlgorithm.allCases.map(\.rawValue)
    ).flatMap(OptimizerAlgorithm.init(rawValue:))
    let budget = root.integer("budget", .integer(in: 2, maxBudget))
    let replicates = root.integer(
      "replicates", .integer(in: 1, 100), default: 1)
    var verification = 10
    var frontier = 12
    if root.has("verification"), var v = root.object("verification") {
      verification =
        v.integer("replicates", .integer(in: 2, 1_000), default: 10) ?? 10
      frontier =
        v.integer("frontierPoints", .integer(in: 0, 100), default: 12) ?? 12
      v.finish()
    } else {
      _ = root.value("verification")
    }
    let seed = root.number(
      "seed", .integer(in: 0, 9_007_199_254_740_991), default: 1)
    root.finish()
    guard collector.problems.count == before, let scenario, let arm,
      let objective,
      let constraints, let parameters, let algorithm, let budget,
      let replicates, let seed
    else { return nil }
    return OptimizationSettings(
      scenarioFile: scenario, arm: arm, customers: customers,
      objective: objective,
      minimise: minimise, constraints: constraints, parameters: parameters,
      algorithm: algorithm, budget: budget, replicates: replicates,
      verificationReplicates: verification, verifiedFrontierPoints: frontier,
      seed: UInt64(seed))
  }

  /// `item`, `horizon` and `of` of an objective or constraint.
  static func target(_ r: inout JSONObjectReader) -> OptimizationTarget? {
    let names = EconomicsItem.allCases.map(\.rawValue)
    let item = r.string("item", allowed: names).flatMap(
      EconomicsItem.init(rawValue:))
    let horizon = r.string(
      "horizon", default: EconomicsHorizon.lifetime.rawValue,
      allowed: EconomicsHorizon.allCases.map(\.rawValue)
    ).flatMap(EconomicsHorizon.init(rawValue:))
    let value = r.string(
      "of", default: OptimizationTarget.Value.increment.rawValue,
      allowed: OptimizationTarget.Value.allCases.map(\.rawValue)
    ).flatMap(OptimizationTarget.Value.init(rawValue:))
    guard let item, let horizon, let value else { return nil }
    return OptimizationTarget(item: item, horizon: horizon, value: value)
  }

  /// `constraints`: objects `{item, horizon, of, max | min}` (absent: none).
  static func decodeConstraints(_ root: inout JSONObjectReader)
    -> [OptimizationConstraint]?
  {
    guard root.has("constraints") else {
      _ = root.value("constraints")
      return []
    }
    guard let elements = root.array("constraints") else { return nil }
    var out: [OptimizationConstraint] = []
    var ok = true
    for e in elements {
      guard
        var c = JSONObjectReader(
          e.value, path: e.path, collector: root.collector)
      else {
        ok = false
        continue
      }
      let t = target(&c)
      let high = c.has("max") ? c.number("max", .any) : nil
      let low = c.has("min") ? c.number("min", .any) : nil
      if !c.has("max"), !c.has("min") {
        c.report(
          "max", "missing: a constraint needs \"max\" or \"min\" (or both)")
        ok = false
      }
      if let high, let low, low > high {
        c.report(
          "max",
          "expected a number ≥ min (\(JSONWriter.format(low))), found \(JSONWriter.format(high))"
        )
        ok = false
      }
      c.finish()
      guard let t, high != nil || low != nil else {
        ok = false
        continue
      }
      out.append(OptimizationConstraint(target: t, maximum: high, minimum: low))
    }
    return ok ? out : nil
  }
}
