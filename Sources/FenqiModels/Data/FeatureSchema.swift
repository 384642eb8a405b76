/// The inputs a model was trained on: each feature's name and, for categories, its levels.
public struct FeatureSchema: Sendable, Equatable {
  /// One input.
  public struct Feature: Sendable, Equatable {
    /// The column name.
    public var name: String
    /// The category levels seen in training, or nil for a numeric feature.
    public var levels: [String]?

    /// Creates a feature description.
    public init(name: String, levels: [String]?) {
      self.name = name
      self.levels = levels
    }
  }

  /// The inputs in model order.
  public var features: [Feature]

  /// Creates a schema.
  public init(features: [Feature]) { self.features = features }

  /// The feature names in model order.
  public var names: [String] { features.map(\.name) }

  /// Why a table cannot be scored with this schema.
  public struct Mismatch: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the column.
    public var description: String
  }

  /// Lines `table` up with this schema: columns by name, categories by level text.
  ///
  /// A category not seen in training becomes ``FeatureColumn/unseenCode``, which every model
  /// treats like a missing value. A numeric column that arrives as text whose every cell is
  /// blank is taken as all-missing.
  /// - Throws: ``Mismatch`` when a column is absent or has the wrong kind.
  public func align(_ table: FeatureTable) throws(Mismatch) -> [FeatureColumn] {
    var out: [FeatureColumn] = []
    for feature in features {
      guard let column = table.column(named: feature.name) else {
        throw Mismatch(
          description:
            "the data has no column '\(feature.name)', which the model needs"
        )
      }
      switch (feature.levels, column) {
      case (nil, .numeric): out.append(column)
      case (nil, .categorical(let codes, _)):
        guard codes.allSatisfy({ $0 == FeatureColumn.missingCode }) else {
          throw Mismatch(
            description:
              "column '\(feature.name)' holds text, but the model was trained on numbers there"
          )
        }
        out.append(.numeric([Double](repeating: .nan, count: codes.count)))
      case (let levels?, .categorical(let codes, let tableLevels)):
        var index: [String: Int32] = [:]
        for (i, l) in levels.enumerated() { index[l] = Int32(i) }
        let map = tableLevels.map { index[$0] ?? FeatureColumn.unseenCode }
        out.append(
          .categorical(
            codes: codes.map { $0 < 0 ? $0 : map[Int($0)] }, levels: levels))
      case (let levels?, .numeric(let values)):
        // Numbers in a column trained as categories: match their text form.
        var index: [String: Int32] = [:]
        for (i, l) in levels.enumerated() { index[l] = Int32(i) }
        let codes = values.map { v -> Int32 in
          if v.isNaN { return FeatureColumn.missingCode }
          let text =
            v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
          return index[text] ?? FeatureColumn.unseenCode
        }
        out.append(.categorical(codes: codes, levels: levels))
      }
    }
    return out
  }
}

extension FeatureColumn {
  /// The code of a category not seen in training (treated as missing).
  public static let unseenCode: Int32 = -2
}
