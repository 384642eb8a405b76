import FenqiCore

/// A scenario field a calibration sets for measuring only: a dotted path (as a sweep's grid
/// takes) and its JSON value.
public struct ScenarioOverride: Sendable, Equatable {
  /// The dotted path (`periods`, `population.size`).
  public var path: String
  /// The value written there.
  public var value: JSONValue

  /// Creates an override.
  public init(path: String, value: JSONValue) {
    self.path = path
    self.value = value
  }
}
