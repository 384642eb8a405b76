import Foundation

/// The regularised lower incomplete gamma function P(a, x), the CDF of Gamma(a, 1).
public enum IncompleteGamma {
  /// P(a, x) for a > 0, x ≥ 0: the power series below a + 1, the continued fraction (modified
  /// Lentz) above it.
  public static func lower(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 0 }
    if x.isInfinite { return 1 }
    let logFront = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<1000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return sum * exp(logFront)
    }
    return 1 - upperContinuedFraction(a, x) * exp(logFront)
  }

  /// Q(a, x) = 1 − P(a, x), computed directly in the upper tail so small values keep their
  /// precision.
  public static func upper(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 1 }
    if x < a + 1 { return 1 - lower(a, x) }
    return upperContinuedFraction(a, x) * exp(a * log(x) - x - lgamma(a))
  }

  private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double
  {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...1000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}

/// The chi-square distribution.
public enum ChiSquare {
  /// P(X > x) for X ~ χ²(degreesOfFreedom).
  public static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double
  {
    IncompleteGamma.upper(k / 2, x / 2)
  }
}
