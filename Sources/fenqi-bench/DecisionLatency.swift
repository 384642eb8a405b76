import FenqiCore
import FenqiDecision
import FenqiSimulation
import Foundation

/// `fenqi-bench decision`: per-application latency of the whole decision stack, single-threaded.
///
/// Replays the burn-in book's applications through fraud screen (rules and isolation forest),
/// PD model, propensity model, credit line, risk-based price and the top-3 TreeSHAP reasons,
/// timing each application alone; prints p50, p99 and the throughput. Then times the decision
/// service on the same applications from request bytes to response bytes (parse, validate,
/// decide, reasons, response and audit line) and prints its p50, p99 and throughput beside.
enum DecisionLatency {
  static func run(_ args: [String]) {
    // The scenario is the first word that is neither an option nor an option's value.
    let valued: Set = ["--applications", "--requests"]
    let file =
      args.indices.first {
        !args[$0].hasPrefix("--") && ($0 == 0 || !valued.contains(args[$0 - 1]))
      }.map { args[$0] } ?? "Scenarios/risk-stack.json"
    let scenario: Scenario
    do { scenario = try ScenarioLoader.load(path: file).scenario } catch {
      FenqiBench.fail("\(error)")
    }
    let count = FenqiBench.positiveInteger(
      "--applications", in: args, default: 200_000)
    var small = scenario
    small.population.size = min(scenario.population.size, 8192)
    let engine = SimulationEngine(scenario: small, threads: 2)
    let prepared = engine.prepare()
    guard let bench = prepared.decisionBenchmark(scenario: small) else {
      FenqiBench.fail("\(file) has no riskStack")
    }
    let width = LenderFeature.count
    let rows = bench.rows
    guard rows.count > 0 else {
      FenqiBench.fail("the burn-in produced no applications")
    }
    var row = [Double](repeating: 0, count: width)
    var scratch = ScoringModel.Scratch()
    var latencies = [UInt64](repeating: 0, count: count)
    // --no-reasons times the stack without TreeSHAP, to show what explanations cost.
    let explain = !args.contains("--no-reasons")
    var approved = 0
    var reasonsSeen = 0
    var propensitySum = 0.0
    let start = DispatchTime.now().uptimeNanoseconds
    for k in 0..<count {
      let r = k % rows.count
      row.withUnsafeMutableBufferPointer { rows.row(r, into: $0.start) }
      let t0 = DispatchTime.now().uptimeNanoseconds
      row.withUnsafeBufferPointer { p in
        let d = bench.stack.decide(
          p.start, balance: 0, mode: .model, threshold: bench.threshold,
          fundingRate: bench.fundingRate, cap: bench.cap, scratch: &scratch)
        if d.outcome == .approved { approved += 1 }
        if let model = bench.propensity {
          propensitySum += model.probability(p.start, scratch: &scratch)
        }
        if explain {
          reasonsSeen += bench.stack.pd?.reasons(p.start, count: 3).count ?? 0
        }
      }
      latencies[k] = DispatchTime.now().uptimeNanoseconds - t0
    }
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let served = serviceLatency(
      bench,
      requests: FenqiBench.positiveInteger(
        "--requests", in: args, default: 50_000))
    latencies.sort()
    func percentile(_ q: Double) -> Double {
      Double(latencies[min(count - 1, Int(q * Double(count)))]) / 1000
    }
    let record = JSONValue.object([
      ("benchmark", .string("decision latency")),
      ("scenario", .string(scenario.name)),
      ("applications", .number(Double(count))),
      ("distinct_rows", .number(Double(rows.count))),
      ("p50_us", .number((percentile(0.5) * 100).rounded() / 100)),
      ("p99_us", .number((percentile(0.99) * 100).rounded() / 100)),
      ("max_us", .number(Double(latencies[count - 1]) / 1000)),
      ("per_second", .number((Double(count) / total).rounded())),
      ("approval_share", .number(Double(approved) / Double(count))),
      ("with_reasons", .bool(explain)),
      ("reasons_per_application", .number(Double(reasonsSeen) / Double(count))),
      ("mean_propensity", .number(propensitySum / Double(count))),
      ("service_p50_us", .number(served.p50)),
      ("service_p99_us", .number(served.p99)),
      ("service_per_second", .number(served.perSecond)),
      ("service_bytes_per_request", .number(served.bytes.rounded())),
    ])
    print(
      JSONWriter.text(record).split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.joined(separator: " "))
  }
}
