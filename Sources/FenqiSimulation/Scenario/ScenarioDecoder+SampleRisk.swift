import FenqiCore
import FenqiModels
import FenqiPopulation

/// `population.fromSample.latentRisk` as decoded, by column name.
enum SampleRisk {
  /// No rule: latent risk is generated.
  case generated
  /// A column's normal score; `order` lists a text column's levels from the least risky.
  case column(String, higherIsRiskier: Bool, order: [String]?)
  /// A linear score in number columns plus normal noise.
  case weights([(column: String, weight: Double)], noise: Double)
}

extension ScenarioDecoder {
  /// The latent-risk rule; nil after reporting its problems.
  func decodeSampleRisk(_ reader: JSONObjectReader, sample: SampleColumns)
    -> SampleRisk?
  {
    var r = reader
    var fields = DecodedFields()
    let hasColumn = r.has("fromColumn")
    guard hasColumn != r.has("weights") else {
      r.report(
        hasColumn ? "weights" : "fromColumn",
        hasColumn
          ? "expected either \"fromColumn\" or \"weights\", found both"
          : "missing required field (expected \"fromColumn\", a column whose normal score is the risk, or \"weights\", a linear score in number columns)"
      )
      _ = (
        r.value("fromColumn"), r.value("weights"), r.value("higherIsRiskier")
      )
      _ = (r.value("order"), r.value("noise"))
      r.finish()
      return nil
    }
    let result =
      hasColumn
      ? riskColumn(&r, &fields, sample) : riskWeights(&r, &fields, sample)
    r.finish()
    return fields.ok ? result : nil
  }

  /// `fromColumn` with `higherIsRiskier` (numbers) or `order` (text categories).
  private func riskColumn(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ sample: SampleColumns
  ) -> SampleRisk? {
    let givesDirection = r.has("higherIsRiskier")
    let higher = fields.bool(&r, "higherIsRiskier", default: true)
    var order: [String]?
    if let elements = r.array("order") {
      order = elements.compactMap { path, value in
        guard case .string(let s) = value else {
          collector.report(
            path, "expected a level name, found \(value.shortDescription)")
          fields.require(false)
          return nil
        }
        return s
      }
    }
    guard let name = fields.string(&r, "fromColumn"), let higher else {
      return nil
    }
    if let problem = sample.unknownColumn(name) {
      r.report("fromColumn", problem)
      fields.require(false)
      return nil
    }
    guard let j = sample.index(name), let kind = sample.kinds?[j].kind else {
      return .column(name, higherIsRiskier: higher, order: order)
    }
    if case .categorical(let levels, nil) = kind {
      if givesDirection {
        r.report(
          "higherIsRiskier",
          "applies to number columns; \(JSONWriter.quoted(name)) holds categories, so give \"order\""
        )
        fields.require(false)
      }
      let listed = levels.map(JSONWriter.quoted).joined(separator: ", ")
      guard let order else {
        r.report(
          "order",
          "missing required field (expected the levels of \(JSONWriter.quoted(name)) from the least to the most risky: \(listed))"
        )
        fields.require(false)
        return nil
      }
      if order.count != levels.count || Set(order) != Set(levels) {
        r.report(
          "order",
          "expected each level of \(JSONWriter.quoted(name)) once, from the least to the most risky (\(listed)), found \(order.map(JSONWriter.quoted).joined(separator: ", "))"
        )
        fields.require(false)
      }
    } else if order != nil {
      r.report(
        "order",
        "applies to columns of text categories; \(JSONWriter.quoted(name)) holds numbers, so give \"higherIsRiskier\""
      )
      fields.require(false)
    }
    return .column(name, higherIsRiskier: higher, order: order)
  }

  /// `weights` (number column → weight) and `noise`.
  private func riskWeights(
    _ r: inout JSONObjectReader, _ fields: inout DecodedFields,
    _ sample: SampleColumns
  ) -> SampleRisk? {
    let noise = fields.number(&r, "noise", .nonNegative, default: 0)
    let path = r.childPath("weights")
    guard let value = r.value("weights"),
      let reader = JSONObjectReader(value, path: path, collector: collector),
      case .object(let members) = value
    else { return nil }
    var weights: [(column: String, weight: Double)] = []
    for (name, v) in members {
      guard case .number(let w) = v, w.isFinite else {
        collector.report(
          reader.childPath(name),
          "expected a number, found \(v.shortDescription)")
        fields.require(false)
        continue
      }
      if let problem = sample.unknownColumn(name) {
        collector.report(reader.childPath(name), problem)
        fields.require(false)
      } else if let j = sample.index(name), !sample.holdsNumbers(j) {
        collector.report(
          reader.childPath(name),
          "expected a number column, found column \(JSONWriter.quoted(name)) of categories"
        )
        fields.require(false)
      }
      weights.append((name, w))
    }
    guard let noise else { return nil }
    if !weights.contains(where: { $0.weight != 0 }) && noise == 0 {
      collector.report(
        path, "expected at least one weight other than 0, or noise > 0")
      fields.require(false)
    }
    return .weights(weights, noise: noise)
  }

  /// Fits the synthesizer on the used columns and resolves names to its indices; nil after
  /// reporting a failure of the fit.
  func fitSample(
    file: String, table: FeatureTable, mappings: [(CustomerAttribute, String)],
    segment: (name: String, ofLevel: [UInt8])?, risk: SampleRisk, path: String
  ) -> PopulationSample? {
    var used: [String] = []
    func use(_ name: String) { if !used.contains(name) { used.append(name) } }
    for mapping in mappings { use(mapping.1) }
    if let segment { use(segment.name) }
    var levelOrders: [String: [String]] = [:]
    switch risk {
    case .generated: break
    case .column(let name, _, let order):
      use(name)
      if let order { levelOrders[name] = order }
    case .weights(let weights, _):
      for weight in weights { use(weight.column) }
    }
    let columns = used.compactMap { table.column(named: $0) }
    let sub = FeatureTable(
      names: used, columns: columns, rowCount: table.rowCount)
    let synthesizer: CopulaSynthesizer
    do {
      synthesizer = try CopulaSynthesizer(
        fitting: sub,
        options: .init(by: segment?.name, levelOrders: levelOrders))
    } catch {
      collector.report(path, "cannot fit the sample: \(error.description)")
      return nil
    }
    let sample = SampleColumns(table: sub, kinds: synthesizer.columns)
    let index = { (name: String) in used.firstIndex(of: name) ?? 0 }
    let latent: PopulationSample.LatentRisk
    switch risk {
    case .generated:
      latent = .generated
    case .column(let name, let higher, let order):
      latent = .coordinate(index(name), sign: order != nil || higher ? 1 : -1)
    case .weights(let weights, let noise):
      let coordinates = weights.map { index($0.column) }
      let w = weights.map(\.weight)
      let d = synthesizer.latentDimension
      // Var(Σ wᵢzᵢ + noise·ε) = wᵀRw + noise² within each segment's copula.
      let scales = synthesizer.segments.map { s in
        var v = noise * noise
        for (a, i) in coordinates.enumerated() {
          for (b, j) in coordinates.enumerated() {
            v += w[a] * w[b] * s.correlation[i * d + j]
          }
        }
        return v.squareRoot()
      }
      latent = .linear(
        coordinates: coordinates, weights: w, noise: noise, scales: scales)
    }
    return PopulationSample(
      file: file, synthesizer: synthesizer,
      mappings: mappings.map {
        .init(
          attribute: $0.0, column: index($0.1),
          levelValues: sample.levelValues($0.0, column: index($0.1)))
      },
      segments: segment.map { (column: index($0.name), ofLevel: $0.ofLevel) },
      latentRisk: latent)
  }
}
