import FenqiRisk

/// A limit a reverse stress test searches for the break of: `loss_rate=0.08` (the arm's loss
/// rate over the run may not exceed 8%) or `net_income=0` (its net income may not fall below 0).
public struct StressLimit: Sendable, Equatable {
  /// The measured quantity.
  public enum Measure: String, Sendable, CaseIterable {
    /// Loss ÷ principal lent (opening balance plus bookings) over the run, a fraction; breaks
    /// above the limit.
    case lossRate = "loss_rate"
    /// Net income over the run, yuan; breaks below the limit.
    case netIncome = "net_income"
  }

  /// The measure.
  public var measure: Measure
  /// The limit's value.
  public var value: Double

  /// Creates a limit.
  public init(measure: Measure, value: Double) {
    self.measure = measure
    self.value = value
  }

  /// Reads `MEASURE=VALUE`; nil when it is not one.
  public init?(parsing text: String) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let m = Measure(rawValue: parts[0]),
      let v = Double(parts[1]), v.isFinite
    else { return nil }
    measure = m
    value = v
  }

  /// Whether `x` breaks the limit.
  public func breaks(_ x: Double) -> Bool {
    switch measure {
    case .lossRate: x > value
    case .netIncome: x < value
    }
  }

  /// The measure of arm `a` in a run.
  public func measured(_ r: RunResult, arm a: Int) -> Double {
    let arm = r.arms[a]
    switch measure {
    case .lossRate:
      let loss =
        arm.totals.book.chargeOffPrincipal
        * r.scenario.repayment.lossGivenDefault
      return arm.lossRate(loss)
    case .netIncome: return arm.netIncome
    }
  }

  /// The severity of shock `shock` (1 = as the scenario states it, the others as stated) at
  /// which arm `arm`'s mean path breaks the limit, searched on [0, `maximum`] to `tolerance`.
  public func search(
    scenario: Scenario, shock: Int, arm: Int, maximum: Double = 5,
    tolerance: Double = 0.05, threads: Int
  ) -> ReverseStress {
    ReverseStress(maximum: maximum, tolerance: tolerance, breaks: breaks) { k in
      var s = scenario
      s.macro = scenario.macro?.scaling(shock: shock, severity: k)
      return measured(
        SimulationEngine(scenario: s, threads: threads).run(), arm: arm)
    }
  }
}

extension ArmSummary {
  /// `loss` ÷ the principal the arm lent: its seasoned opening balance plus the principal it
  /// booked (0 when it lent nothing).
  public func lossRate(_ loss: Double) -> Double {
    let lent = openingBalance + totals.bookedPrincipal
    return lent > 0 ? loss / lent : 0
  }
}
