import Foundation

extension SearchSpace {
  /// One free parameter of a plan: its name, its inclusive range, whether it is whole, and how its
  /// range maps onto the unit interval the optimisers search.
  ///
  /// Coordinate 0 is ``lower`` and 1 is ``upper``, evenly in the value (``Scale/linear``) or in its
  /// logarithm (``Scale/log``). An integer dimension decodes to the nearest integer in range, so
  /// its two end values own half a step of the unit line each and the values between own a full
  /// step (uniform points in the cube pick the end values half as often).
  public struct Dimension: Sendable, Equatable {
    /// How a range maps onto [0, 1].
    public enum Scale: String, Sendable, CaseIterable {
      /// Evenly over [lower, upper].
      case linear
      /// Evenly over [ln lower, ln upper]; for positive quantities spanning orders of magnitude
      /// (budgets from 10⁴ to 10⁷ yuan).
      case log
    }

    /// The parameter's name, as the caller reports it (`budget.wechat`, `freeMonths`).
    public var name: String
    /// The smallest value, inclusive, in the parameter's own unit.
    public var lower: Double
    /// The largest value, inclusive, in the parameter's own unit (> ``lower``).
    public var upper: Double
    /// Whether only whole values are allowed (both bounds must then be integers).
    public var isInteger: Bool
    /// How the range maps onto [0, 1].
    public var scale: Scale

    /// Creates a dimension; ``SearchSpace/init(_:)`` checks it.
    public init(
      name: String, lower: Double, upper: Double, isInteger: Bool = false,
      scale: Scale = .linear
    ) {
      self.name = name
      self.lower = lower
      self.upper = upper
      self.isInteger = isInteger
      self.scale = scale
    }

    /// The value at unit coordinate `u`, in the parameter's unit.
    ///
    /// `u` is clamped to [0, 1] and the ends map exactly to the bounds. An integer dimension
    /// rounds to the nearest integer (halves away from zero), which stays within the bounds
    /// because they are integers.
    public func decode(_ u: Double) -> Double {
      let t = u.isNaN ? 0 : Swift.min(1, Swift.max(0, u))
      let raw: Double
      if t == 0 {
        raw = lower
      } else if t == 1 {
        raw = upper
      } else {
        switch scale {
        case .linear: raw = lower + t * (upper - lower)
        // Log-uniform: exp(ln a + t·(ln b − ln a)).
        case .log: raw = exp(log(lower) + t * (log(upper) - log(lower)))
        }
      }
      guard isInteger else { return Swift.min(upper, Swift.max(lower, raw)) }
      return Swift.min(upper, Swift.max(lower, raw.rounded()))
    }

    /// The unit coordinate of `value` (the inverse of ``decode(_:)`` on the range), clamped to
    /// [0, 1]; NaN maps to 0.
    public func encode(_ value: Double) -> Double {
      let t: Double
      switch scale {
      case .linear: t = (value - lower) / (upper - lower)
      case .log: t = (log(value) - log(lower)) / (log(upper) - log(lower))
      }
      return t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
    }

    /// The width of one integer step at unit coordinate `u`, in unit-cube units.
    ///
    /// It is the distance between the coordinates of k − ½ and k + ½ for the integer k that `u`
    /// decodes to; nil for a continuous dimension. On a linear scale it is 1 / (upper − lower)
    /// everywhere; on a log scale it shrinks as the value grows.
    func integerStep(atUnit u: Double) -> Double? {
      guard isInteger else { return nil }
      let k = decode(u)
      switch scale {
      case .linear: return 1 / (upper - lower)
      case .log:
        // The bin [k − ½, k + ½] in log coordinates; lower ≥ 1, so k − ½ > 0.
        return (log(k + 0.5) - log(k - 0.5)) / (log(upper) - log(lower))
      }
    }
  }
}
