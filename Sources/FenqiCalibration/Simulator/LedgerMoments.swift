import FenqiSimulation

/// Interim moments measured from a run's charge-off ledger, until the engine writes loan tapes:
/// the principal-weighted cumulative charge-off curve, `chargeOff.mobNN`.
///
/// `chargeOff.mobNN` pools every arm and every vintage observed for at least NN months:
/// the principal those vintages charged off by month on book NN over the principal they booked
/// (a vintage curve; Thomas, Edelman & Crook 2002, §14). Months on book run 1 … periods − 1;
/// months with nothing booked in their vintages are left out.
public enum LedgerMoments {
  /// Runs `scenario` on one thread and measures its charge-off curve.
  public static func measure(_ scenario: Scenario, seed: UInt64) -> [String:
    Double]
  {
    var s = scenario
    s.seed = seed
    return chargeOffCurve(SimulationEngine(scenario: s, threads: 1).run())
  }

  /// The charge-off curve of a run, by `chargeOff.mobNN` name.
  public static func chargeOffCurve(_ result: RunResult) -> [String: Double] {
    let horizon = Swift.min(result.ledger.horizon, result.periods.count)
    var out: [String: Double] = [:]
    for mob in stride(from: 1, to: horizon, by: 1) {
      var booked = 0.0
      var charged = 0.0
      for origin in stride(from: 1, through: result.periods.count - mob, by: 1)
      where origin <= horizon {
        for arm in result.scenario.arms.indices {
          booked += result.periods[origin - 1][arm].counts.bookedPrincipal
          for m in 1...mob {
            charged += result.ledger.principal(
              arm: arm, origin: origin, monthsOnBook: m)
          }
        }
      }
      if booked > 0 { out[name(mob)] = charged / booked }
    }
    return out
  }

  /// `chargeOff.mob03` for month on book 3.
  public static func name(_ monthsOnBook: Int) -> String {
    "chargeOff.mob" + (monthsOnBook < 10 ? "0" : "") + String(monthsOnBook)
  }
}
