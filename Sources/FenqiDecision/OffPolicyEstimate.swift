import Foundation

/// Off-policy evaluation: a new policy's mean reward estimated from logs of an old one.
///
/// Inverse propensity scoring (Horvitz–Thompson): V̂ = mean of r·1{a = π(x)}/π₀(a|x). Doubly
/// robust (Dudík, Langford & Li 2011): V̂ = mean of q̂(x, π(x)) + 1{a = π(x)}/π₀(a|x)·(r −
/// q̂(x, a)), unbiased when either the logging propensities or the reward model are right. Both
/// with a normal 95% interval from the per-row terms' standard error.
public struct OffPolicyEstimate: Sendable, Equatable {
  /// The estimated mean reward per customer.
  public var value: Double
  /// Its standard error.
  public var standardError: Double

  /// The 95% interval; (−∞, ∞) when the standard error is not finite (fewer than two rows).
  public var interval: ClosedRange<Double> {
    let h = 1.959_963_984_540_054 * standardError
    guard h.isFinite, value.isFinite else {
      return -Double.infinity...Double.infinity
    }
    return (value - h)...(value + h)
  }

  /// Estimates from per-row terms.
  init(terms: [Double]) {
    let n = Double(terms.count)
    let mean = terms.reduce(0, +) / n
    let variance = terms.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    value = mean
    standardError = (variance / n).squareRoot()
  }

  /// Inverse propensity scoring.
  ///
  /// - Parameters:
  ///   - rewards: each logged row's reward.
  ///   - propensities: the logging policy's probability of the logged action.
  ///   - matches: whether the new policy takes the logged action on that row.
  /// - Returns: the estimate with its standard error.
  public static func inversePropensity(
    rewards: [Double], propensities: [Double], matches: [Bool]
  ) -> OffPolicyEstimate {
    OffPolicyEstimate(
      terms: rewards.indices.map {
        matches[$0] ? rewards[$0] / propensities[$0] : 0
      })
  }

  /// Doubly robust.
  ///
  /// - Parameters:
  ///   - rewards: each logged row's reward.
  ///   - propensities: the logging policy's probability of the logged action.
  ///   - matches: whether the new policy takes the logged action on that row.
  ///   - modelLogged: the reward model's prediction for the logged action.
  ///   - modelNew: the reward model's prediction for the new policy's action.
  /// - Returns: the estimate with its standard error.
  public static func doublyRobust(
    rewards: [Double], propensities: [Double], matches: [Bool],
    modelLogged: [Double], modelNew: [Double]
  ) -> OffPolicyEstimate {
    OffPolicyEstimate(
      terms: rewards.indices.map {
        modelNew[$0]
          + (matches[$0]
            ? (rewards[$0] - modelLogged[$0]) / propensities[$0] : 0)
      })
  }
}
