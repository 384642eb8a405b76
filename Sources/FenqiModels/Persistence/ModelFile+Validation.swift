import FenqiCore

/// Checks of a model file's parts as they are read, each failing with the JSON path of the
/// value and what was expected.
///
/// A tampered or hand-edited file used to load and then trap or spin at scoring time: a tree
/// whose child points back to its own node made `predict` loop forever. Now every node index is
/// in range, children come after their parent (so no path can cycle) and each node and leaf has
/// exactly one parent, bins fit in a byte and are ascending, every number a model computes with
/// is finite, and the parts agree in size with the schema and with each other.
extension ModelFile {
  /// The largest bin index a feature may use: bins are stored in one byte, the missing bin last.
  static let maxBin = 254

  /// Fails unless every value is finite.
  static func requireFinite(_ values: [Double], at r: JSONReading)
    throws(JSONReading.Failure)
  {
    if let i = values.firstIndex(where: { !$0.isFinite }) {
      throw JSONReading.Failure(
        description:
          "\(r.path)[\(i)]: expected a finite number, found \(values[i].isNaN ? "null" : "\(values[i])")"
      )
    }
  }

  /// Fails unless one value is finite (and, with `positive`, > 0).
  static func requireFinite(
    _ value: Double, at r: JSONReading, positive: Bool = false
  ) throws(JSONReading.Failure) {
    guard value.isFinite, !positive || value > 0 else {
      throw r.fail(positive ? "a finite number > 0" : "a finite number")
    }
  }

  /// Fails unless `values` ascend and are finite.
  static func requireAscending(_ values: [Double], at r: JSONReading)
    throws(JSONReading.Failure)
  {
    try requireFinite(values, at: r)
    for i in values.indices.dropFirst() where values[i] < values[i - 1] {
      throw JSONReading.Failure(
        description:
          "\(r.path)[\(i)]: expected bounds in ascending order, found \(values[i]) after \(values[i - 1])"
      )
    }
  }

  /// One tree: indices in range, children after their parent, one parent each, finite values.
  static func checkTree(
    _ tree: DecisionTree, at t: JSONReading, mappers: [BinMapper]
  ) throws(JSONReading.Failure) {
    let nodes = tree.feature.count
    var nodeParents = [Int](repeating: 0, count: nodes)
    var leafParents = [Int](repeating: 0, count: nodes + 1)
    for j in 0..<nodes {
      for (side, child) in [("left", tree.left[j]), ("right", tree.right[j])] {
        let c = Int(child)
        if c >= 0 {
          guard c > j, c < nodes else {
            let later =
              j + 1 < nodes ? "a node in \(j + 1)…\(nodes - 1) or " : ""
            throw JSONReading.Failure(
              description:
                "\(t.path).\(side)[\(j)]: expected \(later)a leaf −1…−\(nodes + 1) (children come after their parent, so no path can loop), found \(c)"
            )
          }
          nodeParents[c] += 1
        } else {
          guard ~c <= nodes else {
            throw JSONReading.Failure(
              description:
                "\(t.path).\(side)[\(j)]: expected a leaf −1…−\(nodes + 1) (leaf k is −k−1), found \(c)"
            )
          }
          leafParents[~c] += 1
        }
      }
    }
    if nodes > 0 {
      if let j = nodeParents.indices.dropFirst().first(where: {
        nodeParents[$0] != 1
      }) {
        throw JSONReading.Failure(
          description:
            "\(t.path): expected node \(j) to have one parent, found \(nodeParents[j])"
        )
      }
      if let k = leafParents.indices.first(where: { leafParents[$0] != 1 }) {
        throw JSONReading.Failure(
          description:
            "\(t.path): expected leaf \(k) to have one parent, found \(leafParents[k])"
        )
      }
    }
    try requireFinite(tree.leafValue, at: try t["leafValue"])
    try requireFinite(tree.leafCount, at: try t["leafCount"])
    try requireFinite(tree.nodeCount, at: try t["nodeCount"])
    try requireFinite(tree.gain, at: try t["gain"])
  }

  /// One bin mapper against its feature's kind.
  static func checkMapper(
    _ mapper: BinMapper, at b: JSONReading, feature: FeatureSchema.Feature
  ) throws(JSONReading.Failure) {
    switch mapper.rule {
    case .numeric(let bounds):
      guard feature.levels == nil else {
        throw b.fail(
          "categorical bins (binOfLevel) for the category '\(feature.name)'")
      }
      guard bounds.count <= maxBin - 1 else {
        throw try b["upperBounds"].fail("at most \(maxBin - 1) bounds")
      }
      try requireAscending(bounds, at: try b["upperBounds"])
    case .categorical(let binOfLevel):
      guard feature.levels != nil else {
        throw b.fail(
          "numeric bins (upperBounds) for the number '\(feature.name)'")
      }
      guard mapper.valueBins >= 1, mapper.valueBins <= maxBin else {
        throw try b["valueBins"].fail("an integer in 1…\(maxBin)")
      }
      if let i = binOfLevel.firstIndex(where: {
        $0 < -1 || Int($0) >= mapper.valueBins
      }) {
        throw JSONReading.Failure(
          description:
            "\(b.path).binOfLevel[\(i)]: expected a bin in −1…\(mapper.valueBins - 1), found \(binOfLevel[i])"
        )
      }
    }
  }

  /// A dense encoder against the schema.
  static func checkEncoder(_ e: DenseEncoder, at r: JSONReading)
    throws(JSONReading.Failure)
  {
    let entries = try r.array
    for (k, (feature, input)) in zip(e.schema.features, e.inputs).enumerated() {
      let entry = entries[k]
      switch input {
      case .numeric(let mean, let scale, _):
        guard feature.levels == nil else {
          throw entry.fail("keptLevels for the category '\(feature.name)'")
        }
        try requireFinite(mean, at: try entry["mean"])
        try requireFinite(scale, at: try entry["scale"], positive: true)
      case .categorical(let kept):
        guard let levels = feature.levels else {
          throw entry.fail("mean and scale for the number '\(feature.name)'")
        }
        for (i, level) in kept.enumerated()
        where level < 0 || level >= levels.count
          || (i > 0 && level <= kept[i - 1])
        {
          throw JSONReading.Failure(
            description:
              "\(entry.path).keptLevels[\(i)]: expected ascending level indices in 0…\(levels.count - 1), found \(level)"
          )
        }
      }
    }
  }

  /// A regression's numbers, and its width when one is expected.
  static func checkRegression(
    _ regression: LogisticRegression, at r: JSONReading, width: Int?
  ) throws(JSONReading.Failure) {
    try requireFinite(regression.intercept, at: try r["intercept"])
    try requireFinite(regression.coefficients, at: try r["coefficients"])
    if let width, regression.coefficients.count != width {
      throw try r["coefficients"].fail(
        "\(width) coefficients, one per encoded column")
    }
  }

  /// A network's layers chain from the encoder's width to one output.
  static func checkLayers(
    _ layers: [NeuralNetwork.Layer], at r: JSONReading, inputWidth: Int
  ) throws(JSONReading.Failure) {
    guard !layers.isEmpty else { throw r.fail("at least one layer") }
    let entries = try r.array
    var width = inputWidth
    for (l, layer) in layers.enumerated() {
      guard layer.inputs == width else {
        throw try entries[l]["inputs"].fail(
          l == 0
            ? "\(width), the encoder's width"
            : "\(width), the previous layer's outputs")
      }
      guard layer.outputs >= 1, l < layers.count - 1 || layer.outputs == 1
      else {
        throw try entries[l]["outputs"].fail(
          l == layers.count - 1 ? "1 (the margin)" : "at least 1")
      }
      try requireFinite(layer.weights, at: try entries[l]["weights"])
      try requireFinite(layer.biases, at: try entries[l]["biases"])
      width = layer.outputs
    }
  }

  /// A scorecard's scaling, binnings and regression.
  static func checkScorecard(_ s: Scorecard, at r: JSONReading)
    throws(JSONReading.Failure)
  {
    let scaling = try r["scaling"]
    try requireFinite(s.scaling.baseScore, at: try scaling["baseScore"])
    try requireFinite(
      s.scaling.baseOdds, at: try scaling["baseOdds"], positive: true)
    try requireFinite(
      s.scaling.pointsToDoubleOdds, at: try scaling["pointsToDoubleOdds"],
      positive: true)
    try checkRegression(s.regression, at: try r["regression"], width: nil)
    let entries = try r["binnings"].array
    for (j, binning) in s.binnings.enumerated() {
      let b = entries[j]
      let feature = s.schema.features[s.selected[j]]
      guard binning.goods.count == binning.woe.count,
        binning.bads.count == binning.woe.count, binning.woe.count >= 2
      else { throw b.fail("woe, goods and bads of one length ≥ 2") }
      try requireFinite(binning.woe, at: try b["woe"])
      switch binning.rule {
      case .numeric(let bounds):
        guard feature.levels == nil else {
          throw b.fail("binOfLevel for the category '\(feature.name)'")
        }
        try requireAscending(bounds, at: try b["upperBounds"])
        guard binning.woe.count == bounds.count + 2 else {
          throw try b["woe"].fail(
            "\(bounds.count + 2) values: one per bound, one above them and one for missing"
          )
        }
      case .categorical(let map):
        guard feature.levels != nil else {
          throw b.fail("upperBounds for the number '\(feature.name)'")
        }
        if let i = map.firstIndex(where: { $0 < -1 || $0 >= binning.valueBins })
        {
          throw JSONReading.Failure(
            description:
              "\(b.path).binOfLevel[\(i)]: expected a bin in −1…\(binning.valueBins - 1), found \(map[i])"
          )
        }
      }
    }
  }
}
