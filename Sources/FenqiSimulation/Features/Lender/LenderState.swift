import FenqiCore
import FenqiDecision

/// The histograms one arm's decisions fill in a period.
struct ArmHistograms: Sendable {
  /// Scored applications: PD against each applicant's true probability of going bad.
  var truth = ScoreHistogram()
  /// Booked loans that matured this period: PD at decision against the observed outcome.
  var booked = ScoreHistogram()
  /// Scored applications past the fraud screen, with amounts (PSI and calibration).
  var book = ScoreHistogram()
  /// Scored applications feature by feature (drift monitoring; nil until the first).
  var features: FeatureStability?

  mutating func add(_ o: ArmHistograms) {
    truth.add(o.truth)
    booked.add(o.booked)
    book.add(o.book)
    if let f = o.features {
      if features == nil { features = f } else { features?.add(f) }
    }
  }
}

/// What every chunk needs from the run for one period's decisions.
struct LenderPeriod: Sendable {
  /// Per arm (nil: the arm decides by the foundation's rule, outside the stack).
  var stacks: [DecisionStack?]
  /// Per arm: the PD threshold in force.
  var thresholds: [Double]
  /// Per arm: how it decides this period.
  var modes: [ArmRiskPolicy.Decision]
  /// Per arm: the propensity model when a ranking channel uses it.
  var propensity: [ScoringModel?]
  /// The training book's feature deciles with no counts (nil: no drift monitoring by feature).
  var features: FeatureStability? = nil
  /// Whether declined applications are kept for reject inference.
  var keepsRejects = false
  /// Whether the month's scored applications are kept with their truth (a re-training month:
  /// the new model is judged on them).
  var keepsThroughTheDoor = false
}

/// The lender's side of a chunk: its feature ledger, the fraudsters and their devices, rows
/// waiting for outcomes, and this period's monitoring histograms and explained decisions.
struct LenderState: Sendable {
  var ledger: FeatureLedger
  /// 0 genuine, 1 lone fraudster, 2 ring member.
  var fraud: [UInt8]
  /// Applicants seen on each customer's device.
  var device: [UInt8]
  var row: [Double]
  var scratch = ScoringModel.Scratch()
  var pending: [PendingRows]
  var matured: [TrainingRows]
  var propensityRows: [TrainingRows]
  /// Per arm: applications the PD declined since the last re-training (reject inference).
  var rejected: [TrainingRows]
  /// Per arm, in a re-training month: every scored application, label = its true probability
  /// of going bad.
  var throughTheDoor: [TrainingRows]
  /// Every application of the recorded burn-in months (burn-in only).
  var applicationRows = TrainingRows()
  var histograms: [ArmHistograms]
  var decisions: [DecisionRecord] = []
  var propensity: [Float] = []

  init(
    count n: Int, firstIndex: Int, arms: Int, seed: UInt64,
    fraud s: FraudSettings
  ) {
    ledger = FeatureLedger(count: n)
    fraud = .init(repeating: 0, count: n)
    device = .init(repeating: 1, count: n)
    let family = StreamFamily(seed: seed, period: 0, purpose: .fraudIdentity)
    for i in 0..<n {
      let stream = family.stream(for: UInt64(firstIndex + i))
      if stream.uniform(at: 0) < s.share {
        let ring = stream.uniform(at: 1) < s.ringShare
        fraud[i] = ring ? 2 : 1
        device[i] = ring ? UInt8(Swift.min(255, s.ringSize)) : 1
      } else if stream.uniform(at: 2) < 0.03 {
        device[i] = 2  // a shared family phone
      }
    }
    row = .init(repeating: 0, count: LenderFeature.count)
    pending = .init(repeating: PendingRows(), count: arms)
    matured = .init(repeating: TrainingRows(), count: arms)
    propensityRows = matured
    rejected = matured
    throughTheDoor = matured
    histograms = .init(repeating: ArmHistograms(), count: arms)
  }

  /// Bytes per customer.
  static let bytesPerCustomer = FeatureLedger.bytesPerCustomer + 5 + 2
}
