import FenqiCore
import FenqiRisk

/// A satellite model: the link from macro series to a tape's monthly miss rates, estimated by a
/// Vasicek-Z probit regression (``FenqiRisk/ProbitRegression``) and read as the scenario's
/// `macro.vasicek` sensitivities.
///
/// On a month whose systematic factor drift is d, the engine's mean miss probability of a loan
/// with calibrated p and asset correlation ρ is Φ(Φ⁻¹(p) − √ρ·d), with
/// d = −s_u·Δu − s_r·Δr + s_c·Δc/10 (Δu, Δr in percentage points, Δc in index points above the
/// history's first month). So Φ⁻¹(miss rate of segment g in month t) = a_g + s_u·√ρ_g·Δu_t +
/// s_r·√ρ_g·Δr_t − s_c·√ρ_g·Δc_t/10: one intercept per segment and the sensitivities as common
/// slopes, which is the regression fitted. Drivers that do not move inside the fitting window
/// are not identified and keep the scenario's value.
public struct SatelliteModel: Sendable, Equatable {
  /// A macro driver of the systematic factor.
  public enum Driver: String, Sendable, CaseIterable {
    /// Unemployment, per percentage point (`unemploymentSensitivity`).
    case unemployment
    /// The benchmark rate, per percentage point (`rateSensitivity`).
    case benchmarkRate
    /// Consumer confidence, per 10 index points (`confidenceSensitivity`).
    case confidence

    /// The `macro.vasicek` field the driver's sensitivity is written to.
    public var scenarioField: String {
      switch self {
      case .unemployment: "unemploymentSensitivity"
      case .benchmarkRate: "rateSensitivity"
      case .confidence: "confidenceSensitivity"
      }
    }

    /// The driver's regressor before the √ρ factor, in the factor's units.
    func regressor(_ h: MacroHistory, row: Int) -> Double {
      switch self {
      case .unemployment: (h.unemployment[row] - h.unemployment[0]) * 100
      case .benchmarkRate: (h.benchmarkRate[row] - h.benchmarkRate[0]) * 100
      case .confidence: -(h.confidence[row] - h.confidence[0]) / 10
      }
    }
  }

  /// The drivers estimated (those that moved inside the window), in ``Driver`` order.
  public let drivers: [Driver]
  /// Each driver's estimated sensitivity.
  public let sensitivities: [Double]
  /// Their standard errors.
  public let standardErrors: [Double]
  /// Φ⁻¹ of each segment's miss probability at the history's first month's macro values (−∞
  /// for a segment without misses in the window, +∞ for one that always missed).
  public let intercepts: [Double]
  /// The asset correlation of each segment.
  public let rho: [Double]
  /// The last calendar month fitted.
  public let fittedThrough: Int
  /// The regression's dispersion (≥ 1).
  public let dispersion: Double

  /// Why a fit failed.
  public enum Failure: Error, Equatable, Sendable {
    /// A tape month with current loans is missing from the macro history.
    case historyMissing(period: Int)
    /// No driver moves inside the window, or the regression is not identified.
    case notIdentified(String)
  }

  /// Fits the model on the tape's months up to `through` (inclusive).
  ///
  /// - Parameters:
  ///   - observations: the tape's miss counts.
  ///   - history: the macro history covering the tape's months.
  ///   - rho: the asset correlation of each of `observations.segments`.
  ///   - through: the last calendar month to fit (nil: all).
  /// - Throws: ``Failure``.
  public init(
    _ observations: SatelliteObservations, history: MacroHistory, rho: [Double],
    through: Int? = nil
  ) throws(Failure) {
    let o = observations
    let last = through ?? (o.periods.last ?? 0)
    // A segment with no misses (or only misses) in the window has no finite intercept: it is
    // left out of the fit and forecast at 0 (or 1).
    var events = [Double](repeating: 0, count: o.segments.count)
    var exposed = events
    for (t, period) in o.periods.enumerated() where period <= last {
      for s in o.segments.indices {
        events[s] += o.misses[s * o.periods.count + t]
        exposed[s] += o.trials[s * o.periods.count + t]
      }
    }
    let fitted = o.segments.indices.filter {
      events[$0] > 0 && events[$0] < exposed[$0]
    }
    var rows: [(s: Int, t: Int, h: Int)] = []
    for (t, period) in o.periods.enumerated() where period <= last {
      for s in fitted where o.trials[s * o.periods.count + t] > 0 {
        guard let h = history.row(of: period) else {
          throw .historyMissing(period: period)
        }
        rows.append((s, t, h))
      }
    }
    let moving = Driver.allCases.filter { d in
      let v = rows.map { d.regressor(history, row: $0.h) }
      return (v.max() ?? 0) - (v.min() ?? 0) > 1e-9
    }
    guard !moving.isEmpty else {
      throw .notIdentified(
        "no macro series moves in the fitting window (months ≤ \(last))")
    }
    let k = fitted.count + moving.count
    var design: [Double] = []
    var trials: [Double] = []
    var misses: [Double] = []
    for row in rows {
      var x = [Double](repeating: 0, count: fitted.count)
      x[fitted.firstIndex(of: row.s) ?? 0] = 1
      for d in moving {
        x.append(rho[row.s].squareRoot() * d.regressor(history, row: row.h))
      }
      design += x
      trials.append(o.trials[row.s * o.periods.count + row.t])
      misses.append(o.misses[row.s * o.periods.count + row.t])
    }
    let fit: ProbitRegression
    do {
      fit = try ProbitRegression(
        trials: trials, events: misses, design: design, columns: k)
    } catch {
      throw .notIdentified(
        "the miss rates do not identify \(k) coefficients (a segment without misses, or too few months)"
      )
    }
    let g = fitted.count
    drivers = moving
    intercepts = o.segments.indices.map { s in
      fitted.firstIndex(of: s).map { fit.coefficients[$0] }
        ?? (events[s] > 0 ? Double.infinity : -Double.infinity)
    }
    sensitivities = Array(fit.coefficients[g...])
    standardErrors = Array(fit.standardErrors[g...])
    self.rho = rho
    fittedThrough = last
    dispersion = fit.dispersion
  }

  /// The 95% interval of driver `k`'s sensitivity: estimate ± 1.96 standard errors.
  public func interval(_ k: Int) -> ClosedRange<Double> {
    (sensitivities[k] - 1.96 * standardErrors[k])...(sensitivities[k] + 1.96
      * standardErrors[k])
  }

  /// The predicted miss probability of segment `s` in history row `h`.
  public func missProbability(segment s: Int, history: MacroHistory, row h: Int)
    -> Double
  {
    guard intercepts[s].isFinite else { return intercepts[s] > 0 ? 1 : 0 }
    var eta = intercepts[s]
    for (k, d) in drivers.enumerated() {
      eta +=
        sensitivities[k] * rho[s].squareRoot() * d.regressor(history, row: h)
    }
    return Normal.cdf(eta)
  }
}
