import Foundation

extension FlatMarginal {
  /// The margin's values for a column of standard normal coordinates: `out[i]` =
  /// ``value(standardNormal:tables:)`` of `x[i]`, bit for bit, with the margin's kind decided once
  /// for the column rather than once per value.
  ///
  /// - Parameters:
  ///   - x: standard normal coordinates.
  ///   - tables: the shared table storage the margin points into.
  ///   - out: the values, as long as `x`.
  /// - Complexity: O(n) (O(n × categories) for thresholds), no allocation.
  @inlinable
  public func fillValues(
    standardNormals x: UnsafeBufferPointer<Double>,
    tables: UnsafeBufferPointer<Double>,
    into out: UnsafeMutableBufferPointer<Double>
  ) {
    let n = x.count
    precondition(
      out.count >= n, "fillValues needs \(n) outputs, got \(out.count)")
    let low = lowerBound
    let high = upperBound
    switch tag {
    case 0:
      for i in 0..<n {
        out[i] = Swift.min(Swift.max(p0 + p1 * x[i], low), high)
      }
    case 1:
      for i in 0..<n {
        out[i] = Swift.min(Swift.max(p0 * exp(p1 * x[i]), low), high)
      }
    case 3:
      let grid = Marginal.tableGrid
      let step = (grid.upper - grid.lower) / Double(grid.steps)
      for i in 0..<n {
        let position =
          (Swift.min(Swift.max(x[i], grid.lower), grid.upper) - grid.lower)
          / step
        let k = Swift.min(Int(position), grid.steps - 1)
        let fraction = position - Double(k)
        let a = tables[offset + k]
        let b = tables[offset + k + 1]
        let raw = p0 + (p1 - p0) * (a + (b - a) * fraction)
        out[i] = Swift.min(Swift.max(raw, low), high)
      }
    case 4 where isSorted(tables):
      // Ascending thresholds: the value is how many lie at or below x, counted threshold by
      // threshold down the column without a branch (the same index the scan below stops at).
      for i in 0..<n { out[i] = 0 }
      for t in 0..<count {
        let threshold = tables[offset + t]
        for i in 0..<n { out[i] += x[i] >= threshold ? 1 : 0 }
      }
      for i in 0..<n { out[i] = Swift.min(Swift.max(out[i], low), high) }
    case 4:
      for i in 0..<n {
        var index = 0
        while index < count && x[i] >= tables[offset + index] { index += 1 }
        out[i] = Swift.min(Swift.max(Double(index), low), high)
      }
    default:
      for i in 0..<n { out[i] = value(standardNormal: x[i], tables: tables) }
    }
  }

  /// Whether the margin's thresholds are in ascending order (never descending, no NaN).
  @inlinable
  public func isSorted(_ tables: UnsafeBufferPointer<Double>) -> Bool {
    guard count > 1 else { return true }
    for t in 1..<count where !(tables[offset + t] >= tables[offset + t - 1]) {
      return false
    }
    return true
  }
}
