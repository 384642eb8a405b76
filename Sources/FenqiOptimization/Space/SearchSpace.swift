/// The box of plans an optimiser searches, and its map onto the unit cube [0, 1]^d where the
/// algorithms work.
///
/// A space exists only once its dimensions check out (``init(_:)``), so ``decode(_:)`` and
/// ``encode(_:)`` never meet an empty range or a log scale over zero.
public struct SearchSpace: Sendable, Equatable {
  /// The dimensions, in the order of a point's coordinates.
  public let dimensions: [Dimension]

  /// Creates a space after checking every dimension.
  ///
  /// - Throws: ``SearchSpaceError`` listing every problem (see ``problems(in:)``).
  public init(_ dimensions: [Dimension]) throws(SearchSpaceError) {
    let problems = Self.problems(in: dimensions)
    guard problems.isEmpty else { throw SearchSpaceError(problems: problems) }
    self.dimensions = dimensions
  }

  /// The number of dimensions, d.
  public var count: Int { dimensions.count }

  /// Whether any dimension is an integer.
  public var hasIntegers: Bool { dimensions.contains { $0.isInteger } }

  /// Every problem with `dimensions`, in order: at least one dimension, unique names, finite
  /// bounds, lower < upper, lower > 0 on a log scale, whole bounds for an integer.
  public static func problems(in dimensions: [Dimension])
    -> [SearchSpaceProblem]
  {
    guard !dimensions.isEmpty else { return [.noDimensions] }
    var problems: [SearchSpaceProblem] = []
    var seen: Set<String> = []
    for (index, d) in dimensions.enumerated() {
      if !seen.insert(d.name).inserted {
        problems.append(.duplicateName(d.name, index: index))
      }
      guard d.lower.isFinite && d.upper.isFinite else {
        problems.append(
          .nonFiniteBound(dimension: d.name, lower: d.lower, upper: d.upper))
        continue
      }
      if d.lower >= d.upper {
        problems.append(
          .emptyRange(dimension: d.name, lower: d.lower, upper: d.upper))
      }
      if d.scale == .log && d.lower <= 0 {
        problems.append(
          .logScaleNeedsPositiveLower(dimension: d.name, lower: d.lower))
      }
      if d.isInteger {
        for bound in [d.lower, d.upper] where bound.rounded() != bound {
          problems.append(
            .integerBoundNotWhole(dimension: d.name, bound: bound))
        }
      }
    }
    return problems
  }

  /// The plan at unit point `unit`, in the parameters' units; coordinates are clamped to [0, 1]
  /// and integers rounded (``Dimension/decode(_:)``).
  public func decode(_ unit: [Double]) -> [Double] {
    precondition(
      unit.count == count,
      "SearchSpace.decode: expected \(count) coordinates, got \(unit.count)")
    return zip(dimensions, unit).map { $0.decode($1) }
  }

  /// The unit point of plan `values` (clamped into the box); the inverse of ``decode(_:)`` on
  /// the box's continuous points.
  public func encode(_ values: [Double]) -> [Double] {
    precondition(
      values.count == count,
      "SearchSpace.encode: expected \(count) values, got \(values.count)")
    return zip(dimensions, values).map { $0.encode($1) }
  }

  /// `unit` clamped into the cube with each integer coordinate moved to its integer's own
  /// coordinate, encode(decode(u)); continuous coordinates are only clamped.
  ///
  /// Two points that decode to the same plan snap to the same unit point, so a caller's cache
  /// keyed by unit points finds them.
  public func snapped(_ unit: [Double]) -> [Double] {
    precondition(
      unit.count == count,
      "SearchSpace.snapped: expected \(count) coordinates, got \(unit.count)")
    return zip(dimensions, unit).map { d, u in
      let t = u.isNaN ? 0 : Swift.min(1, Swift.max(0, u))
      return d.isInteger ? d.encode(d.decode(t)) : t
    }
  }
}
