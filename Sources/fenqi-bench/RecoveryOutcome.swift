import FenqiCalibration
import FenqiCore
import Foundation

/// What one recovery trial found: each parameter's estimate and interval against the truth, and
/// how far the fitted moments at the estimate lie from the observed ones.
struct RecoveryOutcome: Sendable {
  /// The trial's number.
  var trial: Int
  /// Loans on the truth's tape.
  var loans: Int
  /// The parameters' paths.
  var paths: [String]
  /// The true values.
  var truths: [Double]
  /// The estimates.
  var estimates: [Double]
  /// The 95% intervals (2.5% and 97.5% bootstrap quantiles); nil without draws.
  var intervals: [ParameterInterval]?
  /// Each fitted moment's z at the estimate, (simulated − observed) ÷ the observed standard
  /// error (floored as the fit floors it), in the fit's order.
  var z: [Double]
  /// The same residuals ÷ the standard error of a difference between the observed book and a
  /// simulated book of R replicates as large: σ·√(1 + 1/R).
  var zDifference: [Double]
  /// The fitted moments' names.
  var names: [String]
  /// The distance from the observed moments at the estimate.
  var distance: Double
  /// The distance at the true values, simulated with the calibration's seed.
  var truthDistance: Double
  /// Seconds spent simulating the truth and computing its moments.
  var truthSeconds: Double
  /// Seconds for the whole trial.
  var seconds: Double

  init(
    trial: Int, loans: Int, truths: [Double], result: CalibrationResult,
    truthDistance: Double, truthSeconds: Double, seconds: Double
  ) {
    self.trial = trial
    self.loans = loans
    self.truths = truths
    paths = result.inputs.paths
    estimates = result.estimate
    intervals = result.intervals
    let target = result.target
    let best = result.records[result.optimum]
    names = target.names
    z = target.names.indices.map { m in
      best.moment(target.names[m]).map { target.z(m, simulated: $0) } ?? .nan
    }
    let r = Double(result.inputs.settings.replicates)
    zDifference = z.map { $0 / (1 + 1 / r).squareRoot() }
    distance = result.distances[result.optimum]
    self.truthDistance = truthDistance
    self.truthSeconds = truthSeconds
    self.seconds = seconds
  }

  /// Whether parameter `k`'s interval covers its truth; nil without intervals.
  func covers(_ k: Int) -> Bool? {
    intervals.map { $0[k].low <= truths[k] && truths[k] <= $0[k].high }
  }

  /// The share of `zs` with |z| ≤ 2.
  static func withinTwo(_ zs: [Double]) -> Double {
    Double(zs.count { abs($0) <= 2 }) / Double(Swift.max(1, zs.count))
  }

  /// The largest |z| of `zs` and its moment.
  func largest(_ zs: [Double]) -> (name: String, z: Double) {
    var at = 0
    for m in zs.indices where !(abs(zs[m]) <= abs(zs[at])) { at = m }
    return (names.isEmpty ? "-" : names[at], zs.isEmpty ? .nan : zs[at])
  }

  /// The trial's lines: one per parameter, then the fit and the time.
  var lines: [String] {
    var out: [String] = [
      "trial \(trial): \(loans) loans on the truth's tape, truth seed \(RecoveryTrial.truthSeed(trial)), calibration seed \(RecoveryTrial.calibrationSeed(trial))"
    ]
    for k in paths.indices {
      let interval = intervals.map {
        "[\(Self.number($0[k].low)), \(Self.number($0[k].high))]"
      }
      let verdict = covers(k).map { $0 ? "covers" : "MISSES" } ?? "no interval"
      out.append(
        "  \(paths[k]): truth \(Self.number(truths[k])) · estimate \(Self.number(estimates[k])) · 95% \(interval ?? "-") · \(verdict)"
      )
    }
    let top = largest(z)
    let topDifference = largest(zDifference)
    out.append(
      "  fit: \(names.count) moments · |z| ≤ 2 for \(Self.percent(Self.withinTwo(z))) (largest |z| \(Self.number(abs(top.z))), \(top.name)) · against the observed-minus-simulated SE: \(Self.percent(Self.withinTwo(zDifference))) (largest \(Self.number(abs(topDifference.z))))"
    )
    out.append(
      "  distance: \(Self.number(distance)) at the estimate, \(Self.number(truthDistance)) at the truth (same seed)"
    )
    out.append(
      "  seconds: \(Self.number(seconds)) (truth tape and its moments \(Self.number(truthSeconds)))"
    )
    return out
  }

  /// A number with 4 significant digits.
  static func number(_ x: Double) -> String { String(format: "%.4g", x) }
  /// A share as a percentage with one decimal.
  static func percent(_ x: Double) -> String {
    String(format: "%.1f%%", 100 * x)
  }
}
