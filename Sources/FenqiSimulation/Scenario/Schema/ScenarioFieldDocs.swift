import FenqiCore

/// The words of every scenario field, by path pattern.
enum ScenarioFieldDocs {
  /// Every field's documentation.
  static let all: [String: FieldDoc] = [:]
}
