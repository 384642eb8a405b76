import FenqiCore
import Foundation

/// Runs the NumPy peer and Fenqi's engine on the same model and size, alternately, and compares
/// speed, memory and the aggregate rates.
enum PeerComparison {
  struct Measurement {
    var throughput: Double
    var peakMiB: Double
    var rates: JSONValue
    /// Seconds generating the population.
    var setup = 0.0
    /// Seconds simulating the months.
    var months = 0.0
  }

  static func run(_ args: [String]) {
    let n = FenqiBench.positiveInteger(
      "--customers", in: args, default: 1_000_000)
    let threads = FenqiBench.positiveInteger(
      "--threads", in: args,
      default: ProcessInfo.processInfo.activeProcessorCount)
    let runs = FenqiBench.positiveInteger("--runs", in: args, default: 3)
    let peer =
      FenqiBench.option("--peer", in: args)
      ?? "../shared/bench/lifecycle_numpy.py"
    guard FileManager.default.fileExists(atPath: peer) else {
      FenqiBench.fail(
        "no peer at \(peer); pass --peer <path to lifecycle_numpy.py>")
    }
    if args.contains("--whole") {
      PeerComparison.whole(n: n, threads: threads, runs: runs, peer: peer)
      return
    }
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
    var ours: [Measurement] = []
    var theirs: [Measurement] = []
    for _ in 0..<runs {
      let p = measure(
        ["/usr/bin/env", "python3", peer, "--n", String(n)],
        throughputKey: "cm_per_s_run", memoryKey: "peak_rss_mib_ru")
      let f = measure(
        [
          me, "engine", "Scenarios/peer-lifecycle.json", "--customers",
          String(n), "--threads", String(threads),
        ],
        throughputKey: "cm_per_s_run", memoryKey: "peak_rss_mib")
      theirs.append(p)
      ours.append(f)
    }
    let fm = median(ours.map(\.throughput))
    let pm = median(theirs.map(\.throughput))
    print(
      "peer lifecycle model, N = \(n) customers × 12 months, \(runs) alternating runs each (medians)"
    )
    print(
      "  NumPy peer (1 process):     \(format(pm)) customer-months/s   peak \(oneDecimal(median(theirs.map(\.peakMiB)))) MiB"
    )
    print(
      "  Fenqi (\(threads) thread\(threads == 1 ? "" : "s")):          \(format(fm)) customer-months/s   peak \(oneDecimal(median(ours.map(\.peakMiB)))) MiB (\(Int((median(ours.map(\.peakMiB)) * 1_048_576 / Double(n)).rounded())) bytes per customer)"
    )
    print("  ratio Fenqi / peer:         \(oneDecimal(fm / pm))×")
    let fs = median(ours.map(\.setup))
    let ps = median(theirs.map(\.setup))
    print(
      "  set-up (population):        Fenqi \(threeDecimals(fs)) s, peer \(threeDecimals(ps)) s — peer ÷ Fenqi \(twoDecimals(ps / fs))×"
    )
    let fmo = median(ours.map(\.months))
    let pmo = median(theirs.map(\.months))
    print(
      "  months:                     Fenqi \(threeDecimals(fmo)) s, peer \(threeDecimals(pmo)) s — peer ÷ Fenqi \(twoDecimals(pmo / fmo))×"
    )
    print(
      "aggregate rates (last run; z = difference ÷ its standard error, |z| < 3 agrees):"
    )
    if let o = ours.last, let t = theirs.last { compare(o.rates, t.rates) }
  }

  static func measure(
    _ command: [String], throughputKey: String, memoryKey: String
  ) -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
      FenqiBench.fail("cannot start \(command[0]): \(error)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let line = String(data: data, encoding: .utf8)?.split(separator: "\n")
        .last,
      let json = try? JSONParser.parse(String(line)),
      case .number(let throughput) = json[throughputKey] ?? .null
    else {
      FenqiBench.fail(
        "\(command.joined(separator: " ")) failed or printed no result")
    }
    func number(_ key: String) -> Double {
      if case .number(let x) = json[key] ?? .null { return x }
      return .nan
    }
    return Measurement(
      throughput: throughput, peakMiB: number(memoryKey),
      rates: json["rates"] ?? .null, setup: number("setup_s"),
      months: number("run_s"))
  }

  static func compare(_ ours: JSONValue, _ theirs: JSONValue) {
    for arm in ["A", "B"] {
      guard let o = ours[arm], let t = theirs[arm] else {
        print("  arm \(arm): missing")
        continue
      }
      func number(_ v: JSONValue?, _ key: String) -> Double {
        if case .number(let x) = v?[key] ?? .null { return x }
        return .nan
      }
      let rows: [(String, String, Double, Double)] = [
        ("acceptance", "needs", number(o, "needs"), number(t, "needs")),
        (
          "approval", "accepts", number(o, "accepts"),
          number(t, "needs") * number(t, "acceptance")
        ),
        (
          "chargeoff_rate", "approvals", number(o, "approvals"),
          number(t, "approvals")
        ),
      ]
      var line = "  arm \(arm):"
      for (key, _, nOurs, nTheirs) in rows {
        let p1 = number(o, key)
        let p2 = number(t, key)
        let se = (p1 * (1 - p1) / nOurs + p2 * (1 - p2) / nTheirs).squareRoot()
        let z = (p1 - p2) / se
        line +=
          " \(key) \(fourDecimals(p1)) vs \(fourDecimals(p2)) (z \(oneDecimal(z)))"
      }
      line +=
        " delinquent_share_m12 \(fourDecimals(number(o, "delinquent_share_m12"))) vs \(fourDecimals(number(t, "delinquent_share_m12")))"
      print(line)
    }
  }

  static func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1
      ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  static func format(_ x: Double) -> String { "\(oneDecimal(x / 1e6))M" }
  static func oneDecimal(_ x: Double) -> String { String(format: "%.1f", x) }
  static func fourDecimals(_ x: Double) -> String { String(format: "%.4f", x) }
  static func twoDecimals(_ x: Double) -> String { String(format: "%.2f", x) }
  static func threeDecimals(_ x: Double) -> String { String(format: "%.3f", x) }
}
