/// One-dimensional root finding.
public enum RootFinding {
  /// Why a root could not be found.
  public enum Failure: Error, Equatable, Sendable {
    /// f(lower) and f(upper) have the same sign, so no root is bracketed.
    case notBracketed(lower: Double, upper: Double)
    /// The iteration limit was reached before the tolerance.
    case didNotConverge(iterations: Int)
  }

  /// A root of `f` in [lower, upper] by Brent's method (inverse quadratic interpolation, secant
  /// and bisection; Brent 1973).
  ///
  /// - Parameters:
  ///   - lower: one end of a bracket with f(lower)·f(upper) ≤ 0.
  ///   - upper: the other end.
  ///   - tolerance: the absolute width in x at which to stop.
  ///   - maxIterations: the iteration limit.
  ///   - f: the function, continuous on the bracket.
  /// - Returns: x with |x − root| ≤ tolerance.
  /// - Throws: ``Failure`` when the bracket holds no sign change or the limit is reached.
  public static func brent(
    lower: Double, upper: Double, tolerance: Double = 1e-13,
    maxIterations: Int = 200,
    _ f: (Double) -> Double
  ) throws(Failure) -> Double {
    var a = lower
    var b = upper
    var fa = f(a)
    var fb = f(b)
    if fa == 0 { return a }
    if fb == 0 { return b }
    guard (fa < 0) != (fb < 0) else {
      throw .notBracketed(lower: lower, upper: upper)
    }
    if abs(fa) < abs(fb) {
      swap(&a, &b)
      swap(&fa, &fb)
    }
    var c = a
    var fc = fa
    var d = b - a
    var bisected = true
    for _ in 0..<maxIterations {
      if fb == 0 || abs(b - a) <= tolerance { return b }
      var s: Double
      if fa != fc && fb != fc {
        s =
          a * fb * fc / ((fa - fb) * (fa - fc)) + b * fa * fc
          / ((fb - fa) * (fb - fc))
          + c * fa * fb / ((fc - fa) * (fc - fb))
      } else {
        s = b - fb * (b - a) / (fb - fa)
      }
      let lo = Swift.min((3 * a + b) / 4, b)
      let hi = Swift.max((3 * a + b) / 4, b)
      let useBisection =
        !(s > lo && s < hi)
        || (bisected && abs(s - b) >= abs(b - c) / 2)
        || (!bisected && abs(s - b) >= abs(c - d) / 2)
        || (bisected && abs(b - c) < tolerance)
        || (!bisected && abs(c - d) < tolerance)
      if useBisection { s = (a + b) / 2 }
      bisected = useBisection
      let fs = f(s)
      d = c
      c = b
      fc = fb
      if (fa < 0) != (fs < 0) {
        b = s
        fb = fs
      } else {
        a = s
        fa = fs
      }
      if abs(fa) < abs(fb) {
        swap(&a, &b)
        swap(&fa, &fb)
      }
    }
    throw .didNotConverge(iterations: maxIterations)
  }
}
