import FenqiCore
import FenqiCredit
import FenqiDecision

/// The risk stack's settings flattened for the customer loop.
final class RiskTables: Sendable {
  let settings: RiskStackSettings
  /// Per arm.
  let policies: [ArmRiskPolicy]
  let rules: [DecisionStack.RuleFallback]
  /// Per period (index = period): the annual funding rate and the APR cap in force (the lowest
  /// of the pricing cap, the macro path's and the regulatory `economics.aprCap`).
  let fundingRate: [Double]
  let cap: [Double]
  /// Per arm and period: the nominal rate that risk-based pricing may charge so that the arm's
  /// true APR, its upfront fee included, stays within ``cap`` (``cap`` itself without a fee).
  let nominalCap: [[Double]]
  /// The burn-in run: record every application for the first models.
  let recording: Bool
  /// Months of the burn-in whose applications train the models.
  let recordedMonths: Int
  /// Per arm: whether a ranking channel uses the propensity model.
  let ranksByPropensity: [Bool]

  init(
    _ s: Scenario, settings: RiskStackSettings, macro: MacroTables?,
    recording: Bool
  ) {
    self.settings = settings
    policies = s.arms.map { $0.risk ?? ArmRiskPolicy() }
    rules = s.arms.map {
      DecisionStack.RuleFallback(
        minimumScore: $0.approval.minimumCreditScore,
        maxOpenLoans: Double($0.approval.maxOpenLoans),
        maxDebtToIncome: $0.approval.maxDebtToIncome)
    }
    fundingRate = (0...s.periods).map {
      12 * (macro?.monthlyFunding[$0] ?? s.economics.annualFundingRate / 12)
    }
    let cap = (0...s.periods).map { p in
      Swift.min(
        Swift.min(
          settings.pricing.aprCap,
          macro?.path.aprCap[p] ?? settings.pricing.aprCap),
        s.economics.aprCap ?? .infinity)
    }
    self.cap = cap
    nominalCap = s.arms.map { arm in
      guard arm.offer.fees.upfrontShare > 0 else { return cap }
      // A fee takes part of the cap: price the rate so that the IRR over every payment fits
      // (solved once per distinct cap; a path's cap changes in a few months at most).
      var solved: [Double: Double] = [:]
      return cap.map { c in
        if let r = solved[c] { return r }
        let r = EffectiveRate.nominalRate(of: arm.offer, trueAPR: c)
        solved[c] = r
        return r
      }
    }
    self.recording = recording
    recordedMonths = settings.burnInMonths
    ranksByPropensity = s.arms.map { arm in
      guard let m = arm.marketing else { return false }
      return s.channels.indices.contains {
        s.channels[$0].ranksByPropensity
          && (m.channelIntensity[$0] > 0
            || (m.campaignChannelIntensity?[$0] ?? 0) > 0)
      }
    }
  }

  /// How arm `a` decides in `period`, outages included.
  func mode(arm a: Int, period: Int) -> ArmRiskPolicy.Decision {
    let p = policies[a]
    if recording { return .rule }
    if p.decision == .model,
      p.operational.outageMonths?.contains(period) == true
    {
      return .rule
    }
    return p.decision
  }
}
