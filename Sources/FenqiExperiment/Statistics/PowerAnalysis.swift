import FenqiCore
import Foundation

/// Sample size, power and minimum detectable effect for two-arm tests, with the normal
/// approximation statsmodels' `NormalIndPower` uses (two-sided, standardised effect size).
///
/// Every function checks its input and throws ``NotComputable`` instead of returning NaN or an
/// overflowed count: α and power in (0, 1) with power > α (with no data a two-sided test already
/// rejects with probability α), a ratio that is positive and finite, counts > 0 and finite, a
/// finite non-zero effect where one is to be detected.
public enum PowerAnalysis {
  /// Cohen's h for two proportions: 2·asin√p₂ − 2·asin√p₁.
  ///
  /// - Throws: ``NotComputable`` when a rate is outside [0, 1].
  public static func cohensH(_ p1: Double, _ p2: Double) throws(NotComputable)
    -> Double
  {
    for p in [p1, p2] where !(p >= 0 && p <= 1) {
      throw NotComputable("Cohen's h needs rates in [0, 1], found \(p)")
    }
    return 2 * asin(p2.squareRoot()) - 2 * asin(p1.squareRoot())
  }

  /// The power of a two-sided test of standardised effect `effect` with `n` units in the control
  /// and `ratio`·n in the treatment: a probability in [α, 1].
  ///
  /// - Throws: ``NotComputable`` for an effect that is not finite, n that is negative or not
  ///   finite, or a ratio or α out of range.
  public static func power(
    effect: Double, n: Double, ratio: Double = 1, alpha: Double = 0.05
  ) throws(NotComputable) -> Double {
    try check(alpha: alpha, ratio: ratio)
    guard effect.isFinite else {
      throw NotComputable("the effect must be finite, found \(effect)")
    }
    guard n >= 0, n.isFinite else {
      throw NotComputable(
        "the control arm's size must be finite and ≥ 0, found \(n)")
    }
    return unchecked(effect: effect, n: n, ratio: ratio, alpha: alpha)
  }

  static func unchecked(
    effect: Double, n: Double, ratio: Double, alpha: Double
  ) -> Double {
    let crit = -Normal.quantile(alpha / 2)
    let shift = abs(effect) * (n / (1 + 1 / ratio)).squareRoot()
    return Normal.cdf(shift - crit) + Normal.cdf(-shift - crit)
  }

  /// The control-arm size that reaches `power` for a standardised effect (at least 2).
  ///
  /// - Throws: ``NotComputable`` for an effect of 0 (no sample detects it), one so small the size
  ///   overflows a double, or settings out of range.
  public static func sampleSize(
    effect: Double, power target: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) throws(NotComputable) -> Double {
    try check(alpha: alpha, power: target, ratio: ratio)
    guard effect.isFinite, effect != 0 else {
      throw NotComputable(
        effect == 0
          ? "an effect of 0 cannot be detected by any sample size"
          : "the effect must be finite, found \(effect)")
    }
    let crit = -Normal.quantile(alpha / 2)
    let zb = Normal.quantile(target)
    let guess = (crit + zb) * (crit + zb) / (effect * effect) * (1 + 1 / ratio)
    guard (guess * 4 + 10).isFinite else {
      throw NotComputable(
        "the effect \(effect) is too small to detect at α = \(alpha) with power \(target): the sample size overflows a double (more than 10^307 units)"
      )
    }
    return
      (try? RootFinding.brent(
        lower: max(2, guess / 4), upper: guess * 4 + 10,
        tolerance: max(1e-10, guess * 1e-15)
      ) {
        unchecked(effect: effect, n: $0, ratio: ratio, alpha: alpha) - target
      }) ?? max(2, guess)
  }

  /// The smallest standardised effect (> 0) detected with `power` at a control-arm size `n`.
  ///
  /// - Throws: ``NotComputable`` for n that is not positive and finite, or settings out of
  ///   range.
  public static func minimumDetectableEffect(
    n: Double, power target: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) throws(NotComputable) -> Double {
    try check(alpha: alpha, power: target, ratio: ratio)
    guard n > 0, n.isFinite else {
      throw NotComputable(
        "the control arm's size must be finite and > 0, found \(n)")
    }
    let crit = -Normal.quantile(alpha / 2)
    let zb = Normal.quantile(target)
    let guess = (crit + zb) / (n / (1 + 1 / ratio)).squareRoot()
    return
      (try? RootFinding.brent(
        lower: guess / 4, upper: guess * 4, tolerance: min(1e-14, guess * 1e-12)
      ) {
        unchecked(effect: $0, n: n, ratio: ratio, alpha: alpha) - target
      }) ?? guess
  }

  /// The treatment rate a proportion test detects at `n` per control arm from a baseline rate
  /// (inverting Cohen's h): above the baseline when a rate up to 1 can be reached, otherwise
  /// below it.
  ///
  /// - Throws: ``NotComputable`` when the baseline is outside [0, 1], when no rate in [0, 1] is
  ///   far enough from the baseline to be detected, or as ``minimumDetectableEffect(n:power:ratio:alpha:)``.
  public static func detectableRate(
    baseline p: Double, n: Double, power: Double = 0.8, ratio: Double = 1,
    alpha: Double = 0.05
  ) throws(NotComputable) -> Double {
    guard p >= 0, p <= 1 else {
      throw NotComputable("the baseline must be a rate in [0, 1], found \(p)")
    }
    let h = try minimumDetectableEffect(
      n: n, power: power, ratio: ratio, alpha: alpha)
    let angle = 2 * asin(p.squareRoot())
    let target: Double
    if angle + h <= .pi {
      target = angle + h
    } else if angle - h >= 0 {
      target = angle - h
    } else {
      throw NotComputable(
        "no rate in [0, 1] differs enough from \(p) to be detected with \(n) control units (Cohen's h would need \(h))"
      )
    }
    let s = sin(target / 2)
    return min(1, s * s)
  }

  /// Throws when α, the power or the allocation ratio is out of range.
  static func check(alpha: Double, power: Double? = nil, ratio: Double)
    throws(NotComputable)
  {
    if let problem = NotComputable.alpha(alpha) { throw problem }
    if let power {
      guard power > 0, power < 1 else {
        throw NotComputable("the power must be in (0, 1), found \(power)")
      }
      guard power > alpha else {
        throw NotComputable(
          "the power (\(power)) must exceed α (\(alpha)): with no data at all a two-sided test rejects with probability α"
        )
      }
    }
    guard ratio > 0, ratio.isFinite else {
      throw NotComputable(
        "the treatment:control ratio must be positive and finite, found \(ratio)"
      )
    }
  }
}
