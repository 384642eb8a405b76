/// A quick run of a valid scenario at a small population, and the degenerate outcomes it
/// reveals (see ``ScenarioWarning``).
///
/// The scenario runs as written (same seed, same months, same arms) with its population cut to
/// at most ``customers``; only the population size changes, which the validator never relates to
/// another field, so a scenario that validates runs here too. No experiment statistics, replicates
/// or counterfactual runs are computed: one simulation, as `fenqi run` starts.
public enum QuickRun {
  /// The most customers a quick run simulates.
  public static let customers = 5_000

  /// The expected number of charge-offs (at the other arms' rate) from which an arm that lost
  /// nothing is worth a warning: P(0 | Poisson 10) ≈ 0.005%, and arms whose true loss rates
  /// differ by a factor of two still give P(0) < 1%.
  public static let expectedLossesToWarn = 10.0

  /// The scenario as the quick run simulates it: its population cut to at most `customers`.
  public static func scenario(_ scenario: Scenario, customers: Int = customers)
    -> Scenario
  {
    var small = scenario
    small.population.size = min(scenario.population.size, max(1, customers))
    return small
  }

  /// Runs `scenario` at a small population and returns the warnings, in arm order, the whole
  /// run's loss warning after the arms' own.
  ///
  /// - Parameters:
  ///   - scenario: a validated scenario.
  ///   - customers: the population cap (default ``customers``).
  ///   - threads: worker threads (≥ 1); the warnings do not depend on it.
  /// - Returns: the warnings, empty when the outcomes look sound.
  /// - Complexity: one simulation of min(size, `customers`) customers over the scenario's
  ///   months, after any burn-in the scenario asks for (a risk stack's, a seasoned book's).
  public static func warnings(
    _ scenario: Scenario, customers: Int = customers, threads: Int = 1
  ) -> [ScenarioWarning] {
    let small = Self.scenario(scenario, customers: customers)
    let result = SimulationEngine(scenario: small, threads: threads).run()
    return warnings(result)
  }

  /// The warnings a finished run's figures raise.
  public static func warnings(_ result: RunResult) -> [ScenarioWarning] {
    let scenario = result.scenario
    var found: [ScenarioWarning] = []
    for (arm, s) in zip(scenario.arms, result.arms) {
      if arm.allocation == 0 {
        found.append(.unallocatedArm(arm: arm.name))
      } else if s.customers == 0 {
        found.append(.emptyArm(arm: arm.name))
      } else if isHoldout(arm) {
        continue
      } else if s.totals.reached == 0 && arm.contact != .generic {
        found.append(.neverContacted(arm: arm.name))
      } else if s.totals.bookings == 0 {
        found.append(.noBookings(arm: arm.name))
      }
    }
    let losses = result.arms.map(lossCount)
    let exposed = result.arms.map { $0.totals.bookings + $0.openingLoans }
    let totalLosses = losses.reduce(0, +)
    guard totalLosses > 0 else {
      if exposed.reduce(0, +) > 0 {
        found.append(
          .noCreditLosses(
            chargeOffDaysPastDue: scenario.repayment.chargeOffDaysPastDue,
            shortWindow: endsBeforeChargeOff(scenario)))
      }
      return found
    }
    let totalExposed = exposed.reduce(0, +)
    for (a, arm) in scenario.arms.enumerated()
    where losses[a] == 0 && exposed[a] > 0 {
      let othersExposed = totalExposed - exposed[a]
      guard othersExposed > 0 else { continue }
      let expected = exposed[a] * totalLosses / othersExposed
      if expected >= expectedLossesToWarn {
        found.append(
          .noLossesInArm(
            arm: arm.name, loans: Int(exposed[a]), expected: expected))
      }
    }
    return found
  }

  /// Whether the arm is a declared holdout: the generic channel at a reach of 0, contacting
  /// nobody on purpose (its customers may still buy, and pay in full).
  static func isHoldout(_ arm: Arm) -> Bool {
    arm.contact == .generic && arm.reachRate == 0
  }

  /// Loans charged off or disputed in an arm over the run.
  static func lossCount(_ s: ArmSummary) -> Double {
    s.totals.book.chargeOffs + s.totals.book.disputes
  }

  /// Whether no loan booked in the run can reach charge-off before it ends: no seasoned book,
  /// and the run (window and run-off) no longer than the charge-off point in months plus one.
  static func endsBeforeChargeOff(_ scenario: Scenario) -> Bool {
    let months = scenario.repayment.chargeOffDaysPastDue / 30
    return scenario.seasoning == nil && scenario.periods <= months + 1
  }
}
