/// One thing wrong with a search space's dimensions, as data; ``description`` gives its text.
public enum SearchSpaceProblem: Sendable, Equatable, CustomStringConvertible {
  /// The space has no dimensions.
  case noDimensions
  /// Two dimensions share a name (the later one's index).
  case duplicateName(String, index: Int)
  /// A bound is NaN or infinite.
  case nonFiniteBound(dimension: String, lower: Double, upper: Double)
  /// The range is empty: lower ≥ upper.
  case emptyRange(dimension: String, lower: Double, upper: Double)
  /// A log scale needs lower > 0.
  case logScaleNeedsPositiveLower(dimension: String, lower: Double)
  /// An integer dimension's bound is not a whole number.
  case integerBoundNotWhole(dimension: String, bound: Double)

  /// `name: expected …, found …`, in the style of a scenario's problems.
  public var description: String {
    switch self {
    case .noDimensions:
      return "dimensions: expected at least one dimension, found none"
    case .duplicateName(let name, let index):
      return
        "dimensions[\(index)]: expected a unique name, found \"\(name)\" again"
    case .nonFiniteBound(let name, let lower, let upper):
      return "\(name): expected finite bounds, found [\(lower), \(upper)]"
    case .emptyRange(let name, let lower, let upper):
      return
        "\(name): expected lower < upper, found lower \(lower), upper \(upper)"
    case .logScaleNeedsPositiveLower(let name, let lower):
      return "\(name): expected lower > 0 on a log scale, found \(lower)"
    case .integerBoundNotWhole(let name, let bound):
      return
        "\(name): expected whole-number bounds for an integer, found \(bound)"
    }
  }
}

/// Why a search space could not be made: every problem its dimensions have, in their order.
public struct SearchSpaceError: Error, Sendable, Equatable,
  CustomStringConvertible
{
  /// The problems, dimension by dimension.
  public var problems: [SearchSpaceProblem]

  /// Creates the error.
  public init(problems: [SearchSpaceProblem]) { self.problems = problems }

  /// `search space: N problems` and one `  - …` line each.
  public var description: String {
    let count = problems.count
    let head = "search space: \(count) problem\(count == 1 ? "" : "s")"
    return ([head] + problems.map { "  - \($0)" }).joined(separator: "\n")
  }
}
