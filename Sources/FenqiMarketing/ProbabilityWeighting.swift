import Foundation

/// How people weigh a small chance: the probability-weighting function of cumulative prospect
/// theory, w(p) = p^γ / (p^γ + (1 − p)^γ)^(1/γ) (Tversky & Kahneman 1992; γ ≈ 0.61 for gains).
///
/// For small p, w(p) > p: a 1-in-1,000 chance of a 5,000-yuan prize feels worth more than its
/// 5-yuan expected value, which is what makes "instalment discount + lottery" work.
public enum ProbabilityWeighting {
  /// Tversky and Kahneman's estimate for gains.
  public static let gainsGamma = 0.61

  /// w(p) for γ in (0, 1].
  public static func weight(_ p: Double, gamma: Double = gainsGamma) -> Double {
    guard p > 0 else { return 0 }
    guard p < 1 else { return 1 }
    let a = pow(p, gamma)
    let b = pow(1 - p, gamma)
    return a / pow(a + b, 1 / gamma)
  }

  /// The perceived value of a lottery ticket: w(p) × prize, yuan.
  public static func perceivedValue(
    probability p: Double, prize: Double, gamma: Double = gainsGamma
  ) -> Double {
    weight(p, gamma: gamma) * prize
  }
}
