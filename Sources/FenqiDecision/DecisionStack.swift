import FenqiCore

/// One arm's decision engine for a month: fraud screen, PD against the threshold, credit line,
/// risk-based price.
///
/// Read-only while the month runs; the engine re-trains and re-calibrates
/// between months.
public struct DecisionStack: Sendable {
  /// The fraud screen; nil when the arm runs without one.
  public var fraud: FraudScreen?
  /// The PD model (nil before the first one is trained: the burn-in decides by rule).
  public var pd: ScoringModel?
  /// Credit lines; nil: none.
  public var lines: CreditLinePolicy?
  /// Pricing; nil: the arm's offer rate.
  public var pricing: RiskBasedPricing?
  /// The rule the stack falls back to (and the `rule` decision uses).
  public var rule: RuleFallback
  /// The book's average PD, used to price when no model scores.
  public var averagePD: Double

  /// Creates a stack.
  public init(
    fraud: FraudScreen?, pd: ScoringModel?, lines: CreditLinePolicy?,
    pricing: RiskBasedPricing?, rule: RuleFallback, averagePD: Double
  ) {
    self.fraud = fraud
    self.pd = pd
    self.lines = lines
    self.pricing = pricing
    self.rule = rule
    self.averagePD = averagePD
  }

  /// The foundation's approval rule over observable fields.
  public struct RuleFallback: Sendable, Equatable {
    /// Lowest bureau score approved.
    public var minimumScore: Double
    /// Most loans open with the lender.
    public var maxOpenLoans: Double
    /// Most debt service ÷ income after the new instalment (nil: no limit).
    public var maxDebtToIncome: Double?

    /// Creates a rule.
    public init(
      minimumScore: Double, maxOpenLoans: Double, maxDebtToIncome: Double?
    ) {
      self.minimumScore = minimumScore
      self.maxOpenLoans = maxOpenLoans
      self.maxDebtToIncome = maxDebtToIncome
    }

    /// Whether the rule approves a feature row.
    @inline(__always)
    func approves(_ row: UnsafePointer<Double>) -> Bool {
      typealias F = LenderFeature
      let burden = row[F.instalmentToIncome.rawValue]
      return row[F.bureauScore.rawValue] >= minimumScore
        && row[F.openLoans.rawValue] < maxOpenLoans
        && (maxDebtToIncome.map { row[F.debtToIncome.rawValue] + burden <= $0 }
          ?? true)
    }
  }

  /// What the stack decided.
  public enum Outcome: UInt8, Sendable, CaseIterable {
    case approved, fraudDecline, riskDecline, lineDecline, capDecline,
      ruleDecline

    /// The name in `decisions.csv`.
    public var name: String {
      switch self {
      case .approved: "approved"
      case .fraudDecline: "declined_fraud"
      case .riskDecline: "declined_pd"
      case .lineDecline: "declined_line"
      case .capDecline: "declined_cap"
      case .ruleDecline: "declined_rule"
      }
    }
  }

  /// One application's decision and everything that went into it.
  public struct Decision: Sendable {
    /// The outcome.
    public var outcome = Outcome.approved
    /// The fraud screen's verdict.
    public var fraudVerdict = FraudScreen.Verdict.pass
    /// The anomaly score (0 when not screened).
    public var anomaly = 0.0
    /// The PD over the outcome window (the book average when no model scored).
    public var pd = 0.0
    /// Whether the model scored (false under the rule or approve-all).
    public var scored = false
    /// The offered APR, a fraction (nil: the arm's offer rate).
    public var apr: Double? = nil
    /// The line tier, 0-based (−1: no line policy).
    public var tier = -1
    /// The credit line, yuan (infinite without a policy).
    public var line = Double.infinity

    /// An empty decision.
    public init() {}
  }

  /// Decides one application.
  ///
  /// - Parameters:
  ///   - row: its feature row (``LenderFeature`` order).
  ///   - balance: what the applicant already owes the lender, yuan.
  ///   - mode: how this arm decides this month.
  ///   - threshold: the PD threshold in force.
  ///   - fundingRate: the annual funding rate, a fraction.
  ///   - cap: the APR cap in force, a fraction.
  ///   - scratch: the thread's scratch space.
  /// - Returns: the decision.
  @inline(__always)
  public func decide(
    _ row: UnsafePointer<Double>, balance: Double, mode: ArmRiskPolicy.Decision,
    threshold: Double, fundingRate: Double, cap: Double,
    scratch: inout ScoringModel.Scratch
  ) -> Decision {
    var d = Decision()
    d.pd = averagePD
    if let fraud {
      let (verdict, anomaly) = scratch.points.withUnsafeMutableBufferPointer {
        fraud.screen(row, scratch: $0.start)
      }
      d.fraudVerdict = verdict
      d.anomaly = anomaly
      if verdict != .pass {
        d.outcome = .fraudDecline
        return d
      }
    }
    switch pd == nil ? .rule : mode {
    case .model:
      d.pd = pd?.probability(row, scratch: &scratch) ?? averagePD
      d.scored = true
      if d.pd > threshold {
        d.outcome = .riskDecline
        return d
      }
    case .rule:
      if !rule.approves(row) {
        d.outcome = .ruleDecline
        return d
      }
    case .approveAll: break
    }
    if mode == .model, let lines {
      guard let (tier, line) = lines.line(row) else {
        d.outcome = .lineDecline
        return d
      }
      d.tier = tier
      d.line = line
      if balance + row[LenderFeature.requestedAmount.rawValue] > line {
        d.outcome = .lineDecline
        return d
      }
    }
    // Only a scored applicant gets a risk price; the rule and approve-all lend at the offer.
    if let pricing, d.scored {
      guard
        let rate = pricing.rate(pd: d.pd, fundingRate: fundingRate, cap: cap)
      else {
        d.outcome = .capDecline
        return d
      }
      d.apr = rate
    }
    return d
  }
}
