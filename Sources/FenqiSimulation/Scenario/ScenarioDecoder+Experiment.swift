import FenqiCore

/// Decoding of `experiment`: its design, control arm and metrics.
extension ScenarioDecoder {
  /// The cluster sizes an experiment may randomise by: powers of two up to 4,096.
  static let clusterSizes = (1...12).map { 1 << $0 }

  /// The scenario's `experiment`, over the arms decoded before it.
  func decodeExperiment(_ reader: JSONObjectReader, _ parts: ScenarioParts)
    -> ExperimentSpec?
  {
    var r = reader
    var fields = DecodedFields()
    // Every arm's name, or nil when an arm is invalid: then the rules that need the arms do not
    // run, and the experiment cannot be built.
    let arms = parts.allArms?.map(\.name)
    let names = parts.decodedArms.map(\.arm.name)
    let mode = fields.choice(
      &r, "mode", ExperimentSpec.Mode.self, default: .split)
    let control = fields.string(&r, "control", default: names.first)
    if let control {
      fields.require(
        check(
          .experimentControl(path: r.childPath("control"), control, arms: arms))
      )
    }
    let alpha = fields.number(&r, "alpha", .between(0, 1), default: 0.05)
    let stratify = fields.bool(&r, "stratifyBySegment", default: false)
    let pre = fields.integer(&r, "prePeriods", .integer(in: 0, 24), default: 0)
    var cluster: Int?
    if r.has("clusterSize") {
      cluster = fields.integer(
        &r, "clusterSize", .integer(oneOf: Self.clusterSizes))
    } else {
      _ = r.value("clusterSize")
    }
    if let cluster, let stratify {
      fields.require(
        check(
          .experimentDesign(
            path: r.childPath("clusterSize"), clusterSize: cluster,
            stratifyBySegment: stratify)))
    }
    let replicates = fields.integer(
      &r, "replicates", .integer(in: 1, 1_000), default: 1)
    var mixing: Double?
    if var s = r.object("sequential") {
      mixing = fields.number(&s, "relativeEffect", .within(0.0001, 10))
      s.finish()
    }
    var metrics: [ExperimentSpec.Metric] = []
    if let elements = r.array("metrics", required: true, minimumCount: 1) {
      for (path, value) in elements {
        fields.take(decodeMetric(value, path: path, declared: metrics)) {
          metrics.append($0)
        }
      }
    }
    if let arms {
      fields.require(
        check(.experimentArms(path: r.childPath("metrics"), count: arms.count)))
    }
    r.finish()
    guard fields.ok, let arms, let mode, let control,
      let c = arms.firstIndex(of: control), let alpha, let stratify, let pre,
      let replicates
    else { return nil }
    var spec = ExperimentSpec(
      mode: mode, control: c, alpha: alpha, metrics: metrics,
      stratifyBySegment: stratify, clusterSize: cluster, prePeriods: pre,
      sequentialRelativeEffect: mixing)
    spec.replicates = replicates
    return spec
  }

  /// One of `experiment.metrics`, after the `declared` ones; nil after reporting its problems
  /// (a metric declared twice among them).
  private func decodeMetric(
    _ value: JSONValue, path: String, declared: [ExperimentSpec.Metric]
  ) -> ExperimentSpec.Metric? {
    guard var m = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    var fields = DecodedFields()
    let metric = fields.choice(&m, "name", OutcomeMetric.self)
    var maxIncrease: Double?
    if m.has("guardrail") {
      if var g = m.object("guardrail") {
        maxIncrease = fields.number(&g, "maxIncrease", .nonNegative)
        g.finish()
      } else {
        fields.require(false)
      }
    }
    m.finish()
    guard fields.ok, let metric else { return nil }
    guard
      check(
        .metric(
          path: m.childPath("name"), metric, declared: declared.map(\.metric)))
    else { return nil }
    return ExperimentSpec.Metric(metric: metric, maxIncrease: maxIncrease)
  }
}
