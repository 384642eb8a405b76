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

  /// The expected count of bookings or charge-offs from which an arm with none is worth a warning.
  ///
  /// The count is expected at the other arms' rate: P(0 | Poisson 10) ≈ 0.005%, and an arm truly
  /// half as likely still gives P(0) < 1%. Below it, none in a small arm of the quick run may be
  /// chance.
  public static let expectedCountToWarn = 10.0

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
    return warnings(result, fullSize: scenario.population.size)
  }

  /// The warnings a finished run's figures raise.
  ///
  /// - Parameters:
  ///   - result: the run.
  ///   - fullSize: the population the scenario is written for (default: the run's); an arm left
  ///     empty by the run is reported only when that population, too, gives it under one unit.
  /// - Returns: the warnings, arm by arm, then the run's loss warning.
  public static func warnings(_ result: RunResult, fullSize: Int? = nil)
    -> [ScenarioWarning]
  {
    let scenario = result.scenario
    let expectedBookings = expected(
      result.arms.map(\.totals.bookings),
      per: result.arms.map { Double($0.customers) },
      among: scenario.arms.map { !isHoldout($0) })
    var found: [ScenarioWarning] = []
    for (a, (arm, s)) in zip(scenario.arms, result.arms).enumerated() {
      if arm.allocation == 0 {
        found.append(.unallocatedArm(arm: arm.name))
      } else if s.customers == 0 {
        let units = unitCount(scenario, size: fullSize ?? s.customers)
        if arm.allocation * Double(units) < 1 {
          found.append(.emptyArm(arm: arm.name))
        }
      } else if isHoldout(arm) {
        continue
      } else if s.totals.reached == 0 && arm.contact != .generic {
        found.append(.neverContacted(arm: arm.name))
      } else if s.totals.bookings == 0,
        expectedBookings[a] >= expectedCountToWarn
      {
        found.append(.noBookings(arm: arm.name))
      }
    }
    found += lossWarnings(result)
    return found
  }

  /// The run's loss warnings: none charged off in the whole run, or none in an arm where the
  /// other arms' rate predicts at least ``expectedCountToWarn``.
  static func lossWarnings(_ result: RunResult) -> [ScenarioWarning] {
    let scenario = result.scenario
    var found: [ScenarioWarning] = []
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
    let expectedLosses = expected(
      losses, per: exposed, among: scenario.arms.map { _ in true })
    for (a, arm) in scenario.arms.enumerated()
    where losses[a] == 0 && exposed[a] > 0
      && expectedLosses[a] >= expectedCountToWarn
      && expectedLosses[a].isFinite
    {
      found.append(
        .noLossesInArm(
          arm: arm.name, loans: Int(exposed[a]), expected: expectedLosses[a]))
    }
    return found
  }

  /// Per arm, the count it would have at the rate of the other arms in the pool.
  ///
  /// The rate is their `counts` ÷ their `exposures`, times the arm's own exposure; infinite when
  /// the others in the pool counted nothing at all, or there are none (an arm alone cannot be
  /// compared).
  static func expected(
    _ counts: [Double], per exposures: [Double], among pool: [Bool]
  ) -> [Double] {
    counts.indices.map { a in
      var count = 0.0
      var exposure = 0.0
      for b in counts.indices where b != a && pool[b] {
        count += counts[b]
        exposure += exposures[b]
      }
      guard count > 0, exposure > 0 else { return .infinity }
      return exposures[a] * count / exposure
    }
  }

  /// The randomisation units of a population of `size`: customers, or the experiment's
  /// communities.
  static func unitCount(_ scenario: Scenario, size: Int) -> Int {
    let cluster = max(1, scenario.experiment?.clusterSize ?? 1)
    return (size + cluster - 1) / cluster
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
