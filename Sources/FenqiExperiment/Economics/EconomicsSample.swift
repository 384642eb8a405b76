import FenqiSimulation

/// One replicate's figures for the incremental economics: every arm's ``ArmLedger`` at the
/// window's end and over the lifetime.
public struct EconomicsSample: Sendable, Equatable {
  /// The replicate's seed.
  public var seed: UInt64
  /// `ledgers[h][a]`: arm a at horizon h (the order of ``EconomicsHorizon/allCases``).
  public var ledgers: [[ArmLedger]]

  /// The figures of `result` (a split run, or counterfactual runs combined).
  public init(_ result: RunResult, control: Int) {
    let s = result.scenario
    seed = s.seed
    // The control's cohort and post-campaign months follow a treatment's campaign; with one
    // campaign shape (the usual case) the first treatment's stands for all.
    let first = s.arms.indices.first { $0 != control }
    ledgers = [s.window, s.periods].map { h in
      s.arms.indices.map { a in
        let months = Self.months(s, treatment: a == control ? first : a)
        return ArmLedger(
          result, arm: a, through: h, campaign: months.campaign,
          after: months.after)
      }
    }
  }

  /// The campaign months of treatment arm `a` (the whole window without a campaign) and the
  /// months after it in which pulled-forward bookings are missing: the urgency's dip months,
  /// else three, within the window (nil when the campaign ends the window).
  public static func months(_ s: Scenario, treatment a: Int?)
    -> (campaign: ClosedRange<Int>, after: ClosedRange<Int>?)
  {
    guard let a, let m = s.arms[a].marketing, let c = m.campaign else {
      return (1...s.window, nil)
    }
    let end = min(c.end, s.window)
    let dip = m.urgency?.dipMonths ?? 3
    let last = min(s.window, end + dip)
    return (c.start...end, last > end ? (end + 1)...last : nil)
  }
}
