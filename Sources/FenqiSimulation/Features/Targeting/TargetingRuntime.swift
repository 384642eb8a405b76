import FenqiCore
import FenqiDecision
import FenqiModels
import Foundation

/// How well an uplift score ranks customers, on the evaluation month's randomised log.
public struct UpliftEvaluation: Sendable, Equatable {
  /// The score: `T-learner`, `X-learner`, `propensity` or `random`.
  public var name: String
  /// Qini coefficient on the observed outcomes (incremental bookings per customer).
  public var qiniObserved: Double
  /// Area under the observed Qini curve.
  public var auucObserved: Double
  /// Qini coefficient against the simulator's true effects.
  public var qiniTrue: Double
  /// Area under the true uplift curve.
  public var auucTrue: Double
}

/// An off-policy estimate of a policy's mean reward (bookings per customer) from the pilot's
/// log, beside the truth.
public struct OffPolicyResult: Sendable, Equatable {
  /// The policy evaluated.
  public var policy: String
  /// Inverse propensity scoring on the whole evaluation log.
  public var ips: OffPolicyEstimate
  /// Doubly robust on the whole evaluation log.
  public var doublyRobust: OffPolicyEstimate
  /// The policy's true mean reward on the same customers.
  public var truth: Double
  /// Share of the log's disjoint parts whose 95% IPS interval holds that part's truth.
  public var coverageIPS: Double
  /// The same for the doubly robust interval.
  public var coverageDR: Double
  /// How many parts.
  public var parts: Int
}

/// The targeting layer's record of a run.
public struct TargetingRun: Sendable {
  /// The uplift scores' Qini and AUUC.
  public var uplift: [UpliftEvaluation] = []
  /// The off-policy estimates.
  public var offPolicy: [OffPolicyResult] = []
  /// Logged customer-months used to train (pilot months but the last) and to evaluate.
  public var trainingRows = 0
  /// See ``trainingRows``.
  public var evaluationRows = 0
  /// The budget share the off-policy estimates assume.
  public var evaluationBudget = 0.0
}

/// Runs the targeting policies around the engine's months: the randomised pilot, then the
/// models trained on it, the bandits' learning, and the evaluation against the truth.
struct TargetingRuntime {
  let scenario: Scenario
  let tables: TargetingTables
  var plans: [ArmPlan?]
  var record = TargetingRun()
  var pilotPrincipal = 0.0
  var pilotBookings = 0.0

  init(_ s: Scenario, tables: TargetingTables) {
    scenario = s
    self.tables = tables
    plans = tables.arms.enumerated().map { a, policy in
      policy.map {
        ArmPlan(
          policy: $0, response: nil, action: nil,
          bandit: $0.policy == .bandit
            ? ThompsonSampler(
              contexts: TargetingTables.contexts, offers: tables.offers.count)
            : nil,
          pd: nil, amount: 0,
          // Total paid per yuan over the term, less the yuan.
          interestPerYuan: tables.offers.map {
            Double($0.terms.termMonths) * $0.terms.paymentPerYuan
              - 1
          },
          contactCost: tables.contactCost.map {
            $0 ?? s.arms[a].costPerContact
          },
          lossGivenDefault: s.repayment.lossGivenDefault)
      }
    }
  }

  /// The plan chunks follow in `period`, with each arm's current PD model.
  func period(_ period: Int, pd: [ScoringModel?]) -> TargetingPeriod {
    TargetingPeriod(
      pilot: tables.isPilot(period),
      arms: plans.enumerated().map { a, plan in
        guard var plan else { return nil }
        plan.pd = a < pd.count ? pd[a] : nil
        return plan
      })
  }

  /// After a month: bandits learn from it; at the pilot's end, the models are trained and
  /// evaluated.
  mutating func end(
    period: Int, counts: [ArmPeriodCounts], chunks: inout [ChunkState]
  ) {
    if tables.isPilot(period) {
      for (a, c) in counts.enumerated() where tables.arms[a] != nil {
        pilotPrincipal += c.bookedPrincipal
        pilotBookings += c.bookings
      }
    } else {
      for a in plans.indices {
        guard var bandit = plans[a]?.bandit else { continue }
        let t = counts[a].targeting
        let k = tables.offers.count
        for context in 0..<TargetingTables.contexts {
          for o in 0..<k where context * k + o < t.successes.count {
            bandit.update(
              context: context, offer: o,
              successes: t.successes[context * k + o],
              failures: t.failures[context * k + o])
          }
        }
        plans[a]?.bandit = bandit
      }
    }
    guard period == tables.settings.pilotMonths else { return }
    var log = PilotLog()
    for c in chunks.indices {
      guard let l = chunks[c].targeting?.log else { continue }
      log.append(contentsOf: l)
      chunks[c].targeting?.log = PilotLog()
    }
    train(on: log, evaluationMonth: period)
  }

  /// The log's rows of `months`, as a feature table and with the rows' indices.
  static func table(
    _ log: PilotLog, rows: [Int], actions: Bool, offers: [TargetingOffer]
  )
    -> FeatureTable
  {
    let features = LenderTrainer.table(
      log.rows.selecting(rows), features: LenderFeature.allCases)
    var columns = features.columns
    var names = features.names
    if actions {
      var extra = [[Double]](repeating: [], count: 5)
      var x = [Double](repeating: 0, count: 5)
      for r in rows {
        x.withUnsafeMutableBufferPointer {
          ChunkState.actionFeatures(
            Int(log.action[r]), offers: offers, into: $0.start)
        }
        for k in 0..<5 { extra[k].append(x[k]) }
      }
      columns += extra.map { .numeric($0) }
      names += ChunkState.actionNames
    }
    return FeatureTable(names: names, columns: columns, rowCount: rows.count)
  }

  /// Trains the uplift, propensity and action models on the pilot's months but the last, and
  /// evaluates them on the last.
  mutating func train(on log: PilotLog, evaluationMonth: Int) {
    let offers = tables.settings.offers
    let k = offers.count
    let all = Array(0..<log.action.count)
    let training = all.filter { Int(log.month[$0]) < evaluationMonth }
    let evaluation = all.filter { Int(log.month[$0]) == evaluationMonth }
    record.trainingRows = training.count
    record.evaluationRows = evaluation.count
    var p = GBDTParameters()
    p.trees = 60
    p.maxLeaves = 15
    p.maxDepth = 5
    p.learningRate = 0.1
    p.minDataInLeaf = 200
    p.threads = 2
    // Uplift of contact: treated = contacted (with any of the pilot's offers), control = not.
    let pair = training
    let pairTable = Self.table(log, rows: pair, actions: false, offers: offers)
    let treated = pair.map { log.action[$0] >= 0 }
    let outcomes = pair.map { Double(log.rows.labels[$0]) }
    let t = try? UpliftModel(
      learner: .t, features: pairTable, treated: treated, outcomes: outcomes,
      parameters: p)
    let x = try? UpliftModel(
      learner: .x, features: pairTable, treated: treated, outcomes: outcomes,
      parameters: p)
    let actionModel =
      training.isEmpty
      ? nil
      : try? GBDTTrainer(parameters: p).train(
        features: Self.table(
          log, rows: training, actions: true, offers: offers),
        labels: training.map { Double(log.rows.labels[$0]) }
      ).model
    let scorer = actionModel.map(TreeRowScorer.init(model:))
    let amount = pilotBookings > 0 ? pilotPrincipal / pilotBookings : 0
    for a in plans.indices {
      guard plans[a] != nil else { continue }
      let learner = plans[a]?.policy.learner
      plans[a]?.response = learner == .x ? x : t
      plans[a]?.action = scorer
      plans[a]?.amount = amount
    }
    evaluate(
      log, rows: evaluation, t: t, x: x, action: scorer, offers: offers, k: k)
  }

  /// Qini/AUUC of the scores and off-policy estimates of the contact policies, on the
  /// evaluation month's log, against the truth.
  mutating func evaluate(
    _ log: PilotLog, rows: [Int], t: UpliftModel?, x: UpliftModel?,
    action: TreeRowScorer?, offers: [TargetingOffer], k: Int
  ) {
    guard !rows.isEmpty, let t, let x else { return }
    let width = LenderFeature.count
    var row = [Double](repeating: 0, count: width + 5)
    var bins = [UInt8](repeating: 0, count: width + 5)
    func scores(
      _ f: (UnsafePointer<Double>, UnsafeMutablePointer<UInt8>) -> Double
    )
      -> [Double]
    {
      rows.map { r in
        row.withUnsafeMutableBufferPointer { log.rows.row(r, into: $0.start) }
        return row.withUnsafeBufferPointer { x in
          bins.withUnsafeMutableBufferPointer { f(x.start, $0.start) }
        }
      }
    }
    let tau = scores { t.uplift($0, bins: $1) }
    let tauX = scores { x.uplift($0, bins: $1) }
    let propensity = scores { t.treatedProbability($0, bins: $1) }
    let random = rows.map {
      Double(Mixing.mix64(UInt64($0) &+ scenario.seed) >> 11)
    }
    let truthWidth = k + 1
    func truth(_ r: Int, _ action: Int) -> Double {
      Double(log.truth[r * truthWidth + action + 1])
    }
    // Qini and AUUC: contacted (any offer) against not contacted; the true effect is the first
    // offer's, the one the contact policies make.
    let pair = Array(rows.indices)
    for (name, s) in [
      ("T-learner", tau), ("X-learner", tauX), ("propensity", propensity),
      ("random", random),
    ] {
      let sc = pair.map { s[$0] }
      let observed = QiniCurve.observed(
        scores: sc, treated: pair.map { log.action[rows[$0]] >= 0 },
        outcomes: pair.map { Double(log.rows.labels[rows[$0]]) })
      let real = QiniCurve.truth(
        scores: sc,
        effects: pair.map { truth(rows[$0], 0) - truth(rows[$0], -1) })
      record.uplift.append(
        UpliftEvaluation(
          name: name, qiniObserved: QiniCurve.coefficient(observed),
          auucObserved: QiniCurve.area(observed),
          qiniTrue: QiniCurve.coefficient(real), auucTrue: QiniCurve.area(real))
      )
    }
    // Off-policy: contact the top `budget` share by each score with the first offer.
    let budget = tables.arms.compactMap { $0?.budget }.max() ?? 0.2
    record.evaluationBudget = budget
    let share = tables.settings.pilotContactShare
    let logged = rows.map { Int(log.action[$0]) }
    let propensities = logged.map { $0 < 0 ? 1 - share : share / Double(k) }
    let rewards = rows.map { Double(log.rows.labels[$0]) }
    func model(_ r: Int, _ a: Int) -> Double {
      guard let action else { return 0 }
      row.withUnsafeMutableBufferPointer { log.rows.row(r, into: $0.start) }
      return row.withUnsafeMutableBufferPointer { x in
        ChunkState.actionFeatures(a, offers: offers, into: x.start + width)
        return bins.withUnsafeMutableBufferPointer {
          Logistic.sigmoid(action.margin(x.start, bins: $0.start))
        }
      }
    }
    let modelLogged = rows.indices.map { model(rows[$0], logged[$0]) }
    let parts = Swift.max(1, tables.settings.evaluationParts)
    for (name, s) in [
      ("random", random), ("propensity", propensity), ("uplift T-learner", tau),
      ("uplift X-learner", tauX),
    ] {
      let cut = s.sorted(by: >)[
        Swift.min(s.count - 1, Int(budget * Double(s.count)))]
      let actions = s.map { $0 > cut ? 0 : -1 }
      let matches = rows.indices.map { actions[$0] == logged[$0] }
      let modelNew = rows.indices.map { model(rows[$0], actions[$0]) }
      let truths = rows.indices.map { truth(rows[$0], actions[$0]) }
      func estimates(_ idx: [Int]) -> (
        OffPolicyEstimate, OffPolicyEstimate, Double
      ) {
        let ips = OffPolicyEstimate.inversePropensity(
          rewards: idx.map { rewards[$0] },
          propensities: idx.map { propensities[$0] },
          matches: idx.map { matches[$0] })
        let dr = OffPolicyEstimate.doublyRobust(
          rewards: idx.map { rewards[$0] },
          propensities: idx.map { propensities[$0] },
          matches: idx.map { matches[$0] },
          modelLogged: idx.map { modelLogged[$0] },
          modelNew: idx.map { modelNew[$0] })
        return (ips, dr, idx.reduce(0) { $0 + truths[$1] } / Double(idx.count))
      }
      let (ips, dr, value) = estimates(Array(rows.indices))
      var coveredIPS = 0
      var coveredDR = 0
      for part in 0..<parts {
        let idx = rows.indices.filter { $0 % parts == part }
        guard idx.count > 1 else { continue }
        let (i, d, v) = estimates(idx)
        if i.interval.contains(v) { coveredIPS += 1 }
        if d.interval.contains(v) { coveredDR += 1 }
      }
      record.offPolicy.append(
        OffPolicyResult(
          policy: name, ips: ips, doublyRobust: dr, truth: value,
          coverageIPS: Double(coveredIPS) / Double(parts),
          coverageDR: Double(coveredDR) / Double(parts), parts: parts))
    }
  }
}
