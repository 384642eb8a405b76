import FenqiDecision

/// Watches each arm's applications drift from the training book month by month, and keeps the
/// last model that scored a stable month (for ``DriftSettings/Action/fallBack``).
struct DriftMonitor: Sendable {
  let settings: DriftSettings
  /// The training book's application scores.
  let reference: ScoreHistogram
  /// The training book's applications, feature by feature (nil without a burn-in).
  let features: FeatureStability?
  /// Per arm: the last model whose month was stable.
  var stable: [ScoringModel?]

  init(
    settings: DriftSettings, reference: ScoreHistogram,
    features: FeatureStability?, arms: Int
  ) {
    self.settings = settings
    self.reference = reference
    self.features = features
    stable = .init(repeating: nil, count: arms)
  }

  /// The month's record for arm `a` from its merged histograms and score PSI; remembers `model`
  /// when the month is stable.
  mutating func observe(
    arm a: Int, histograms h: ArmHistograms, psi: Double, model: ScoringModel?
  ) -> DriftRecord {
    var r = DriftRecord()
    r.alarm = settings.level(psi)
    r.calibration = h.truth.calibrationRatio
    if h.book.total > 0 {
      let terms = h.book.stabilityByBand(against: reference)
      if let k = terms.indices.max(by: { terms[$0] < terms[$1] }) {
        r.band = k + 1
      }
    }
    if let reference = features, let current = h.features, current.total > 0 {
      let csi = current.stability(against: reference)
      if let f = csi.indices.max(by: { csi[$0] < csi[$1] }), !csi[f].isNaN {
        r.featureStability = csi[f]
        r.feature = LenderFeature.names[f]
        r.featureAlarm = settings.level(csi[f])
      }
    }
    if r.alarm == .stable, let model { stable[a] = model }
    return r
  }

  /// Whether an `act` alarm holds the arm's re-training back this month.
  func freezes(_ r: DriftRecord) -> Bool {
    r.alarm == .act && settings.action != .none
  }

  /// The model to put back on an `act` alarm under ``DriftSettings/Action/fallBack`` (nil: keep
  /// the current one).
  func fallBack(arm a: Int, _ r: DriftRecord) -> ScoringModel? {
    guard r.alarm == .act, settings.action == .fallBack else { return nil }
    return stable[a]
  }
}
