import FenqiCalibration
import FenqiReport
import FenqiRisk

extension SatelliteCommand {
  /// The fit's table and the back-test's errors, for stdout.
  static func summary(
    full: SatelliteModel, early: SatelliteModel, backTest b: SatelliteBackTest,
    macro: MacroScenario
  ) -> String {
    func stated(_ d: SatelliteModel.Driver) -> Double {
      switch d {
      case .unemployment: macro.vasicek.unemploymentSensitivity
      case .benchmarkRate: macro.vasicek.rateSensitivity
      case .confidence: macro.vasicek.confidenceSensitivity
      }
    }
    var out =
      "Satellite model: Φ⁻¹(miss rate) = a_segment + √ρ·(s_u·Δu + s_r·Δr − s_c·Δc/10), probit by Fisher scoring, dispersion \(Formatting.fixed(full.dispersion, digits: 2))\n"
    out +=
      "driver           estimate   std.err   95% interval         scenario had\n"
    for (k, d) in full.drivers.enumerated() {
      let i = full.interval(k)
      out +=
        d.scenarioField.padding(toLength: 24, withPad: " ", startingAt: 0) + " "
        + Formatting.fixed(full.sensitivities[k], digits: 4).leftPadded(8)
        + "  "
        + Formatting.fixed(full.standardErrors[k], digits: 4).leftPadded(8)
        + "   ["
        + Formatting.fixed(i.lowerBound, digits: 3) + ", "
        + Formatting.fixed(i.upperBound, digits: 3)
        + "]".padding(
          toLength: 6, withPad: " ", startingAt: 0)
        + Formatting.fixed(stated(d), digits: 3) + "\n"
    }
    out +=
      "Back-test: fitted on months ≤ \(early.fittedThrough), forecast \(b.periods.count) later months from their macro values: "
    out +=
      "RMSE \(Formatting.fixed(b.rootMeanSquareError * 100, digits: 3)) pp of the monthly miss rate (flat model \(Formatting.fixed(b.flatRootMeanSquareError * 100, digits: 3)) pp), bias \(Formatting.fixed(b.meanError * 100, digits: 3)) pp"
    return out
  }
}

extension String {
  /// The string right-aligned in `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
