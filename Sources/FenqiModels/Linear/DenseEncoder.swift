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
  ///
  /// Numbers too large to sum (values near 10^308) are standardised safely, by scaling with
  /// the column's largest magnitude first; the encoding is the same as the plain one whenever
  /// the plain sums are finite.
  ///
  /// - Throws: ``TrainingFailure`` naming a numeric column whose standardised values would not
  ///   be finite (values of both signs near the largest double: their differences overflow).
  public init(fitting table: FeatureTable) throws(TrainingFailure) {
    schema = table.schema
    var inputs: [Input] = []
    for (name, column) in zip(table.names, table.columns) {
      switch column {
      case .numeric(let values):
        let (mean, sd, count) = Self.moments(values)
        let scale = sd > 0 ? sd : 1
        for v in values where !v.isNaN && !((v - mean) / scale).isFinite {
          throw TrainingFailure(
            "column '\(name)': its values (up to \(Self.largest(values))) are too large to standardise — (value − mean) / standard deviation overflows a double; rescale the column (e.g. to thousands) or drop it"
          )
        }
        inputs.append(
          .numeric(
            mean: mean, scale: scale,
            flagsMissing: count < Double(values.count)))
      case .categorical(let codes, let levels):
        var counts = [Int](repeating: 0, count: levels.count)
        for c in codes where c >= 0 { counts[Int(c)] += 1 }
        let kept = levels.indices.filter { counts[$0] >= Self.minLevelCount }
          .sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
          }
          .dropFirst()
          .prefix(Self.maxLevels)
        inputs.append(.categorical(keptLevels: Array(kept).sorted()))
      }
    }
    self.inputs = inputs
  }

  /// The mean, standard deviation (n − 1) and count of the non-missing values; when the plain
  /// sums overflow, the same computed on values divided by the largest magnitude.
  static func moments(_ values: [Double]) -> (
    mean: Double, sd: Double, count: Double
  ) {
    func plain(_ factor: Double) -> (Double, Double, Double) {
      var sum = 0.0
      var count = 0.0
      for v in values where !v.isNaN {
        sum += v / factor
        count += 1
      }
      let mean = count > 0 ? sum / count : 0
      var squares = 0.0
      for v in values where !v.isNaN {
        squares += (v / factor - mean) * (v / factor - mean)
      }
      let sd = count > 1 ? (squares / (count - 1)).squareRoot() : 0
      return (mean, sd, count)
    }
    let (mean, sd, count) = plain(1)
    if mean.isFinite && sd.isFinite { return (mean, sd, count) }
    let largest = Self.largest(values)
    let (m, d, _) = plain(largest)
    return (m * largest, d * largest, count)
  }

  /// The largest magnitude of the non-missing values (1 when there is none or it is 0).
  static func largest(_ values: [Double]) -> Double {
    var m = 0.0
    for v in values where !v.isNaN { m = Swift.max(m, abs(v)) }
    return m > 0 ? m : 1
  }

  /// The input column behind the first encoded value that is not finite, or nil when every
  /// value is finite — a value far outside the training range can overflow its standardisation.
  public func nonFiniteInput(in encoded: [Double]) -> String? {
    let width = self.width
    guard width > 0,
      let i = encoded.firstIndex(where: { !$0.isFinite })
    else { return nil }
    let name = outputNames[i % width]
    return name.hasSuffix("=missing") ? String(name.dropLast(8)) : name
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
