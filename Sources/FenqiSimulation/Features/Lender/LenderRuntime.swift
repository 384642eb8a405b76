import FenqiCore
import FenqiDecision
import FenqiModels
import Foundation

/// The lender's first models, trained on a burn-in "historical book" the simulator generates.
public struct LenderModels: Sendable {
  /// The PD model.
  var pd: ScoringModel
  /// The propensity model (nil when the burn-in had one class only).
  var propensity: ScoringModel?
  /// The anomaly forest of the fraud screen.
  var forest: IsolationForest?
  /// The burn-in applications' PD distribution (PSI reference, first calibration book).
  var reference: ScoreHistogram
  /// The burn-in book's bad rate.
  var averagePD: Double
  /// What the burn-in produced, for the report.
  var record: RiskRun
  /// The burn-in's application rows (the latency benchmark replays them).
  var applications: TrainingRows
  /// The burn-in applications' feature deciles (the CSI reference).
  var features: FeatureStability? = nil
}

/// Runs the decision stack around the engine's periods: calibrates each arm's threshold before
/// a month, gathers the chunks' histograms and decisions after it, and re-trains on schedule.
struct LenderRuntime {
  let scenario: Scenario
  let risk: RiskTables
  let trainer: LenderTrainer
  var pd: [ScoringModel?]
  var propensity: [ScoringModel?]
  let forest: IsolationForest?
  let reference: ScoreHistogram
  let averagePD: Double
  /// Per arm: the most recent month's scored applications with amounts.
  var book: [ScoreHistogram]
  var current: LenderPeriod
  var calibrated: [[Double]]
  var record: RiskRun
  /// Re-training since the last one: per arm PD rows and propensity rows.
  var trainingSeconds = 0.0
  /// Drift alarms against the training book.
  var drift: DriftMonitor
  /// The burn-in's application rows: the training distribution a bundle carries.
  let applications: TrainingRows
  /// The window's last month so far and its stacks (what the decision bundle serves).
  var lastMonth: (period: Int, stacks: LenderPeriod)?

  /// Trains the first models on a burn-in run of the scenario's population.
  static func bootstrap(
    _ s: Scenario, settings: RiskStackSettings, threads: Int
  )
    -> LenderModels
  {
    let clock = ContinuousClock()
    let started = clock.now
    var h = s
    h.name = s.name + " burn-in"
    h.seed = Mixing.mix64(s.seed ^ 0xB0B1_B0B1)
    h.population.size = settings.burnInCustomers
    h.periods = settings.burnInMonths + settings.outcomeMonths
    h.runOffMonths = 0
    h.horizon = nil
    var arm = s.arms[0]
    arm.allocation = 1
    arm.contact = .generic
    if arm.reachRate == 0 { arm.reachRate = 0.3 }
    arm.risk = ArmRiskPolicy()
    arm.risk?.decision = .rule
    arm.risk?.fraudScreen = false
    arm.risk?.riskBasedPricing = false
    h.arms = [arm]
    h.channels = []
    h.macro = nil
    h.experiment = nil
    h.targeting = nil
    let engine = SimulationEngine(scenario: h, threads: threads, mode: .burnIn)
    let (_, chunks) = engine.simulate(engine.prepare())
    var labelled = TrainingRows()
    var applications = TrainingRows()
    var propensityRows = TrainingRows()
    for c in chunks {
      guard let l = c.lender else { continue }
      labelled.append(contentsOf: l.matured[0])
      applications.append(contentsOf: l.applicationRows)
      propensityRows.append(contentsOf: l.propensityRows[0])
    }
    let trainer = LenderTrainer(
      parameters: settings.modelParameters, retrainTrees: settings.retrainTrees)
    // Hold a quarter out to measure the first model; the model itself learns from the rest.
    let all = Array(0..<labelled.count)
    let fit = labelled.selecting(all.filter { $0 % 4 != 3 })
    let holdout = labelled.selecting(all.filter { $0 % 4 == 3 })
    // A burn-in book with a single outcome class (or none) teaches nothing: the lender starts
    // from its smoothed bad rate and learns once re-training sees both classes.
    let pd =
      trainer.fit(fit, kind: settings.pdModel, features: LenderFeature.allCases)
      ?? trainer.fitOrUninformed(
        labelled, kind: settings.pdModel, features: LenderFeature.allCases)
    var scratch = ScoringModel.Scratch()
    var row = [Double](repeating: 0, count: LenderFeature.count)
    func scores(_ rows: TrainingRows) -> [Double] {
      (0..<rows.count).map { r in
        row.withUnsafeMutableBufferPointer {
          rows.row(r, into: $0.start)
          return pd.probability($0.start, scratch: &scratch)
        }
      }
    }
    let held = scores(holdout)
    var run = RiskRun()
    run.burnInApplications = applications.count
    run.burnInLabelled = labelled.count
    run.burnInBadRate =
      Double(labelled.labels.reduce(0, +))
      / Double(Swift.max(1, labelled.count))
    run.burnInAUC = RankMetrics.auc(
      scores: held, labels: holdout.labels.map(Double.init))
    var reference = ScoreHistogram()
    for (r, p) in scores(applications).enumerated() {
      reference.add(
        score: p, bad: 0,
        amount: Double(
          applications.values[
            r * LenderFeature.count + LenderFeature.requestedAmount.rawValue]))
    }
    let knownBefore = LenderFeature.allCases.filter(\.isKnownBeforeApplying)
    let propensity = trainer.fit(
      propensityRows, kind: settings.propensityModel, features: knownBefore)
    // The forest learns what ordinary applications look like, from a spread of at most 20,000.
    let inputs = FraudScreen.anomalyFeatures.count
    var x: [Double] = []
    let stride = Swift.max(1, applications.count / 20_000)
    var r = 0
    var cell = [Double](repeating: 0, count: inputs)
    while r < applications.count {
      row.withUnsafeMutableBufferPointer { rp in
        applications.row(r, into: rp.start)
        cell.withUnsafeMutableBufferPointer {
          FraudScreen.anomalyInputs(rp.start, into: $0.start)
        }
      }
      x += cell
      r += stride
    }
    let forest =
      x.isEmpty
      ? nil
      : IsolationForest(
        x: x, width: inputs, trees: settings.fraud.forestTrees, sampleSize: 256,
        seed: s.seed)
    run.trainingSeconds = (clock.now - started).seconds
    return LenderModels(
      pd: pd, propensity: propensity, forest: forest, reference: reference,
      averagePD: run.burnInBadRate, record: run, applications: applications,
      features: applications.count > 0
        ? FeatureStability(reference: applications) : nil)
  }

  init(_ s: Scenario, tables: EngineTables, models: LenderModels?) {
    scenario = s
    guard let risk = tables.risk else {
      preconditionFailure("a lender runtime needs a risk stack")
    }
    self.risk = risk
    trainer = LenderTrainer(
      parameters: risk.settings.modelParameters,
      retrainTrees: risk.settings.retrainTrees)
    let arms = s.arms.count
    pd = .init(repeating: models?.pd, count: arms)
    propensity = (0..<arms).map {
      risk.ranksByPropensity[$0] ? models?.propensity : nil
    }
    forest = models?.forest
    applications = models?.applications ?? TrainingRows()
    reference = models?.reference ?? ScoreHistogram()
    averagePD = models?.averagePD ?? 0
    book = .init(repeating: reference, count: arms)
    record = models?.record ?? RiskRun()
    trainingSeconds = record.trainingSeconds
    calibrated = .init(repeating: [], count: arms)
    current = LenderPeriod(
      stacks: [], thresholds: [], modes: [], propensity: [])
    drift = DriftMonitor(
      settings: risk.settings.drift, reference: reference,
      features: models?.features, arms: arms)
  }

  /// Sets up ``current`` for `period`: each arm's stack, mode and calibrated threshold.
  mutating func begin(period: Int) {
    let s = risk.settings
    var stacks: [DecisionStack?] = []
    var thresholds: [Double] = []
    var modes: [ArmRiskPolicy.Decision] = []
    for a in scenario.arms.indices {
      let policy = risk.policies[a]
      let screen =
        policy.fraudScreen && !risk.recording
        ? FraudScreen(
          rules: s.fraud.rules, forest: forest,
          anomalyThreshold: s.fraud.anomalyThreshold) : nil
      stacks.append(
        DecisionStack(
          fraud: screen, pd: pd[a], lines: s.creditLines,
          pricing: policy.riskBasedPricing ? s.pricing : nil,
          rule: risk.rules[a], averagePD: averagePD))
      modes.append(risk.mode(arm: a, period: period))
      var threshold = policy.fixedThreshold
      calibrated[a] = []
      if let appetite = policy.riskAppetite, !risk.recording {
        let calibrator = ThresholdCalibrator(
          confidence: s.confidence, appetite: appetite,
          rho: s.assetCorrelation,
          lossGivenDefault: s.pricing.lossGivenDefault,
          draws: s.calibrationDraws)
        if let choice = calibrator.calibrate(
          book: book[a], seed: scenario.seed, period: period)
        {
          threshold = choice.threshold
          calibrated[a] = choice.lossRate
        }
      }
      if policy.operational.misconfiguredMonths?.contains(period) == true {
        threshold = policy.operational.misconfiguredThreshold
      }
      thresholds.append(threshold)
    }
    current = LenderPeriod(
      stacks: stacks, thresholds: thresholds, modes: modes,
      propensity: propensity, features: drift.features?.emptied,
      keepsRejects: s.rejectInference.method != .none && !risk.recording,
      keepsThroughTheDoor: retrains(after: period))
    if period <= scenario.window { lastMonth = (period, current) }
  }

  /// Gathers the chunks' month in chunk order: monitoring, the next calibration book, the
  /// explained decisions; re-trains on schedule.
  mutating func end(period: Int, chunks: inout [ChunkState]) {
    let arms = scenario.arms.count
    var merged = [ArmHistograms](repeating: ArmHistograms(), count: arms)
    for c in chunks {
      guard let l = c.lender else { continue }
      for a in 0..<arms { merged[a].add(l.histograms[a]) }
      record.decisions += l.decisions
    }
    let retrain = retrains(after: period)
    var row: [RiskPeriodRecord] = []
    var frozen = [Bool](repeating: false, count: arms)
    for a in 0..<arms {
      if merged[a].book.total > 0 { book[a] = merged[a].book }
      let psi =
        merged[a].book.total > 0
        ? merged[a].book.stability(against: reference) : .nan
      let watched = monitor(
        arm: a, histograms: merged[a], psi: psi, retrain: retrain)
      frozen[a] = watched.frozen
      row.append(
        RiskPeriodRecord(
          threshold: current.modes[a] == .model ? current.thresholds[a] : .nan,
          calibratedLoss: current.modes[a] == .model ? calibrated[a] : [],
          mode: current.modes[a].rawValue, aucTrue: merged[a].truth.auc,
          aucBooked: merged[a].booked.auc, psi: psi,
          retrained: retrain && risk.policies[a].decision == .model
            && !frozen[a], drift: watched.record))
    }
    record.periods.append(row)
    guard retrain else { return }
    let clock = ContinuousClock()
    let started = clock.now
    let knownBefore = LenderFeature.allCases.filter(\.isKnownBeforeApplying)
    for a in 0..<arms {
      var rows = TrainingRows()
      var responses = TrainingRows()
      var rejected = TrainingRows()
      for c in chunks.indices {
        guard chunks[c].lender != nil else { continue }
        rows.append(contentsOf: chunks[c].lender?.matured[a] ?? TrainingRows())
        responses.append(
          contentsOf: chunks[c].lender?.propensityRows[a] ?? TrainingRows())
        rejected.append(
          contentsOf: chunks[c].lender?.rejected[a] ?? TrainingRows())
        chunks[c].lender?.matured[a].removeAll()
        chunks[c].lender?.propensityRows[a].removeAll()
        chunks[c].lender?.rejected[a].removeAll()
      }
      // Selection bias is real: only loans this arm booked have outcomes to learn from, unless
      // reject inference adds the declined with inferred outcomes.
      if risk.policies[a].decision == .model, let model = pd[a], !frozen[a],
        rows.count >= 200
      {
        pd[a] = refit(
          model, arm: a, booked: rows, rejected: rejected, period: period,
          chunks: &chunks)
      }
      if let model = propensity[a], responses.count >= 200 {
        propensity[a] = trainer.retrain(
          model, on: responses, features: knownBefore)
      }
    }
    trainingSeconds += (clock.now - started).seconds
  }
}

extension SimulationEngine.Prepared {
  /// What the decision-latency benchmark needs (the scenario this was prepared from): the first
  /// model arm's stack as it decides in month 1,
  /// its threshold, the propensity model and the burn-in's application rows (nil without a risk
  /// stack).
  public func decisionBenchmark(scenario: Scenario) -> (
    stack: DecisionStack, threshold: Double, fundingRate: Double, cap: Double,
    propensity: ScoringModel?, rows: TrainingRows
  )? {
    guard let lender, let risk = tables.risk else { return nil }
    var runtime = LenderRuntime(scenario, tables: tables, models: lender)
    runtime.begin(period: 1)
    let a = risk.policies.firstIndex { $0.decision == .model } ?? 0
    guard let stack = runtime.current.stacks[a] else { return nil }
    return (
      stack, runtime.current.thresholds[a], risk.fundingRate[1], risk.cap[1],
      lender.propensity, lender.applications
    )
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
