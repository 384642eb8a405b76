import FenqiCore
import Foundation

/// `fenqi bench`: one table of speed and memory for every ready scenario, and a scaling series.
///
/// Every measurement is its own `fenqi-bench engine` process (built beside `fenqi`), so each
/// peak memory figure belongs to one run alone.
enum BenchCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--customers", "--scaling", "--scenarios"],
        flags: ["--help"])
      _ = try args.positiveInteger("--customers")
    } catch {
      console.err("Error: \(error.message)\n\(HelpText.benchUsage)")
      return .badInput
    }
    if args.flags.contains("--help") {
      console.out(HelpText.bench)
      return .success
    }
    let customers =
      (try? args.positiveInteger("--customers")) ?? nil ?? 1_000_000
    let scaling = (args.values["--scaling"] ?? "10000,100000,1000000,10000000")
      .split(separator: ",").compactMap { Int($0) }
    let bench = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent()
      .appendingPathComponent("fenqi-bench")
    guard FileManager.default.isExecutableFile(atPath: bench.path) else {
      console.err(
        "Error: fenqi bench runs '\(bench.path)'; build it first with 'swift build -c release'"
      )
      return .badInput
    }
    let folder = args.values["--scenarios"] ?? "Scenarios"
    let files =
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".json") }.sorted()
    guard !files.isEmpty else {
      console.err("Error: no scenarios in '\(folder)'")
      return .badInput
    }
    func measure(_ file: String, _ n: Int, _ threads: Int) -> JSONValue? {
      let p = Process()
      p.executableURL = bench
      p.arguments = [
        "engine", file, "--customers", String(n), "--threads", String(threads),
      ]
      let pipe = Pipe()
      p.standardOutput = pipe
      p.standardError = FileHandle.nullDevice
      guard (try? p.run()) != nil else { return nil }
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      return try? JSONParser.parse(String(decoding: data, as: UTF8.self))
    }
    func number(_ v: JSONValue?, _ key: String) -> Double {
      if case .number(let x) = v?[key] ?? .null { return x }
      return .nan
    }
    console.out(
      "Scenarios at \(customers) customers (customer-periods per second over the simulated months; set-up apart)\n"
        + TextColumns.pad("scenario", 22, left: true)
        + TextColumns.pad("months", 7)
        + TextColumns.pad("1 thread", 12)
        + TextColumns.pad("2 threads", 12) + TextColumns.pad("speed-up", 10)
        + TextColumns.pad("set-up s", 10)
        + TextColumns.pad("peak MiB", 10)
        + TextColumns.pad("B/customer", 12))
    var lines: [String] = []
    for file in files {
      let path = folder + "/" + file
      guard let one = measure(path, customers, 1),
        let two = measure(path, customers, 2)
      else {
        console.out(TextColumns.pad(file, 22, left: true) + "  failed")
        continue
      }
      let r1 = number(one, "cm_per_s_run")
      let r2 = number(two, "cm_per_s_run")
      console.out(
        TextColumns.pad(String(file.dropLast(5)), 22, left: true)
          + TextColumns.pad(fmt(number(two, "months"), 0), 7)
          + TextColumns.pad(millions(r1), 12)
          + TextColumns.pad(millions(r2), 12)
          + TextColumns.pad(fmt(r2 / r1, 2) + "×", 10)
          + TextColumns.pad(fmt(number(two, "setup_s"), 2), 10)
          + TextColumns.pad(fmt(number(two, "peak_rss_mib"), 1), 10)
          + TextColumns.pad(fmt(number(two, "bytes_per_customer"), 0), 12))
    }
    let base = files.contains("baseline.json") ? "baseline.json" : files[0]
    lines.append("")
    lines.append("Scaling: \(base.dropLast(5)), 2 threads")
    lines.append(
      TextColumns.pad("customers", 12) + TextColumns.pad("set-up s", 10)
        + TextColumns.pad("months s", 10)
        + TextColumns.pad("total s", 10)
        + TextColumns.pad("s per 1M", 10) + TextColumns.pad("peak MiB", 10)
        + TextColumns.pad("B/customer", 12))
    for n in scaling {
      guard let m = measure(folder + "/" + base, n, 2) else { continue }
      let setup = number(m, "setup_s")
      let run = number(m, "run_s")
      lines.append(
        TextColumns.pad(String(n), 12) + TextColumns.pad(fmt(setup, 3), 10)
          + TextColumns.pad(fmt(run, 3), 10)
          + TextColumns.pad(fmt(setup + run, 3), 10)
          + TextColumns.pad(fmt((setup + run) / Double(n) * 1e6, 3), 10)
          + TextColumns.pad(fmt(number(m, "peak_rss_mib"), 1), 10)
          + TextColumns.pad(fmt(number(m, "bytes_per_customer"), 0), 12))
    }
    console.out(lines.joined(separator: "\n"))
    return .success
  }

  static func fmt(_ x: Double, _ digits: Int) -> String {
    x.isFinite ? String(format: "%.\(digits)f", x) : "–"
  }

  static func millions(_ x: Double) -> String {
    x.isFinite ? fmt(x / 1e6, 1) + "M" : "–"
  }
}
