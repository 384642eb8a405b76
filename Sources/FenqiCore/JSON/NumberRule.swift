/// A constraint on a JSON number together with the words that describe it in error messages.
public struct NumberRule: Sendable {
  /// Whether a value is acceptable.
  public let accepts: @Sendable (Double) -> Bool
  /// How the expectation reads after "expected", for example "a fraction in [0, 1]".
  public let expectation: String
  /// The same constraint as data, for a JSON Schema; nil when it cannot be said as bounds.
  public let bounds: NumberBounds?

  /// Creates a rule; `bounds` states the constraint as data when it can be (see ``NumberBounds``).
  public init(
    _ expectation: String, bounds: NumberBounds? = nil,
    accepts: @escaping @Sendable (Double) -> Bool
  ) {
    self.expectation = expectation
    self.bounds = bounds
    self.accepts = accepts
  }

  /// Any finite number.
  public static let any = NumberRule("a number", bounds: NumberBounds()) {
    $0.isFinite
  }
  /// A fraction (probability, rate, share) in [0, 1].
  public static let fraction = NumberRule(
    "a fraction in [0, 1]", bounds: NumberBounds(minimum: 0, maximum: 1)
  ) {
    $0 >= 0 && $0 <= 1
  }
  /// A number > 0.
  public static let positive = NumberRule(
    "a number > 0", bounds: NumberBounds(exclusiveMinimum: 0)
  ) { $0 > 0 }
  /// A number ≥ 0.
  public static let nonNegative = NumberRule(
    "a number ≥ 0", bounds: NumberBounds(minimum: 0)
  ) { $0 >= 0 }

  /// A number in the closed range [lower, upper].
  public static func within(_ lower: Double, _ upper: Double) -> NumberRule {
    NumberRule(
      "a number in [\(JSONWriter.format(lower)), \(JSONWriter.format(upper))]",
      bounds: NumberBounds(minimum: lower, maximum: upper)
    ) {
      $0 >= lower && $0 <= upper
    }
  }

  /// A number in the open range (lower, upper).
  public static func between(_ lower: Double, _ upper: Double) -> NumberRule {
    NumberRule(
      "a number in (\(JSONWriter.format(lower)), \(JSONWriter.format(upper)))",
      bounds: NumberBounds(exclusiveMinimum: lower, exclusiveMaximum: upper)
    ) {
      $0 > lower && $0 < upper
    }
  }

  /// An integer ≥ `minimum`.
  public static func integer(atLeast minimum: Int) -> NumberRule {
    NumberRule(
      "an integer ≥ \(minimum)",
      bounds: NumberBounds(minimum: Double(minimum), integer: true)
    ) {
      $0 == $0.rounded() && $0 >= Double(minimum) && $0 < 9e15
    }
  }

  /// An integer in [lower, upper].
  public static func integer(in lower: Int, _ upper: Int) -> NumberRule {
    NumberRule(
      "an integer in [\(lower), \(upper)]",
      bounds: NumberBounds(
        minimum: Double(lower), maximum: Double(upper), integer: true)
    ) {
      $0 == $0.rounded() && $0 >= Double(lower) && $0 <= Double(upper)
    }
  }

  /// One of a fixed set of integers.
  public static func integer(oneOf allowed: [Int]) -> NumberRule {
    let list = allowed.map(String.init).joined(separator: ", ")
    return NumberRule(
      "one of \(list)",
      bounds: NumberBounds(integer: true, allowed: allowed.map(Double.init))
    ) { x in
      allowed.contains { Double($0) == x }
    }
  }
}

/// A number constraint as data: the keywords of a JSON Schema number.
public struct NumberBounds: Sendable, Equatable {
  /// Smallest value allowed (inclusive).
  public var minimum: Double?
  /// Largest value allowed (inclusive).
  public var maximum: Double?
  /// Values must be greater than this.
  public var exclusiveMinimum: Double?
  /// Values must be less than this.
  public var exclusiveMaximum: Double?
  /// Whether only integers are allowed.
  public var integer: Bool
  /// The only values allowed, when the rule lists them.
  public var allowed: [Double]?

  /// Creates bounds; every constraint is optional.
  public init(
    minimum: Double? = nil, maximum: Double? = nil,
    exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil,
    integer: Bool = false, allowed: [Double]? = nil
  ) {
    self.minimum = minimum
    self.maximum = maximum
    self.exclusiveMinimum = exclusiveMinimum
    self.exclusiveMaximum = exclusiveMaximum
    self.integer = integer
    self.allowed = allowed
  }
}
