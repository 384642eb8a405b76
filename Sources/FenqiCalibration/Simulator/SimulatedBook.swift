import FenqiCredit
import FenqiSimulation

/// The moments of a simulated run: its loan tape's (every loan booked before the last period)
/// and its whole-book figures (``MomentName/bookFigures``).
public enum SimulatedBook {
  /// A sample larger than any run books: the tape holds every loan.
  static let everyLoan = 50_000_000

  /// Runs `scenario` (its seed already set) and measures its moments by name.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - threads: the engine's worker threads (a calibration runs points in parallel and gives
  ///     each one thread).
  ///   - populations: customers kept between points by seed (nil: generated for this run);
  ///     the moments are the same either way.
  /// - Returns: the tape's moments and the book figures, by name.
  public static func measure(
    _ scenario: Scenario, threads: Int = 1, populations: PopulationCache? = nil
  )
    -> [String: Double]
  {
    var engine = SimulationEngine(scenario: scenario, threads: threads)
    engine.tapeLoans = everyLoan
    let run = engine.run(
      populations.map { $0.prepare(engine) } ?? engine.prepare())
    var out: [String: Double] = [:]
    if let sample = run.tape {
      for m in TapeMoments.compute(sample.loanTape()).moments {
        out[m.name] = m.value
      }
    }
    for (name, value) in bookFigures(run) {
      out[MomentName.book(name)] = value
    }
    return out
  }

  /// The whole-book figures of a run, pooled over its arms (undefined ratios left out).
  public static func bookFigures(_ run: RunResult) -> [(String, Double)] {
    var applications = 0.0
    var approvals = 0.0
    var borrowers = 0.0
    var lateBorrowers = 0.0
    var lateFees = 0.0
    var booked = 0.0
    var exposed = 0.0
    var chargedOff = 0.0
    for arm in run.arms {
      let t = arm.totals
      applications += t.applications
      approvals += t.approvals
      borrowers += arm.borrowers
      lateBorrowers += t.book.lateFeeBorrowers
      lateFees += t.book.lateFees
      booked += t.bookedPrincipal
      exposed += t.bookedPrincipal + arm.openingBalance
      chargedOff += t.book.chargeOffPrincipal
    }
    var hidden = 0.0
    for s in run.segments where s.hidden { hidden += s.chargeOffPrincipal }
    let figures: [(String, Double, Double)] = [
      ("approval_rate", approvals, applications),
      ("charge_offs_to_originations", chargedOff, booked),
      ("late_fee_borrower_share", lateBorrowers, borrowers),
      ("late_fees_share_of_financed", lateFees, booked),
      ("charge_off_rate", chargedOff, exposed),
      ("hidden_share_of_charge_offs", hidden, chargedOff),
    ]
    return figures.filter { $0.2 > 0 }.map { ($0.0, $0.1 / $0.2) }
  }
}
