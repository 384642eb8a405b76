/// Turns a table into dense numeric rows for the logistic regression and the neural network.
///
/// The encoding (fitted on training data, then frozen):
/// - a numeric column is standardised, (x − mean) / standard deviation; a missing value becomes 0
///   (the mean), and if the training data had missing values an extra 0/1 column
///   `name=missing` flags them;
/// - a categorical column is one-hot encoded over its frequent levels (up to ``maxLevels``,
///   each seen at least ``minLevelCount`` times) except the most frequent one, which is the
///   reference level: it, rare, unseen and missing categories are all zeros. Dropping the
///   reference keeps the columns from summing to the intercept.
public struct DenseEncoder: Sendable, Equatable {
  /// How one input column is encoded.
  public enum Input: Sendable, Equatable {
    /// Standardised number, with a missing-flag column when `flagsMissing`.
    case numeric(mean: Double, scale: Double, flagsMissing: Bool)
    /// One column per kept level (indices into the schema's levels).
    case categorical(keptLevels: [Int])
  }

  /// Most one-hot columns per categorical input.
  public static let maxLevels = 50
  /// Fewest training rows a level needs for its own column.
  public static let minLevelCount = 5

  /// The inputs.
  public var schema: FeatureSchema
  /// The encoding of each input, parallel to the schema.
  public var inputs: [Input]

  /// Creates an encoder from its parts (as stored in a model file).
  public init(schema: FeatureSchema, inputs: [Input]) {
    self.schema = schema
    self.inputs = inputs
  }

  /// Fits the encoding to `table`.
  public init(fitting table: FeatureTable) {
    schema = table.schema
    inputs = table.columns.map { column in
      switch column {
      case .numeric(let values):
        var sum = 0.0
        var count = 0.0
        for v in values where !v.isNaN {
          sum += v
          count += 1
        }
        let mean = count > 0 ? sum / count : 0
        var squares = 0.0
        for v in values where !v.isNaN { squares += (v - mean) * (v - mean) }
        let sd = count > 1 ? (squares / (count - 1)).squareRoot() : 0
        return .numeric(
          mean: mean, scale: sd > 0 ? sd : 1,
          flagsMissing: count < Double(values.count))
      case .categorical(let codes, let levels):
        var counts = [Int](repeating: 0, count: levels.count)
        for c in codes where c >= 0 { counts[Int(c)] += 1 }
        let kept = levels.indices.filter { counts[$0] >= Self.minLevelCount }
          .sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
          }
          .dropFirst()
          .prefix(Self.maxLevels)
        return .categorical(keptLevels: Array(kept).sorted())
      }
    }
  }

  /// The names of the encoded columns.
  public var outputNames: [String] {
    var names: [String] = []
    for (feature, input) in zip(schema.features, inputs) {
      switch input {
      case .numeric(_, _, let flags):
        names.append(feature.name)
        if flags { names.append(feature.name + "=missing") }
      case .categorical(let kept):
        let levels = feature.levels ?? []
        for k in kept { names.append(feature.name + "=" + levels[k]) }
      }
    }
    return names
  }

  /// The number of encoded columns.
  public var width: Int { outputNames.count }

  /// Encodes `table` into row-major values, `width` per row.
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func encode(_ table: FeatureTable) throws(FeatureSchema.Mismatch)
    -> [Double]
  {
    let columns = try schema.align(table)
    let width = self.width
    var out = [Double](repeating: 0, count: table.rowCount * width)
    var offset = 0
    for (column, input) in zip(columns, inputs) {
      switch (column, input) {
      case (.numeric(let values), .numeric(let mean, let scale, let flags)):
        for r in 0..<table.rowCount {
          let v = values[r]
          if v.isNaN {
            if flags { out[r * width + offset + 1] = 1 }
          } else {
            out[r * width + offset] = (v - mean) / scale
          }
        }
        offset += flags ? 2 : 1
      case (.categorical(let codes, _), .categorical(let kept)):
        var position: [Int: Int] = [:]
        for (i, k) in kept.enumerated() { position[k] = i }
        for r in 0..<table.rowCount where codes[r] >= 0 {
          if let p = position[Int(codes[r])] { out[r * width + offset + p] = 1 }
        }
        offset += kept.count
      default:
        break
      }
    }
    return out
  }
}
