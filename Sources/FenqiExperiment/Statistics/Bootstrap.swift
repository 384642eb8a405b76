import FenqiCore
import Foundation

/// Seeded bootstrap confidence intervals for the difference of two arms' means: percentile and
/// BCa (bias-corrected and accelerated; Efron 1987), resampling each arm separately.
public enum Bootstrap {
  /// Interval estimates from `resamples` bootstrap replicates drawn from counter-based streams
  /// keyed by `seed`, so the same inputs give the same interval on any machine.
  ///
  /// Arms whose values are all equal give the point interval [estimate, estimate] (every
  /// resample is the estimate).
  ///
  /// - Throws: ``NotComputable`` when an arm has fewer than 2 values or a value that is not
  ///   finite, when the means overflow, when `resamples` ≤ 10, or when `alpha` is outside (0, 1).
  public static func differenceOfMeans(
    control: [Double], treatment: [Double], resamples: Int = 2000,
    alpha: Double = 0.05, seed: UInt64
  ) throws(NotComputable) -> (
    percentile: ClosedRange<Double>, bca: ClosedRange<Double>, estimate: Double
  ) {
    for (values, role) in [
      (control, "the control arm"), (treatment, "the treatment arm"),
    ] {
      guard values.count > 1 else {
        throw NotComputable(
          "\(role) has \(values.count) value\(values.count == 1 ? "" : "s"); the bootstrap needs at least 2"
        )
      }
      guard values.allSatisfy(\.isFinite) else {
        throw NotComputable("\(role) holds a value that is not finite")
      }
    }
    guard resamples > 10 else {
      throw NotComputable(
        "the bootstrap needs more than 10 resamples, found \(resamples)")
    }
    if let problem = NotComputable.alpha(alpha) { throw problem }
    func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    let estimate = mean(treatment) - mean(control)
    guard estimate.isFinite else {
      throw NotComputable("the arms' means or their difference overflow")
    }
    var replicates = [Double](repeating: 0, count: resamples)
    for b in 0..<resamples {
      var rng = RandomStream(
        key: StreamKey(
          seed: seed, entity: UInt64(b), period: 0,
          purpose: Purpose(rawValue: 900)))
      var sc = 0.0
      var st = 0.0
      for _ in 0..<control.count {
        sc += control[rng.index(below: control.count)]
      }
      for _ in 0..<treatment.count {
        st += treatment[rng.index(below: treatment.count)]
      }
      replicates[b] = st / Double(treatment.count) - sc / Double(control.count)
    }
    replicates.sort()
    func quantile(_ q: Double) -> Double {
      let position = q * Double(resamples - 1)
      let i = Int(position)
      let f = position - Double(i)
      return i + 1 < resamples
        ? replicates[i] * (1 - f) + replicates[i + 1] * f : replicates[i]
    }
    let percentile = Interval.of(quantile(alpha / 2), quantile(1 - alpha / 2))
    // Bias correction z₀ from the share of replicates below the estimate.
    let below =
      Double(replicates.filter { $0 < estimate }.count) + 0.5
      * Double(replicates.filter { $0 == estimate }.count)
    let z0 = Normal.quantile(
      min(max(below / Double(resamples), 1e-10), 1 - 1e-10))
    // Acceleration from the jackknife of the difference (each arm's leave-one-out means).
    var jack: [Double] = []
    let sc = control.reduce(0, +)
    let st = treatment.reduce(0, +)
    for v in control {
      jack.append(mean(treatment) - (sc - v) / Double(control.count - 1))
    }
    for v in treatment {
      jack.append((st - v) / Double(treatment.count - 1) - mean(control))
    }
    let jm = jack.reduce(0, +) / Double(jack.count)
    let num = jack.reduce(0) { $0 + pow(jm - $1, 3) }
    let den = jack.reduce(0) { $0 + pow(jm - $1, 2) }
    let a = den > 0 ? num / (6 * pow(den, 1.5)) : 0
    func adjusted(_ q: Double) -> Double {
      let z = Normal.quantile(q)
      return Normal.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))
    }
    let bca = Interval.of(
      quantile(adjusted(alpha / 2)), quantile(adjusted(1 - alpha / 2)))
    return (percentile, bca, estimate)
  }
}
