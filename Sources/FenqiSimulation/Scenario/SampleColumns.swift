import FenqiCore
import FenqiModels
import FenqiPopulation

/// The columns of a `population.fromSample` file as the decoder checks them: which exist, how
/// the synthesizer models them, and whether an attribute can take their values.
///
/// Every check passes when the file could not be read (that problem is reported once, at
/// `file`).
struct SampleColumns {
  /// The sample, when it was read.
  var table: FeatureTable?
  /// Each column's model (``SynthesisColumn/classify(_:)``).
  var kinds: [SynthesisColumn]?

  /// The index of column `name`.
  func index(_ name: String) -> Int? { table?.names.firstIndex(of: name) }

  /// The problem with naming column `name`: nil when it exists or the file is unread.
  func unknownColumn(_ name: String) -> String? {
    guard let table, index(name) == nil else { return nil }
    var message = "the sample has no column \(JSONWriter.quoted(name))"
    if let hint = Suggestion.nearest(to: name, among: table.names) {
      message += "; did you mean \(JSONWriter.quoted(hint))?"
    }
    return message + " (columns: \(table.names.joined(separator: ", ")))"
  }

  /// Whether a column has missing values.
  func hasMissing(_ column: FeatureColumn) -> Bool {
    switch column {
    case .numeric(let v): return v.contains(where: \.isNaN)
    case .categorical(let codes, _):
      return codes.contains(FeatureColumn.missingCode)
    }
  }

  /// Whether column `j` holds numbers (many, or a few modelled as categories).
  func holdsNumbers(_ j: Int) -> Bool {
    switch kinds?[j].kind {
    case .numeric, .categorical(_, _?): return true
    default: return false
    }
  }

  /// The problem with giving `attribute` the values of column `name`, or nil.
  func problem(mapping attribute: CustomerAttribute, to name: String) -> String?
  {
    if let problem = unknownColumn(name) { return problem }
    guard let j = index(name), let kind = kinds?[j].kind else { return nil }
    let quoted = JSONWriter.quoted(name)
    let categories = attribute.categoryNames
    switch (kind, attribute.isCategorical) {
    case (.numeric, false), (.categorical(_, _?), false):
      return nil
    case (.numeric, true):
      return
        "expected a column of categories for \(attribute.name) (\(categories.joined(separator: ", ")), or their indices 0–\(categories.count - 1)), found numeric column \(quoted) with more than \(SynthesisColumn.maxCategoricalNumbers) distinct values"
    case (.categorical(let levels, nil), false):
      return
        "expected a numeric column for \(attribute.name), found column \(quoted) of categories (such as \(JSONWriter.quoted(levels.first ?? "")))"
    case (.categorical(let levels, let numbers), true):
      let unknown = levels.indices.filter {
        levelValue(attribute, levels[$0], numbers?[$0]) == nil
      }
      guard !unknown.isEmpty else { return nil }
      return
        "expected categories of \(attribute.name) (\(categories.joined(separator: ", ")), or their indices 0–\(categories.count - 1)), found \(unknown.map { JSONWriter.quoted(levels[$0]) }.joined(separator: ", ")) in column \(quoted)"
    }
  }

  /// The attribute value of each level of column `j` (a category index, or the level's number);
  /// nil for a numeric column.
  func levelValues(_ attribute: CustomerAttribute, column j: Int) -> [Double]? {
    guard case .categorical(let levels, let numbers) = kinds?[j].kind else {
      return nil
    }
    return levels.indices.map {
      levelValue(attribute, levels[$0], numbers?[$0]) ?? 0
    }
  }

  /// A level's value for `attribute`: its number for a numeric attribute; for a categorical
  /// one the index of the category it names, or its number when that is a valid index.
  private func levelValue(
    _ attribute: CustomerAttribute, _ level: String, _ number: Double?
  ) -> Double? {
    guard attribute.isCategorical else { return number }
    if let k = attribute.categoryNames.firstIndex(of: level) {
      return Double(k)
    }
    guard let number, number == number.rounded(), number >= 0,
      number < Double(attribute.categoryNames.count)
    else { return nil }
    return number
  }
}
