import FenqiCore
import FenqiPopulation

/// Decoding of `population`: attributes, correlations, segments and their behaviour, and the
/// optional `fromSample` (``decodeFromSample(_:segments:)``).
extension ScenarioDecoder {
  /// The most segments a population may have (segment indices are one byte).
  static let maxSegments = 250

  /// The scenario's `population`; nil after reporting its problems.
  func decodePopulation(_ reader: JSONObjectReader) -> DecodedPopulation? {
    var r = reader
    var fields = DecodedFields()
    let size = fields.integer(&r, "size", .integer(in: 1, 100_000_000))
    // The segments' shares are checked whatever the size, so the rest is tracked on its own.
    var rest = DecodedFields()
    let defaults = rest.object(&r, "attributes", decodeAttributes) ?? [:]
    let correlations = decodeCorrelations(&r, &rest)
    var segments: [SegmentProfile] = []
    var behaviours: [SegmentBehaviour] = []
    var hidden: [Bool] = []
    if let elements = r.array("segments", required: true, minimumCount: 1) {
      // Checked before any segment is decoded, so a huge list is refused at once.
      let tooMany = elements.count > Self.maxSegments
      if tooMany {
        r.report(
          "segments",
          "expected at most \(Self.maxSegments) segments, found \(elements.count)"
        )
        rest.require(false)
      }
      var names: Set<String> = []
      for (path, value) in tooMany ? [] : elements {
        guard
          let (segment, behaviour, isHidden) = decodeSegment(
            value, path: path, defaults: defaults, names: &names)
        else {
          rest.require(false)
          continue
        }
        segments.append(segment)
        behaviours.append(behaviour)
        hidden.append(isHidden)
      }
      if rest.ok, segments.count == elements.count {
        check(
          .shares(
            path: r.childPath("segments"), noun: "segment shares",
            values: segments.map(\.share)))
      }
    }
    var sample: PopulationSample?
    if r.has("fromSample") {
      sample = rest.object(&r, "fromSample") {
        decodeFromSample($0, segments: segments.map(\.name))
      }
      rest.require(sample != nil)
    } else {
      _ = r.value("fromSample")
    }
    r.finish()
    guard fields.ok, rest.ok, let size, !segments.isEmpty else { return nil }
    let spec = PopulationSpec(
      size: size, segments: segments, correlations: correlations)
    guard check(.correlations(path: r.childPath("correlations"), spec))
    else { return nil }
    return DecodedPopulation(
      spec: spec, behaviours: behaviours, hidden: hidden, sample: sample)
  }

  /// `population.correlations`: each unordered pair of attributes once, with its rho.
  private func decodeCorrelations(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields
  ) -> [(CustomerAttribute, CustomerAttribute, Double)] {
    var correlations: [(CustomerAttribute, CustomerAttribute, Double)] = []
    // Where each pair was first given: a second rho for the same pair would silently win.
    var pairPaths: [String: String] = [:]
    _ = fields.array(&r, "correlations") { path, value -> Void? in
      guard var p = JSONObjectReader(value, path: path, collector: collector)
      else { return nil }
      var entry = DecodedFields()
      let rho = entry.number(&p, "rho", .between(-1, 1))
      var names: [CustomerAttribute] = []
      if let between = p.array("between", required: true) {
        if between.count != 2 {
          p.report(
            "between", "expected two attribute names, found \(between.count)")
        }
        for (ePath, e) in between {
          if case .string(let s) = e, let a = CustomerAttribute(name: s) {
            names.append(a)
          } else {
            collector.report(ePath, attributeNameMessage(e))
          }
        }
      }
      p.finish()
      guard names.count == 2 else { return nil }
      if names[0] == names[1] {
        // Reported, but the population is still read: nothing else depends on the pair.
        p.report(
          "between",
          "expected two different attributes, found \"\(names[0].name)\" twice")
        return ()
      }
      guard let rho else { return nil }
      let pair = [names[0].name, names[1].name].sorted().joined(
        separator: " and ")
      guard
        check(
          .correlationPair(
            path: p.childPath("between"), pair: pair, firstAt: pairPaths))
      else { return nil }
      pairPaths[pair] = path
      correlations.append((names[0], names[1], rho))
      return ()
    }
    return correlations
  }

  /// One entry of `population.segments`, its name added to `names`; nil after reporting its
  /// problems.
  private func decodeSegment(
    _ value: JSONValue, path: String,
    defaults: [CustomerAttribute: Marginal.Kind], names: inout Set<String>
  ) -> (SegmentProfile, SegmentBehaviour, Bool)? {
    guard var s = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    var fields = DecodedFields()
    let name = fields.name(&s)
    if let name {
      // A duplicate is reported without failing the segment: the names still resolve.
      check(
        .name(path: s.childPath("name"), noun: "segment", name, taken: names))
      names.insert(name)
    }
    let share = fields.number(&s, "share", .fraction)
    let isHidden = fields.bool(&s, "hidden", default: false)
    let borrower = fields.string(
      &s, "borrower", default: BorrowerKind.person.name,
      allowed: BorrowerKind.allCases.map(\.name))
    var marginals = defaults
    if let overrides = fields.object(&s, "attributes", decodeAttributes) {
      marginals.merge(overrides) { $1 }
    }
    let behaviour = fields.object(
      &s, "behaviour", required: true, decodeBehaviour)
    s.finish()
    guard fields.ok, let name, let share, let behaviour, let isHidden,
      let borrower
    else { return nil }
    let profile = SegmentProfile(
      name: name, share: share, marginals: marginals,
      borrower: borrower == "firm" ? .firm : .person)
    return (profile, behaviour, isHidden)
  }

  private func attributeNameMessage(_ value: JSONValue) -> String {
    let names = CustomerAttribute.allCases.map(\.name)
    var message = "expected an attribute name, found \(value.shortDescription)"
    if case .string(let s) = value,
      let hint = Suggestion.nearest(to: s, among: names)
    {
      message += "; did you mean \"\(hint)\"?"
    }
    return message
  }

  /// An `attributes` object: a marginal distribution per attribute named.
  private func decodeAttributes(_ reader: JSONObjectReader)
    -> [CustomerAttribute: Marginal.Kind]?
  {
    var r = reader
    var fields = DecodedFields()
    var out: [CustomerAttribute: Marginal.Kind] = [:]
    for attribute in CustomerAttribute.allCases {
      guard let v = r.value(attribute.name) else { continue }
      fields.take(
        decodeMarginal(
          v, path: r.childPath(attribute.name), attribute: attribute)
      ) { out[attribute] = $0 }
    }
    r.finish()
    return fields.ok ? out : nil
  }

  private func decodeMarginal(
    _ value: JSONValue, path: String, attribute: CustomerAttribute
  ) -> Marginal.Kind? {
    guard var m = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    var fields = DecodedFields()
    let kinds =
      attribute.isCategorical
      ? ["categorical"] : ["normal", "logNormal", "uniform", "beta", "poisson"]
    guard let kind = fields.string(&m, "kind", allowed: kinds) else {
      return nil
    }
    var result: Marginal.Kind?
    switch kind {
    case "normal":
      let mean = fields.number(&m, "mean", .any)
      let sd = fields.number(&m, "sd", .positive)
      if let mean, let sd {
        result = .normal(mean: mean, standardDeviation: sd)
      }
    case "logNormal":
      let median = fields.number(&m, "median", .positive)
      let sigma = fields.number(&m, "sigma", .positive)
      if let median, let sigma {
        result = .logNormal(median: median, sigma: sigma)
      }
    case "uniform":
      let lo = fields.number(&m, "min", .any)
      let hi = fields.number(&m, "max", .any)
      if let lo, let hi,
        check(.interval(path: m.childPath("max"), lo, hi, allowsEqual: false))
      {
        result = .uniform(minimum: lo, maximum: hi)
      }
    case "beta":
      let a = fields.number(&m, "alpha", .positive)
      let b = fields.number(&m, "beta", .positive)
      let lo = fields.number(&m, "min", .any, default: 0)
      let hi = fields.number(&m, "max", .any, default: 1)
      if let a, let b, let lo, let hi,
        check(.interval(path: m.childPath("max"), lo, hi, allowsEqual: false))
      {
        result = .beta(alpha: a, beta: b, minimum: lo, maximum: hi)
      }
    case "poisson":
      if let mean = fields.number(&m, "mean", .within(0, 50)) {
        result = .poisson(mean: mean)
      }
    default:
      let count = attribute.categoryNames.count
      if let p = fields.numbers(&m, "probabilities", .fraction, count: count) {
        let total = p.reduce(0, +)
        if abs(total - 1) > 1e-9 {
          m.report(
            "probabilities",
            "expected probabilities that sum to 1, found \(JSONWriter.format((total * 1e9).rounded() / 1e9))"
          )
        } else {
          result = .categorical(probabilities: p)
        }
      }
    }
    m.finish()
    return result
  }

  /// A segment's `behaviour`.
  private func decodeBehaviour(_ reader: JSONObjectReader) -> SegmentBehaviour?
  {
    var r = reader
    var fields = DecodedFields()
    var b = SegmentBehaviour(
      needRate: 0, priceMedian: 0, priceSigma: 0.8, splitOffset: 0,
      missOffset: 0, rollOffset: 0, cureProbability: 0.3, prepaymentRate: 0)
    fields.number(
      &r, "needRate", .fraction, into: &b, \.needRate, required: true)
    fields.number(
      &r, "priceMedian", .positive, into: &b, \.priceMedian, required: true)
    fields.number(&r, "priceSigma", .within(0, 3), into: &b, \.priceSigma)
    fields.number(&r, "splitOffset", .within(-20, 20), into: &b, \.splitOffset)
    fields.number(&r, "missOffset", .within(-20, 20), into: &b, \.missOffset)
    fields.number(&r, "rollOffset", .within(-20, 20), into: &b, \.rollOffset)
    fields.number(&r, "cureProbability", .fraction, into: &b, \.cureProbability)
    fields.number(&r, "prepaymentRate", .fraction, into: &b, \.prepaymentRate)
    fields.number(
      &r, "priceIncomeElasticity", .within(-3, 3), into: &b,
      \.priceIncomeElasticity)
    fields.number(
      &r, "needHeterogeneity", .within(0, 3), into: &b, \.needHeterogeneity)
    r.finish()
    return fields.ok ? b : nil
  }
}
