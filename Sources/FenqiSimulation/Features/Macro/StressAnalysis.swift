import FenqiCore
import FenqiRisk

/// What a CRO reads beside the loss distribution: the weighted scenario set, the lender's
/// forward-looking ECL against the true one, IRB and economic capital, and the loss attributed
/// to each shock — all from deterministic mean-path runs of the scenario.
public struct StressAnalysis: Sendable {
  /// A member of the scenario set and its mean-path run.
  public struct ScenarioRun: Sendable {
    /// The member.
    public var member: WeightedScenarioSet.Member
    /// Its run.
    public var run: RunResult
  }

  /// One arm's provision at one window month (yuan).
  public struct Provision: Sendable, Equatable {
    /// The window month (the reporting date is its end).
    public var period: Int
    /// The lender's probability-weighted, forward-looking ECL.
    public var lender: ForwardECL
    /// The lender's point-in-time ECL (today's conditions held flat).
    public var pointInTime: Double
    /// The true ECL: every loan's own probabilities on the mean path (the engine's oracle).
    public var truth: Double
  }

  /// One arm's capital at the window's start (yuan).
  public struct Capital: Sendable, Equatable {
    /// Performing exposure at default.
    public var exposure: Double
    /// The lender's 12-month PD of a current balance, flat conditions.
    public var pd: Double
    /// Downturn LGD.
    public var lossGivenDefault: Double
    /// The other-retail correlation at `pd`.
    public var correlation: Double
    /// Basel IRB capital K × EAD.
    public var regulatory: Double
    /// Economic capital: the simulated 99.9% loss less the expected loss.
    public var economic: Double
  }

  /// The scenario set's runs, in member order.
  public var scenarioSet: [ScenarioRun]
  /// Per arm, the shocks' loss attribution (mean path).
  public var attribution: [LossAttribution]
  /// Per arm, provisions by window month from month 2.
  public var provisions: [[Provision]]
  /// Per arm, capital.
  public var capital: [Capital]
  /// Per arm, the downturn LGD: 1 − recoveries ÷ charged-off principal on the mean path of the
  /// scenario set's most severe member.
  public var downturnLGD: [Double]
}
