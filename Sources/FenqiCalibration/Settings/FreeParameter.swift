import Foundation

/// How a free parameter's range is searched: evenly in its value or in its logarithm.
public enum ParameterScale: String, Sendable, CaseIterable {
  /// Evenly over [min, max].
  case linear
  /// Evenly over [log min, log max]; for positive quantities spanning orders of magnitude.
  case log
}

/// One scenario field the calibration estimates, with its search range.
///
/// The methods work in the unit cube: coordinate 0 is ``minimum`` and 1 is ``maximum``, linearly
/// in the value or in its logarithm (``ParameterScale``).
public struct FreeParameter: Sendable, Equatable {
  /// The dotted JSON path of the field in the scenario (`repayment.roll.intercept`; array
  /// elements by index or by their `name`, as `fenqi sweep --grid` takes them).
  public var path: String
  /// The smallest value searched, in the field's own unit.
  public var minimum: Double
  /// The largest value searched, in the field's own unit (> ``minimum``).
  public var maximum: Double
  /// How the range is searched.
  public var scale: ParameterScale

  /// Creates a free parameter; `minimum < maximum`, and `minimum > 0` on a log scale.
  public init(
    path: String, minimum: Double, maximum: Double,
    scale: ParameterScale = .linear
  ) {
    self.path = path
    self.minimum = minimum
    self.maximum = maximum
    self.scale = scale
  }

  /// The value at unit coordinate `u` (0 → ``minimum``, 1 → ``maximum``); `u` is clamped to
  /// [0, 1], and the ends map exactly to the bounds.
  public func value(atUnit u: Double) -> Double {
    let t = Swift.min(1, Swift.max(0, u))
    if t == 0 { return minimum }
    if t == 1 { return maximum }
    switch scale {
    case .linear:
      return minimum + t * (maximum - minimum)
    case .log:
      // Log-uniform: exp(ln a + t·(ln b − ln a)).
      return Foundation.exp(
        Foundation.log(minimum)
          + t * (Foundation.log(maximum) - Foundation.log(minimum)))
    }
  }

  /// The unit coordinate of `value` (the inverse of ``value(atUnit:)``), clamped to [0, 1].
  public func unit(of value: Double) -> Double {
    let t: Double
    switch scale {
    case .linear: t = (value - minimum) / (maximum - minimum)
    case .log:
      t =
        (Foundation.log(value) - Foundation.log(minimum))
        / (Foundation.log(maximum) - Foundation.log(minimum))
    }
    return t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
  }
}
