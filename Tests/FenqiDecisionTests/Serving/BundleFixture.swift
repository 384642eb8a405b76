import FenqiCore
import FenqiDecision
import FenqiModels
import Foundation

/// A small lender trained on synthetic applicants: a GBDT PD model, an isolation forest, AHP
/// lines and pricing, in a bundle of two arms (a model arm and a rule arm).
enum BundleFixture {
  /// Request field values (``RequestField/all`` order) of synthetic applicant `i`.
  static func applicant(_ i: Int, seed: UInt64 = 7, shift: Double = 0)
    -> [Double]
  {
    var s = StreamFamily(seed: seed, period: 0, purpose: .modelRowSample)
      .stream(for: UInt64(i))
    func u() -> Double { s.uniform() }
    func count(_ mean: Double) -> Double {
      (-log(1 - u()) * mean).rounded(.down)
    }
    let income = (3000 + 12000 * u() * u()).rounded()
    let amount = (500 + 9000 * u()).rounded()
    let term = [3.0, 6, 12, 24][Int(u() * 4)]
    return [
      income, (450 + 300 * u() + shift * 150).rounded(), 0.6 * u(),
      (200 * u()).rounded(),
      count(0.3), (20 + 45 * u()).rounded(), Double(Int(u() * 5)), amount, term,
      (amount / term * 1.05).rounded(), count(1.2 + shift * 3),
      u() < 0.03 ? 4 : 1,
      count(0.4), count(0.3), count(0.6), count(1), count(0.3),
      (2000 * u()).rounded(),
      count(1), count(0.2), count(0.4), u() < 0.5 ? 99 : (12 * u()).rounded(),
      u() < 0.7 ? 99 : (12 * u()).rounded(), u(), (30 * u()).rounded(), 0,
    ]
  }

  /// The feature row of request values, each column written out here (independently of the
  /// service) from the definitions.
  static func row(_ v: [Double]) -> [Double] {
    typealias F = LenderFeature
    var r = [Double](repeating: 0, count: F.count)
    let income = max(v[0], 1)
    let direct: [(F, Int)] = [
      (.declaredIncome, 0), (.bureauScore, 1), (.debtToIncome, 2),
      (.creditHistoryMonths, 3),
      (.priorDelinquencies, 4), (.age, 5), (.cityTier, 6),
      (.requestedAmount, 7),
      (.termMonths, 8), (.externalApplications3m, 10), (.deviceApplicants, 11),
      (.openLoans, 12), (.applications1m, 13), (.applications3m, 14),
      (.applications6m, 15),
      (.bookings6m, 16), (.bookedPrincipal6m, 17), (.contacts3m, 18),
      (.missedPayments3m, 19), (.missedPayments6m, 20),
      (.monthsSinceLastBooking, 21),
      (.monthsSinceLastMiss, 22), (.lineUtilisation, 23), (.tenureMonths, 24),
    ]
    for (f, k) in direct { r[f.rawValue] = v[k] }
    r[F.instalmentToIncome.rawValue] = v[9] / income
    r[F.burdenTimesTerm.rawValue] = v[9] / income * v[8]
    r[F.applicationTrend.rawValue] = v[13] - v[15] / 6
    return r
  }

  /// A request body for values `v`.
  static func body(_ v: [Double], extra: [(String, JSONValue)] = []) -> [UInt8]
  {
    let members =
      zip(RequestField.names, v).map { ($0, JSONValue.number($1)) } + extra
    return Array(
      JSONWriter.compact(.object(members.map { (key: $0.0, value: $0.1) })).utf8
    )
  }

  /// Labelled training rows: bad more likely with a low score, high burden, many applications.
  static func rows(_ n: Int) -> TrainingRows {
    var rows = TrainingRows()
    for i in 0..<n {
      let v = applicant(i)
      let r = row(v)
      let margin =
        -2.2 - (v[1] - 600) / 60 + 3
        * r[LenderFeature.instalmentToIncome.rawValue]
        + 0.5 * v[10] + 0.8 * v[19]
      var s = StreamFamily(seed: 99, period: 0, purpose: .modelRowSample)
        .stream(for: UInt64(i))
      let bad = s.uniform() < 1 / (1 + exp(-margin)) ? 1.0 : 0
      r.withUnsafeBufferPointer {
        rows.append($0.start, label: bad, score: .nan)
      }
    }
    return rows
  }

  static let trained: DecisionBundle = {
    let training = rows(4000)
    var p = GBDTParameters()
    p.trees = 15
    p.maxLeaves = 8
    p.minDataInLeaf = 40
    p.threads = 1
    let trainer = LenderTrainer(parameters: p, retrainTrees: 5)
    let pd = trainer.fit(
      training, kind: .gbdt, features: LenderFeature.allCases)
    var x: [Double] = []
    var cell = [Double](repeating: 0, count: FraudScreen.anomalyFeatures.count)
    for r in 0..<1000 {
      var row = [Double](repeating: 0, count: LenderFeature.count)
      row.withUnsafeMutableBufferPointer { rp in
        training.row(r, into: rp.start)
        cell.withUnsafeMutableBufferPointer {
          FraudScreen.anomalyInputs(rp.start, into: $0.start)
        }
      }
      x += cell
    }
    let forest = IsolationForest(
      x: x, width: FraudScreen.anomalyFeatures.count, trees: 30,
      sampleSize: 128, seed: 3)
    guard
      let hierarchy = try? AnalyticHierarchy(matrix: [
        [1, 3, 5], [1.0 / 3, 1, 2], [0.2, 0.5, 1],
      ])
    else { preconditionFailure("a consistent AHP matrix") }
    let lines = CreditLinePolicy(
      criteria: [.creditScore, .income, .debtRatio],
      hierarchy: hierarchy,
      tiers: [
        .init(minimumScore: 0.3, line: 3000),
        .init(minimumScore: 0.55, line: 8000),
      ])
    let rule = DecisionStack.RuleFallback(
      minimumScore: 580, maxOpenLoans: 2, maxDebtToIncome: 0.5)
    let settings = RiskStackSettings()
    func arm(_ name: String, _ mode: ArmRiskPolicy.Decision)
      -> DecisionBundle.Arm
    {
      DecisionBundle.Arm(
        name: name, mode: mode, threshold: 0.12, fundingRate: 0.035, cap: 0.24,
        rule: rule, averagePD: 0.1, pd: pd, propensity: nil, fraudScreen: true,
        riskBasedPricing: true,
        scores: DecisionBundle.scoreDistribution(pd, rows: training))
    }
    return DecisionBundle(
      version: "fixture-v1",
      fraud: FraudScreen(
        rules: settings.fraud.rules, forest: forest, anomalyThreshold: 0.62),
      pricing: settings.pricing, creditLines: lines,
      features: DecisionBundle.distributions(of: training),
      arms: [arm("champion", .model), arm("challenger", .rule)], reasonCount: 3)
  }()

  /// The bundle written out and read back, as a server loads it.
  static let loaded: DecisionBundle = {
    guard let b = try? DecisionBundle(text: trained.text) else {
      preconditionFailure("the fixture bundle reads back")
    }
    return b
  }()

  /// Parses a reply body.
  static func json(_ bytes: [UInt8]) -> JSONValue {
    (try? JSONParser.parse(String(decoding: bytes, as: UTF8.self))) ?? .null
  }
}
