import FenqiDecision

/// The decision stack's counts for one arm in one period (zero without a risk stack).
///
/// Money in yuan.
public struct RiskCounts: Sendable, Equatable {
  /// Applications by fraudsters.
  public var fraudApplications: Double = 0
  /// Fraudsters' applications the screen declined.
  public var fraudCaught: Double = 0
  /// Fraudsters' loans booked.
  public var fraudMissed: Double = 0
  /// Genuine applications the screen declined.
  public var falsePositives: Double = 0
  /// Principal lent to fraudsters (they never repay).
  public var fraudLoss: Double = 0
  /// Declined: PD above the threshold.
  public var pdDeclines: Double = 0
  /// Declined: no line, or the line would be exceeded.
  public var lineDeclines: Double = 0
  /// Declined: the risk price is above the APR cap.
  public var capDeclines: Double = 0
  /// Declined by the rule (rule arms, or a model outage).
  public var ruleDeclines: Double = 0
  /// Approved offers the customer refused at the offered price.
  public var priceRefusals: Double = 0
  /// Applications the model scored, and the sum of their PDs.
  public var scored: Double = 0
  /// Sum of scored PDs.
  public var pdSum: Double = 0
  /// Sum of the APRs of booked loans.
  public var aprSum: Double = 0
  /// Booked loans per line tier (up to eight tiers).
  public var tiers:
    (Double, Double, Double, Double, Double, Double, Double, Double) =
      (0, 0, 0, 0, 0, 0, 0, 0)
  /// Applications with a mis-keyed income.
  public var dataErrors: Double = 0

  /// Zero counts.
  public init() {}

  /// Adds one booking to tier `k`.
  mutating func addTier(_ k: Int) {
    switch k {
    case 0: tiers.0 += 1
    case 1: tiers.1 += 1
    case 2: tiers.2 += 1
    case 3: tiers.3 += 1
    case 4: tiers.4 += 1
    case 5: tiers.5 += 1
    case 6: tiers.6 += 1
    case 7: tiers.7 += 1
    default: break
    }
  }

  /// The tier counts as an array.
  public var tierCounts: [Double] {
    [tiers.0, tiers.1, tiers.2, tiers.3, tiers.4, tiers.5, tiers.6, tiers.7]
  }

  /// Adds another chunk's counts.
  public mutating func add(_ o: RiskCounts) {
    fraudApplications += o.fraudApplications
    fraudCaught += o.fraudCaught
    fraudMissed += o.fraudMissed
    falsePositives += o.falsePositives
    fraudLoss += o.fraudLoss
    pdDeclines += o.pdDeclines
    lineDeclines += o.lineDeclines
    capDeclines += o.capDeclines
    ruleDeclines += o.ruleDeclines
    priceRefusals += o.priceRefusals
    scored += o.scored
    pdSum += o.pdSum
    aprSum += o.aprSum
    tiers.0 += o.tiers.0
    tiers.1 += o.tiers.1
    tiers.2 += o.tiers.2
    tiers.3 += o.tiers.3
    tiers.4 += o.tiers.4
    tiers.5 += o.tiers.5
    tiers.6 += o.tiers.6
    tiers.7 += o.tiers.7
    dataErrors += o.dataErrors
  }

  /// Equality field by field (tuples are not Equatable).
  public static func == (a: RiskCounts, b: RiskCounts) -> Bool {
    a.fraudApplications == b.fraudApplications && a.fraudCaught == b.fraudCaught
      && a.fraudMissed == b.fraudMissed && a.falsePositives == b.falsePositives
      && a.fraudLoss == b.fraudLoss && a.pdDeclines == b.pdDeclines
      && a.lineDeclines == b.lineDeclines && a.capDeclines == b.capDeclines
      && a.ruleDeclines == b.ruleDeclines && a.priceRefusals == b.priceRefusals
      && a.scored == b.scored && a.pdSum == b.pdSum && a.aprSum == b.aprSum
      && a.tierCounts == b.tierCounts && a.dataErrors == b.dataErrors
  }
}

/// The lender's model monitoring for one arm in one period.
public struct RiskPeriodRecord: Sendable, Equatable {
  /// The PD threshold in force.
  public var threshold: Double
  /// The calibration's simulated loss rate at each confidence level (empty when fixed).
  public var calibratedLoss: [Double]
  /// How the arm decided this period (`model`, `rule` under an outage, `approveAll`).
  public var mode: String
  /// AUC of the PD scores against every applicant's true probability of going bad.
  public var aucTrue: Double
  /// AUC on the booked loans whose outcome matured this period (what the lender can measure).
  public var aucBooked: Double
  /// Population stability of this period's application scores against the training book's.
  public var psi: Double
  /// Whether the models were re-trained at the end of this period.
  public var retrained: Bool
  /// Drift alarms and the action taken.
  public var drift = DriftRecord()
  /// The PD model re-trained at the end of this period, judged against the truth.
  public var refit = RefitRecord()
}

/// One explained decision, for `decisions.csv`.
public struct DecisionRecord: Sendable, Equatable {
  /// Period, 1-based.
  public var period: Int
  /// Arm index.
  public var arm: Int
  /// Global customer index.
  public var customer: Int
  /// The outcome's name.
  public var outcome: String
  /// Anomaly score.
  public var anomaly: Double
  /// PD.
  public var pd: Double
  /// Threshold in force.
  public var threshold: Double
  /// Offered APR (NaN: none).
  public var apr: Double
  /// Amount asked, yuan.
  public var amount: Double
  /// Line, yuan (NaN: none).
  public var line: Double
  /// Top reasons: feature and contribution toward "bad".
  public var reasons: [(String, Double)]

  /// Equality field by field.
  public static func == (a: DecisionRecord, b: DecisionRecord) -> Bool {
    a.period == b.period && a.arm == b.arm && a.customer == b.customer
      && a.outcome == b.outcome && a.pd == b.pd && a.amount == b.amount
      && a.reasons.map(\.0) == b.reasons.map(\.0)
  }
}

/// The risk stack's record of a run.
public struct RiskRun: Sendable {
  /// Per period (index 0 = period 1), per arm.
  public var periods: [[RiskPeriodRecord]] = []
  /// The explained decisions, by period, arm and customer.
  public var decisions: [DecisionRecord] = []
  /// Burn-in: applications, booked loans labelled, their bad rate.
  public var burnInApplications = 0
  /// Booked burn-in loans with a matured outcome.
  public var burnInLabelled = 0
  /// Their bad rate.
  public var burnInBadRate = 0.0
  /// Held-out AUC of the first PD model on the burn-in book.
  public var burnInAUC = 0.0
  /// Seconds spent training and re-training (not part of the results files: it varies).
  public var trainingSeconds = 0.0
  /// Each arm's stack as it decided the window's last month, for serving.
  public var bundle: DecisionBundle?
}
