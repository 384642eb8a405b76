import Foundation

/// The regularised incomplete beta function Iₓ(a, b), the CDF of the Beta(a, b) distribution.
public enum IncompleteBeta {
  /// Iₓ(a, b) for x in [0, 1], a, b > 0 — continued fraction evaluated by the modified Lentz
  /// method, using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where it converges faster.
  public static func regularized(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront =
      lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    let front = exp(logFront)
    if x < (a + 1) / (a + b + 2) {
      return front * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double)
    -> Double
  {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...400 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }

  /// The inverse x = I⁻¹_p(a, b) for p in [0, 1]: Newton on Iₓ(a, b) − p with the Beta density as
  /// derivative, kept inside a bisection bracket.
  public static func inverse(_ p: Double, a: Double, b: Double) -> Double {
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    let logNorm = lgamma(a + b) - lgamma(a) - lgamma(b)
    var lo = 0.0
    var hi = 1.0
    var x = a / (a + b)
    for _ in 0..<200 {
      let f = regularized(x, a: a, b: b) - p
      if f < 0 { lo = x } else { hi = x }
      if abs(f) < 1e-15 || hi - lo < 1e-16 { break }
      let density = exp(logNorm + (a - 1) * log(x) + (b - 1) * log1p(-x))
      var next = x - f / density
      if !(next > lo && next < hi) || !next.isFinite { next = 0.5 * (lo + hi) }
      x = next
    }
    return x
  }
}
