import FenqiCore
import FenqiDecision
import FenqiModels

/// The randomised pilot's log: each logged customer-month's features, the action taken (−1: not
/// contacted, k: offer k), the outcome, and the simulator's truth for every action.
struct PilotLog: Sendable {
  /// Features (``LenderFeature`` rows, application fields missing); label = booked.
  var rows = TrainingRows()
  var action: [Int8] = []
  var month: [UInt8] = []
  var arm: [UInt8] = []
  /// K + 1 per row: the true probability of booking if not contacted, then with each offer.
  var truth: [Float] = []

  /// Bytes per logged customer-month with `offers` offers: the features, label and score, the
  /// action, month and arm, and the K + 1 truths.
  static func bytesPerRow(offers: Int) -> Int {
    LenderFeature.count * 4 + 4 + 4 + 1 + 1 + 1 + (offers + 1) * 4
  }

  mutating func append(contentsOf o: PilotLog) {
    rows.append(contentsOf: o.rows)
    action += o.action
    month += o.month
    arm += o.arm
    truth += o.truth
  }
}

/// One arm's plan for a month: its policy and the models it needs.
struct ArmPlan: Sendable {
  var policy: ArmTargeting
  /// μ̂₁: the probability of booking when contacted with the first offer.
  var response: UpliftModel?
  /// The action model: features, then (contacted, annual rate, interest-free months, term,
  /// discount) → booking probability.
  var action: TreeRowScorer?
  var bandit: ThompsonSampler?
  var pd: ScoringModel?
  /// The lender's expected order value, yuan.
  var amount: Double
  /// Per offer: interest and fees the lender earns per yuan lent when every instalment is paid.
  var interestPerYuan: [Double]
  /// Per offer: the cost of a contact, yuan.
  var contactCost: [Double]
  var lossGivenDefault: Double
}

/// What every chunk needs from the run to plan a month's contacts.
struct TargetingPeriod: Sendable {
  var pilot: Bool
  /// Per arm (nil: not a targeting arm).
  var arms: [ArmPlan?]
}

/// A chunk's targeting columns.
struct TargetingState: Sendable {
  /// Per customer this month: the offer to make, or −1 for no contact.
  var plan: [Int8]
  var priority: [Float]
  var chosen: [Bool]
  var log = PilotLog()
  /// Per customer this month: its row in the log, or −1.
  var logRow: [Int32]
  var truth: [Double]
  var extended: [Double]
  var pdRow: [Double]
  var bins: [UInt8]

  init(count n: Int, offers: Int) {
    plan = .init(repeating: -1, count: n)
    priority = .init(repeating: -1, count: n)
    chosen = .init(repeating: false, count: n)
    logRow = .init(repeating: -1, count: n)
    truth = .init(repeating: 0, count: offers + 1)
    extended = .init(repeating: 0, count: LenderFeature.count + 5)
    pdRow = .init(repeating: 0, count: LenderFeature.count)
    bins = .init(repeating: 0, count: LenderFeature.count + 5)
  }
}
