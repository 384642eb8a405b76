/// A constraint on a JSON number together with the words that describe it in error messages.
public struct NumberRule: Sendable {
  /// Whether a value is acceptable.
  public let accepts: @Sendable (Double) -> Bool
  /// How the expectation reads after "expected", for example "a fraction in [0, 1]".
  public let expectation: String

  /// Creates a rule.
  public init(
    _ expectation: String, accepts: @escaping @Sendable (Double) -> Bool
  ) {
    self.expectation = expectation
    self.accepts = accepts
  }

  /// Any finite number.
  public static let any = NumberRule("a number") { $0.isFinite }
  /// A fraction (probability, rate, share) in [0, 1].
  public static let fraction = NumberRule("a fraction in [0, 1]") {
    $0 >= 0 && $0 <= 1
  }
  /// A number > 0.
  public static let positive = NumberRule("a number > 0") { $0 > 0 }
  /// A number ≥ 0.
  public static let nonNegative = NumberRule("a number ≥ 0") { $0 >= 0 }

  /// A number in the closed range [lower, upper].
  public static func within(_ lower: Double, _ upper: Double) -> NumberRule {
    NumberRule(
      "a number in [\(JSONWriter.format(lower)), \(JSONWriter.format(upper))]"
    ) {
      $0 >= lower && $0 <= upper
    }
  }

  /// A number in the open range (lower, upper).
  public static func between(_ lower: Double, _ upper: Double) -> NumberRule {
    NumberRule(
      "a number in (\(JSONWriter.format(lower)), \(JSONWriter.format(upper)))"
    ) {
      $0 > lower && $0 < upper
    }
  }

  /// An integer ≥ `minimum`.
  public static func integer(atLeast minimum: Int) -> NumberRule {
    NumberRule("an integer ≥ \(minimum)") {
      $0 == $0.rounded() && $0 >= Double(minimum) && $0 < 9e15
    }
  }

  /// An integer in [lower, upper].
  public static func integer(in lower: Int, _ upper: Int) -> NumberRule {
    NumberRule("an integer in [\(lower), \(upper)]") {
      $0 == $0.rounded() && $0 >= Double(lower) && $0 <= Double(upper)
    }
  }

  /// One of a fixed set of integers.
  public static func integer(oneOf allowed: [Int]) -> NumberRule {
    let list = allowed.map(String.init).joined(separator: ", ")
    return NumberRule("one of \(list)") { x in
      allowed.contains { Double($0) == x }
    }
  }
}
