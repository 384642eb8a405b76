import FenqiCore
import Foundation

/// A model saved as versioned JSON.
///
/// Numbers are written in their shortest round-trip form, so a loaded model holds exactly the
/// saved values and predicts exactly what the saved one did.
public struct ModelFile: Sendable, Equatable {
  /// The format version this code writes and reads.
  public static let version = 1

  /// The model.
  public var model: TrainedModel
  /// The target column the model was trained for.
  public var target: String
  /// The label of the positive (bad) class.
  public var positive: String
  /// The label of the negative class.
  public var negative: String

  /// Creates a model file.
  public init(
    model: TrainedModel, target: String, positive: String, negative: String
  ) {
    self.model = model
    self.target = target
    self.positive = positive
    self.negative = negative
  }

  /// Why a model file cannot be read.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with the JSON path.
    public var description: String
  }

  /// The file's JSON text.
  public var text: String { JSONWriter.text(json) }

  /// Writes the file to `path`.
  public func save(to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Reads a model file from `path`, validating it (see the `ModelFile+Validation.swift` checks:
  /// node indices, tree shape, bins, finite numbers, sizes).
  public static func load(path: String) throws(Failure) -> ModelFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(description: "cannot read '\(path)'")
    }
    return try ModelFile(text: String(decoding: data, as: UTF8.self))
  }

  /// Parses model-file text.
  public init(text: String) throws(Failure) {
    let value: JSONValue
    do { value = try JSONParser.parse(text) } catch {
      throw Failure(description: "not JSON: \(error.description)")
    }
    do { try self.init(reading: JSONReading(value)) } catch {
      throw Failure(description: error.description)
    }
  }

  /// Reads a model from its JSON inside another document, whose path `path` prefixes every
  /// message (a decision bundle holds model files).
  ///
  /// - Throws: ``Failure`` naming the JSON path of the first problem.
  package init(json: JSONValue, path: String) throws(Failure) {
    do { try self.init(reading: JSONReading(json, path: path)) } catch {
      throw Failure(description: error.description)
    }
  }

  // MARK: Writing

  /// The file as a JSON value (what ``text`` writes).
  package var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("format", .string("fenqi-model")),
      ("version", .number(Double(Self.version))),
      ("kind", .string(model.kind)),
      (
        "target",
        .object([
          ("column", .string(target)), ("positive", .string(positive)),
          ("negative", .string(negative)),
        ])
      ),
      ("features", Self.schemaJSON(model.schema)),
    ]
    switch model {
    case .gbdt(let m): members.append(("gbdt", Self.gbdtJSON(m)))
    case .logistic(let encoder, let regression):
      members.append(("encoder", Self.encoderJSON(encoder)))
      members.append(("regression", Self.regressionJSON(regression)))
    case .scorecard(let s): members.append(("scorecard", Self.scorecardJSON(s)))
    case .mlp(let n):
      members.append(("encoder", Self.encoderJSON(n.encoder)))
      members.append(
        (
          "layers",
          .array(
            n.layers.map {
              .object([
                ("inputs", .number(Double($0.inputs))),
                ("outputs", .number(Double($0.outputs))),
                ("weights", .numbers($0.weights)),
                ("biases", .numbers($0.biases)),
              ])
            })
        ))
    }
    return .object(members)
  }

  static func schemaJSON(_ schema: FeatureSchema) -> JSONValue {
    .array(
      schema.features.map { f in
        var members: [(key: String, value: JSONValue)] = [
          ("name", .string(f.name))
        ]
        if let levels = f.levels {
          members.append(("levels", .array(levels.map { .string($0) })))
        }
        return .object(members)
      })
  }

  static func gbdtJSON(_ m: GradientBoostedTrees) -> JSONValue {
    .object([
      ("objective", .string(m.objective.rawValue)),
      ("baseScore", .number(m.baseScore)),
      ("monotone", .integers(m.monotone)),
      (
        "bins",
        .array(
          m.mappers.map { mapper in
            switch mapper.rule {
            case .numeric(let bounds):
              return .object([("upperBounds", .numbers(bounds))])
            case .categorical(let binOfLevel):
              return .object([
                ("binOfLevel", .integers(binOfLevel)),
                ("valueBins", .number(Double(mapper.valueBins))),
              ])
            }
          })
      ),
      (
        "trees",
        .array(
          m.trees.map { t in
            .object([
              ("feature", .integers(t.feature)),
              ("thresholdBin", .integers(t.thresholdBin)),
              ("thresholdValue", .numbers(t.thresholdValue)),
              ("defaultLeft", .array(t.defaultLeft.map { .bool($0) })),
              ("categorySet", .integers(t.categorySet)),
              ("left", .integers(t.left)), ("right", .integers(t.right)),
              ("gain", .numbers(t.gain)), ("nodeCount", .numbers(t.nodeCount)),
              ("leafValue", .numbers(t.leafValue)),
              ("leafCount", .numbers(t.leafCount)),
              (
                "categorySets",
                .array(
                  t.categorySets.map { words in
                    // 64-bit words as four 16-bit parts each: JSON numbers are doubles.
                    .integers(
                      words.flatMap { w in
                        (0..<4).map { (w >> (16 * UInt64($0))) & 0xFFFF }
                      })
                  })
              ),
            ])
          })
      ),
    ])
  }

  static func encoderJSON(_ e: DenseEncoder) -> JSONValue {
    .array(
      e.inputs.map { input in
        switch input {
        case .numeric(let mean, let scale, let flags):
          return .object([
            ("mean", .number(mean)), ("scale", .number(scale)),
            ("flagsMissing", .bool(flags)),
          ])
        case .categorical(let kept):
          return .object([("keptLevels", .integers(kept))])
        }
      })
  }

  static func regressionJSON(_ r: LogisticRegression) -> JSONValue {
    .object([
      ("intercept", .number(r.intercept)),
      ("coefficients", .numbers(r.coefficients)),
    ])
  }

  static func scorecardJSON(_ s: Scorecard) -> JSONValue {
    .object([
      ("selected", .integers(s.selected)),
      ("regression", regressionJSON(s.regression)),
      (
        "scaling",
        .object([
          ("baseScore", .number(s.scaling.baseScore)),
          ("baseOdds", .number(s.scaling.baseOdds)),
          ("pointsToDoubleOdds", .number(s.scaling.pointsToDoubleOdds)),
        ])
      ),
      (
        "binnings",
        .array(
          s.binnings.map { b in
            var members: [(key: String, value: JSONValue)] = [
              ("woe", .numbers(b.woe)), ("goods", .numbers(b.goods)),
              ("bads", .numbers(b.bads)),
            ]
            switch b.rule {
            case .numeric(let bounds):
              members.append(("upperBounds", .numbers(bounds)))
            case .categorical(let map):
              members.append(("binOfLevel", .integers(map)))
            }
            return .object(members)
          })
      ),
    ])
  }

  // MARK: Reading

  init(reading r: JSONReading) throws(JSONReading.Failure) {
    guard try r["format"].string == "fenqi-model" else {
      throw try r["format"].fail("\"fenqi-model\"")
    }
    let version = try r["version"].int
    guard version == Self.version else {
      throw JSONReading.Failure(
        description:
          "$.version: this fenqi reads model files of version \(Self.version), found \(version)"
      )
    }
    let t = try r["target"]
    target = try t["column"].string
    positive = try t["positive"].string
    negative = try t["negative"].string
    var features: [FeatureSchema.Feature] = []
    for f in try r["features"].array {
      features.append(
        .init(
          name: try f["name"].string,
          levels: f.has("levels") ? try f["levels"].strings : nil))
    }
    let schema = FeatureSchema(features: features)
    var names = Set<String>()
    for (i, f) in features.enumerated() where !names.insert(f.name).inserted {
      throw JSONReading.Failure(
        description:
          "$.features[\(i)].name: expected a name used once, found '\(f.name)' again"
      )
    }
    switch try r["kind"].string {
    case "gbdt": model = .gbdt(try Self.readGBDT(try r["gbdt"], schema: schema))
    case "logistic":
      let encoder = try Self.readEncoder(try r["encoder"], schema: schema)
      let regression = try Self.readRegression(try r["regression"])
      try Self.checkRegression(
        regression, at: try r["regression"], width: encoder.width)
      model = .logistic(encoder: encoder, regression: regression)
    case "scorecard":
      model = .scorecard(
        try Self.readScorecard(try r["scorecard"], schema: schema))
    case "mlp":
      var layers: [NeuralNetwork.Layer] = []
      for l in try r["layers"].array {
        let layer = NeuralNetwork.Layer(
          inputs: try l["inputs"].int, outputs: try l["outputs"].int,
          weights: try l["weights"].doubles, biases: try l["biases"].doubles)
        guard layer.weights.count == layer.inputs * layer.outputs,
          layer.biases.count == layer.outputs
        else {
          throw l.fail("weights of inputs × outputs and a bias per output")
        }
        layers.append(layer)
      }
      let encoder = try Self.readEncoder(try r["encoder"], schema: schema)
      try Self.checkLayers(
        layers, at: try r["layers"], inputWidth: encoder.width)
      model = .mlp(NeuralNetwork(encoder: encoder, layers: layers))
    default:
      throw try r["kind"].fail(
        "\"gbdt\", \"logistic\", \"scorecard\" or \"mlp\"")
    }
  }

  static func readGBDT(_ r: JSONReading, schema: FeatureSchema)
    throws(JSONReading.Failure) -> GradientBoostedTrees
  {
    guard
      let objective = GBDTParameters.Objective(
        rawValue: try r["objective"].string)
    else { throw try r["objective"].fail("\"binary\" or \"regression\"") }
    var mappers: [BinMapper] = []
    let bins = try r["bins"].array
    guard bins.count == schema.features.count else {
      throw try r["bins"].fail("one entry per feature")
    }
    for (b, feature) in zip(bins, schema.features) {
      let mapper: BinMapper
      if b.has("upperBounds") {
        let bounds = try b["upperBounds"].doubles
        mapper = BinMapper(
          rule: .numeric(upperBounds: bounds), valueBins: bounds.count + 1)
      } else {
        mapper = BinMapper(
          rule: .categorical(binOfLevel: try b["binOfLevel"].int32s),
          valueBins: try b["valueBins"].int)
      }
      try checkMapper(mapper, at: b, feature: feature)
      mappers.append(mapper)
    }
    var trees: [DecisionTree] = []
    for t in try r["trees"].array {
      var tree = DecisionTree()
      tree.feature = try t["feature"].int32s
      tree.thresholdBin = try t["thresholdBin"].ints.map {
        UInt16(clamping: $0)
      }
      tree.thresholdValue = try t["thresholdValue"].doubles
      var defaults: [Bool] = []
      for d in try t["defaultLeft"].array { defaults.append(try d.bool) }
      tree.defaultLeft = defaults
      tree.categorySet = try t["categorySet"].int32s
      tree.left = try t["left"].int32s
      tree.right = try t["right"].int32s
      tree.gain = try t["gain"].doubles
      tree.nodeCount = try t["nodeCount"].doubles
      tree.leafValue = try t["leafValue"].doubles
      tree.leafCount = try t["leafCount"].doubles
      var sets: [[UInt64]] = []
      for s in try t["categorySets"].array {
        let parts = try s.ints
        guard parts.count == 16 else { throw s.fail("16 sixteen-bit parts") }
        if let i = parts.firstIndex(where: { !(0...0xFFFF).contains($0) }) {
          throw try s.array[i].fail("a sixteen-bit part in 0…65535")
        }
        sets.append(
          (0..<4).map { w in
            (0..<4).reduce(UInt64(0)) {
              $0 | UInt64(parts[4 * w + $1]) << (16 * UInt64($1))
            }
          })
      }
      tree.categorySets = sets
      let nodes = tree.feature.count
      guard
        [
          tree.thresholdBin.count, tree.thresholdValue.count,
          tree.defaultLeft.count,
          tree.categorySet.count, tree.left.count, tree.right.count,
          tree.gain.count,
          tree.nodeCount.count,
        ].allSatisfy({ $0 == nodes }), tree.leafValue.count == nodes + 1,
        tree.leafCount.count == nodes + 1
      else {
        throw t.fail(
          "one entry per node in every node array and nodes + 1 leaf values and counts"
        )
      }
      if let j = tree.feature.firstIndex(where: {
        $0 < 0 || Int($0) >= mappers.count
      }) {
        throw try t["feature"].array[j].fail(
          "a feature index in 0…\(mappers.count - 1)")
      }
      if let j = tree.categorySet.firstIndex(where: {
        $0 < -1 || $0 >= sets.count
      }) {
        throw try t["categorySet"].array[j].fail(
          "−1 or a category set in 0…\(sets.count - 1)")
      }
      try checkTree(tree, at: t, mappers: mappers)
      trees.append(tree)
    }
    let baseScore = try r["baseScore"].double
    try requireFinite(baseScore, at: try r["baseScore"])
    let monotone = try r["monotone"].ints
    guard monotone.count == mappers.count,
      monotone.allSatisfy({ (-1...1).contains($0) })
    else {
      throw try r["monotone"].fail("one of −1, 0 or +1 per feature")
    }
    return GradientBoostedTrees(
      schema: schema, mappers: mappers, objective: objective,
      baseScore: baseScore, trees: trees, monotone: monotone)
  }

  static func readEncoder(_ r: JSONReading, schema: FeatureSchema)
    throws(JSONReading.Failure) -> DenseEncoder
  {
    var inputs: [DenseEncoder.Input] = []
    for e in try r.array {
      if e.has("keptLevels") {
        inputs.append(.categorical(keptLevels: try e["keptLevels"].ints))
      } else {
        inputs.append(
          .numeric(
            mean: try e["mean"].double, scale: try e["scale"].double,
            flagsMissing: try e["flagsMissing"].bool))
      }
    }
    guard inputs.count == schema.features.count else {
      throw r.fail("one entry per feature")
    }
    let encoder = DenseEncoder(schema: schema, inputs: inputs)
    try checkEncoder(encoder, at: r)
    return encoder
  }

  static func readRegression(_ r: JSONReading) throws(JSONReading.Failure)
    -> LogisticRegression
  {
    LogisticRegression(
      intercept: try r["intercept"].double,
      coefficients: try r["coefficients"].doubles)
  }

  static func readScorecard(_ r: JSONReading, schema: FeatureSchema)
    throws(JSONReading.Failure) -> Scorecard
  {
    var scaling = Scorecard.Scaling()
    let s = try r["scaling"]
    scaling.baseScore = try s["baseScore"].double
    scaling.baseOdds = try s["baseOdds"].double
    scaling.pointsToDoubleOdds = try s["pointsToDoubleOdds"].double
    var binnings: [WOEBinning] = []
    for b in try r["binnings"].array {
      let rule: WOEBinning.Rule =
        b.has("upperBounds")
        ? .numeric(upperBounds: try b["upperBounds"].doubles)
        : .categorical(binOfLevel: try b["binOfLevel"].ints)
      binnings.append(
        WOEBinning(
          rule: rule, woe: try b["woe"].doubles, goods: try b["goods"].doubles,
          bads: try b["bads"].doubles))
    }
    let selected = try r["selected"].ints
    let regression = try readRegression(try r["regression"])
    guard selected.count == binnings.count,
      regression.coefficients.count == selected.count,
      selected.allSatisfy({ $0 >= 0 && $0 < schema.features.count })
    else { throw r.fail("one binning and coefficient per selected feature") }
    let card = Scorecard(
      schema: schema, selected: selected, binnings: binnings,
      regression: regression, scaling: scaling)
    try checkScorecard(card, at: r)
    return card
  }
}
