import FenqiCore
import FenqiDecision

/// The risk stack's settings flattened for the customer loop.
final class RiskTables: Sendable {
  let settings: RiskStackSettings
  /// Per arm.
  let policies: [ArmRiskPolicy]
  let rules: [DecisionStack.RuleFallback]
  /// Per period (index = period): the annual funding rate and the APR cap in force.
  let fundingRate: [Double]
  let cap: [Double]
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
    cap = (0...s.periods).map { p in
      Swift.min(
        settings.pricing.aprCap,
        macro?.path.aprCap[p] ?? settings.pricing.aprCap)
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
