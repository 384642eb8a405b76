import FenqiCore

/// Risk measures of a simulated loss distribution.
///
/// With the N losses sorted ascending and k = ⌈α·N⌉: VaR_α is the k-th smallest loss and the
/// expected shortfall ES_α is the mean of the k-th to the N-th (the loss at VaR and beyond).
public struct LossDistribution: Sendable, Equatable {
  /// The losses, ascending.
  public let sorted: [Double]

  /// Builds the distribution of `losses`.
  public init(_ losses: [Double]) {
    sorted = losses.sorted()
  }

  /// The mean loss (expected loss).
  public var mean: Double {
    sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
  }

  /// The sample standard deviation.
  public var standardDeviation: Double {
    guard sorted.count > 1 else { return .nan }
    let m = mean
    let ss = sorted.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (ss / Double(sorted.count - 1)).squareRoot()
  }

  private func rank(_ alpha: Double) -> Int {
    Swift.min(
      sorted.count,
      Swift.max(1, Int((alpha * Double(sorted.count)).rounded(.up))))
  }

  /// Value at risk at confidence `alpha`, such as 0.99.
  public func valueAtRisk(_ alpha: Double) -> Double {
    EmpiricalQuantile.ofSorted(sorted, alpha)
  }

  /// Expected shortfall at confidence `alpha`: the mean loss from VaR on.
  public func expectedShortfall(_ alpha: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let tail = sorted[(rank(alpha) - 1)...]
    return tail.reduce(0, +) / Double(tail.count)
  }
}
