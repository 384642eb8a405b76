import FenqiCore
import FenqiSimulation
import Foundation

/// `fenqi-bench`: whole-run throughput and memory, alone or side by side with the NumPy peer.
///
/// Speed is measured here and only here, never in unit tests.
@main
enum FenqiBench {
  static let usage = """
    USAGE:
      fenqi-bench engine <scenario.json> [--customers <n>] [--threads <n>]
          Prepare and run one scenario in this process; print one JSON line with set-up and run
          seconds, customer-months per second, peak memory and bytes per customer.
      fenqi-bench peer [--customers <n>] [--threads <n>] [--runs <r>] [--peer <lifecycle_numpy.py>]
          Alternate the NumPy peer and Fenqi on Scenarios/peer-lifecycle.json at the same N, r times
          each; print both throughputs (median), their ratio, peak memory and whether the aggregate
          rates agree within sampling error, and set-up and months apart, each against the
          peer's. Default peer: ../shared/bench/lifecycle_numpy.py.
      fenqi-bench peer --whole [--customers <n>] [--threads <n>] [--runs <r>] [--peer <path>]
          Whole processes, alternately: `fenqi run` (beside fenqi-bench) writing its run folder
          against the peer writing its monthly CSV; print each part's medians — set-up, months,
          the rest (start-up, writing) — and the whole process's, with the ratios.
      fenqi-bench gbdt [--rows <n>] [--threads <n>] [--trees <n>] [--leaves <n>] [--data <file.csv>]
          Train gradient-boosted trees on a synthetic 30-feature binary data set (1,000,000 rows by
          default; the last fifth validates); print training seconds, prediction rows per second,
          validation AUC and peak memory. --data trains on a CSV written by --write <file.csv>.
      fenqi-bench decision [<scenario.json>] [--applications <n>] [--requests <n>] [--no-reasons]
          Train the scenario's risk stack on its burn-in book, then time each of n applications
          (200,000 by default) through fraud screen, PD, propensity, line, price and top-3 reasons
          on one thread; print p50 and p99 microseconds and applications per second. Then time
          the decision service on n requests (50,000 by default) from request bytes to response
          bytes (parse, validate, decide, reasons, JSON reply and audit line): service_p50_us,
          service_p99_us, service_per_second.
      fenqi-bench recovery [--trials <n>] [--first-trial <k>] [--customers <n>] [--threads <n>]
                           [--budget <b>] [--method sandwich|bootstrap] [--draws <d>]
                           [--evaluations <e>] [--step <h>] [--bootstrap <r>] [--independent]
                           [--burn-in <months>] [--scenario <scenario.json>] [--verbose]
          Parameter recovery: per trial, the scenario (Scenarios/baseline.json) at a truth seed writes
          a loan tape of every loan; six of its parameters are calibrated to the tape's moments on
          another seed. Print each estimate, its 95% interval and whether it covers the known value,
          the fitted moments' |z|, the seconds; then coverage per parameter and overall. Defaults:
          20 trials, 300,000 customers (~20,000 loans), budget 250, sandwich intervals from 1,000
          draws correlated through 100 tape bootstrap replicates (--independent: perturb each
          moment alone), burn-in 6 months, 2 threads.
    """

  static func main() {
    var args = Array(CommandLine.arguments.dropFirst())
    guard let mode = args.first else { fail(usage) }
    args.removeFirst()
    switch mode {
    case "engine": EngineBenchmark.run(args)
    case "peer": PeerComparison.run(args)
    case "gbdt": GBDTBenchmark.run(args)
    case "decision": DecisionLatency.run(args)
    case "recovery": RecoveryBenchmark.run(args)
    case "-h", "--help": print(usage)
    default: fail("unknown mode '\(mode)'\n" + usage)
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
  }

  /// The value following `--name`, if any.
  static func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else {
      return nil
    }
    return args[i + 1]
  }

  static func positiveInteger(
    _ name: String, in args: [String], default value: Int
  ) -> Int {
    guard let text = option(name, in: args) else { return value }
    guard let v = Int(text), v > 0 else {
      fail("\(name) expects a positive integer, found '\(text)'")
    }
    return v
  }
}
