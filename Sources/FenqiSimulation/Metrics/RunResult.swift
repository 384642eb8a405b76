import FenqiCredit

/// Everything a run produced: per-period metrics per arm, per-arm and per-segment summaries and
/// the charge-off ledger behind the vintage curves.
public struct RunResult: Sendable {
  /// The scenario run (after command-line overrides such as the seed).
  public var scenario: Scenario
  /// `periods[t][a]`: arm a in period t + 1.
  public var periods: [[PeriodMetrics]]
  /// One summary per arm, in scenario order.
  public var arms: [ArmSummary]
  /// One summary per arm × segment, arm-major, in scenario order.
  public var segments: [SegmentSummary]
  /// Charge-offs by arm, segment, vintage and months on book.
  public var ledger: ChargeOffLedger
  /// For an experiment, `metricSums[t][a · M + m]`: the sums of declared metric m over arm a's
  /// customers at the end of period t + 1 (all periods with sequential testing, else only the
  /// last; other rows are zero).
  public var metricSums: [[MomentSums]] = []
  /// The arm every customer ran under, for a counterfactual run.
  public var forcedArm: Int? = nil
  /// The risk stack's monitoring and explained decisions (nil without one).
  public var risk: RiskRun? = nil
  /// The targeting layer's model evaluation (nil without targeting).
  public var targeting: TargetingRun? = nil
  /// Customer value and merchants (nil without `business`).
  public var business: BusinessRun? = nil
  /// The monthly performance of a random sample of booked loans (nil unless the engine's
  /// ``SimulationEngine/tapeLoans`` asked for one).
  public var tape: LoanTapeSample? = nil

  /// Customer-months simulated (customers × periods).
  public var customerMonths: Int { scenario.population.size * scenario.periods }

  /// The accounting identity of the book, per arm.
  ///
  /// Opening balance + principal originated − repaid − prepaid − charged off − written off in
  /// disputes − outstanding. Zero up to rounding when no money was created or lost.
  public var conservationError: [Double] {
    arms.map { s in
      let b = s.totals.book
      return s.openingBalance + s.totals.bookedPrincipal - b.principalRepaid
        - b.prepaidPrincipal
        - b.chargeOffPrincipal - b.disputedPrincipal - b.totalBalance
    }
  }
}
