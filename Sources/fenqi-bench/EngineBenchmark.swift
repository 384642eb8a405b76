import FenqiCore
import FenqiSimulation
import Foundation

/// Times population set-up and the simulated months of one scenario, and reads peak memory.
enum EngineBenchmark {
  static func run(_ args: [String]) {
    guard let file = args.first, !file.hasPrefix("--") else {
      FenqiBench.fail(FenqiBench.usage)
    }
    var scenario: Scenario
    do { scenario = try ScenarioLoader.load(path: file).scenario } catch {
      FenqiBench.fail(error.message)
    }
    if let n = FenqiBench.option("--customers", in: args) {
      guard let v = Int(n), v > 0 else {
        FenqiBench.fail("--customers expects a positive integer")
      }
      scenario.population.size = v
    }
    let threads = FenqiBench.positiveInteger(
      "--threads", in: args,
      default: ProcessInfo.processInfo.activeProcessorCount)
    let baselineRSS = peakResidentBytes()
    let engine = SimulationEngine(scenario: scenario, threads: threads)
    let clock = ContinuousClock()
    let t0 = clock.now
    let prepared = engine.prepare()
    let t1 = clock.now
    // With a risk stack: model training is reported apart from the simulation.
    let burnIn = prepared.burnInSeconds
    let columnBytes = prepared.columnBytes
    let result = engine.run(consume prepared)
    let t2 = clock.now
    let setup = (t1 - t0) / .seconds(1)
    let run = (t2 - t1) / .seconds(1)
    let retrain = max(0, (result.risk?.trainingSeconds ?? 0) - burnIn)
    let customerMonths = Double(result.customerMonths)
    let peak = peakResidentBytes()
    let n = Double(scenario.population.size)
    var rates: [(key: String, value: JSONValue)] = []
    for arm in result.arms {
      let t = arm.totals
      let b = t.book
      rates.append(
        (
          arm.name,
          .object([
            ("needs", .number(t.needs)), ("accepts", .number(t.applications)),
            ("approvals", .number(t.approvals)),
            ("chargeoffs", .number(b.chargeOffs)),
            ("acceptance", .number(t.applications / max(t.needs, 1))),
            ("approval", .number(t.approvals / max(t.applications, 1))),
            ("chargeoff_rate", .number(b.chargeOffs / max(t.approvals, 1))),
            (
              "delinquent_share_m12",
              .number(
                (b.totalBalance - b.balance.0) / max(b.totalBalance, 1e-300))
            ),
          ])
        ))
    }
    let record = JSONValue.object([
      ("engine", .string("fenqi")), ("scenario", .string(scenario.name)),
      ("customers", .number(n)),
      ("months", .number(Double(scenario.periods))),
      ("threads", .number(Double(threads))),
      ("setup_s", .number(setup)), ("run_s", .number(run)),
      ("burn_in_training_s", .number(burnIn)),
      ("retraining_s", .number(retrain)),
      ("cm_per_s_run", .number((customerMonths / run).rounded())),
      (
        "cm_per_s_run_excluding_retraining",
        .number((customerMonths / (run - retrain)).rounded())
      ),
      ("cm_per_s_sim", .number((customerMonths / (setup + run)).rounded())),
      ("peak_rss_mib", .number((Double(peak) / 1_048_576 * 10).rounded() / 10)),
      ("bytes_per_customer", .number((Double(peak) / n).rounded())),
      (
        "bytes_per_customer_net",
        .number((Double(peak - baselineRSS) / n).rounded())
      ),
      (
        "column_bytes_per_customer",
        .number((Double(columnBytes) / n).rounded())
      ),
      ("rates", .object(rates)),
    ])
    print(
      JSONWriter.text(record).split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.joined(separator: " "))
  }

  /// The process's peak resident set, bytes (getrusage; Linux reports kibibytes).
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  }
}
