import FenqiCore
import FenqiDecision
import Foundation

extension DecisionLatency {
  /// Request bodies for `rows` (at most `limit`): the application's fields as a client sends
  /// them, the instalment recovered from instalment ÷ income.
  static func requestBodies(_ rows: TrainingRows, limit: Int) -> [[UInt8]] {
    typealias F = LenderFeature
    let history: [F] = [
      .applications1m, .applications3m, .applications6m, .bookings6m,
      .bookedPrincipal6m,
      .contacts3m, .missedPayments3m, .missedPayments6m,
      .monthsSinceLastBooking,
      .monthsSinceLastMiss, .lineUtilisation, .tenureMonths,
    ]
    var row = [Double](repeating: 0, count: F.count)
    return (0..<min(limit, rows.count)).map { r in
      row.withUnsafeMutableBufferPointer { rows.row(r, into: $0.start) }
      func v(_ f: F) -> Double { row[f.rawValue] }
      let form: [(String, Double)] = [
        ("declaredIncome", v(.declaredIncome)),
        ("bureauScore", v(.bureauScore)),
        ("debtToIncome", v(.debtToIncome)),
        ("creditHistoryMonths", v(.creditHistoryMonths)),
        ("priorDelinquencies", v(.priorDelinquencies)), ("age", v(.age)),
        ("cityTier", v(.cityTier)), ("requestedAmount", v(.requestedAmount)),
        ("termMonths", v(.termMonths)),
        ("instalment", v(.instalmentToIncome) * max(v(.declaredIncome), 1)),
        ("externalApplications", v(.externalApplications3m)),
        ("deviceApplicants", v(.deviceApplicants)),
        ("openLoans", v(.openLoans)),
      ]
      let members =
        (form + history.map { (F.names[$0.rawValue], v($0)) })
        .map { (key: $0.0, value: JSONValue.number($0.1)) }
        + [(key: "applicationId", value: .string("bench-\(r)"))]
      return Array(JSONWriter.compact(.object(members)).utf8)
    }
  }

  /// Times ``DecisionService/decide(body:)`` from request bytes to response bytes, one request
  /// at a time, with the audit line built; returns (p50 µs, p99 µs, per second, mean body bytes).
  static func serviceLatency(
    _ bench: (
      stack: DecisionStack, threshold: Double, fundingRate: Double, cap: Double,
      propensity: ScoringModel?, rows: TrainingRows
    ), requests count: Int
  ) -> (p50: Double, p99: Double, perSecond: Double, bytes: Double) {
    let stack = bench.stack
    let bundle = DecisionBundle(
      version: "bench", fraud: stack.fraud, pricing: stack.pricing,
      creditLines: stack.lines,
      features: DecisionBundle.distributions(of: bench.rows),
      arms: [
        .init(
          name: "bench", mode: .model, threshold: bench.threshold,
          fundingRate: bench.fundingRate, cap: bench.cap, rule: stack.rule,
          averagePD: stack.averagePD, pd: stack.pd,
          propensity: bench.propensity,
          fraudScreen: stack.fraud != nil,
          riskBasedPricing: stack.pricing != nil,
          scores: DecisionBundle.scoreDistribution(stack.pd, rows: bench.rows))
      ])
    // Served as a server would: from the file's text.
    guard let loaded = try? DecisionBundle(text: bundle.text) else {
      FenqiBench.fail("the benchmark's bundle does not read back")
    }
    let service = DecisionService(bundle: loaded)
    let bodies = requestBodies(bench.rows, limit: 4096)
    var latencies = [UInt64](repeating: 0, count: count)
    var bytes = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for k in 0..<count {
      let t0 = DispatchTime.now().uptimeNanoseconds
      let reply = service.decide(body: bodies[k % bodies.count])
      latencies[k] = DispatchTime.now().uptimeNanoseconds - t0
      if reply.status != 200 {
        FenqiBench.fail(
          "request \(k % bodies.count) answered \(reply.status): \(String(decoding: reply.body, as: UTF8.self))"
        )
      }
      bytes += reply.body.count + (reply.auditLines.first?.count ?? 0)
    }
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    latencies.sort()
    func percentile(_ q: Double) -> Double {
      Double(latencies[min(count - 1, Int(q * Double(count)))]) / 1000
    }
    return (
      (percentile(0.5) * 100).rounded() / 100,
      (percentile(0.99) * 100).rounded() / 100,
      (Double(count) / total).rounded(), Double(bytes) / Double(count)
    )
  }
}
