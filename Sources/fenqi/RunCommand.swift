import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi run`: load, validate, simulate, write the run folder.
enum RunCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file", valued: ["--out", "--seed", "--threads"],
        flags: ["--quiet", "--force"],
        help: HelpText.run, usage: HelpText.runUsage, command: "run",
        console: console, exit: &code)
    else { return code }
    let seed: Int?
    let threads: Int?
    do throws(Arguments.Problem) {
      seed = try args.positiveInteger("--seed")
      threads = try args.positiveInteger("--threads")
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.runUsage)\nSee 'fenqi run --help'."
      )
      return .badInput
    }
    let file = args.positionals[0]
    let loaded: (scenario: Scenario, sha256: String)
    do { loaded = try ScenarioLoader.load(path: file) } catch {
      console.err(error.message)
      return .badInput
    }
    var scenario = loaded.scenario
    if let seed { scenario.seed = UInt64(seed) }
    let quiet = args.flags.contains("--quiet")
    let force = args.flags.contains("--force")
    let started = Date()
    let folder =
      args.values["--out"]
      ?? "Results/\(safeName(scenario.name))/\(stamp(started))"
    do { try RunFolderWriter.checkWritable(folder, force: force) } catch {
      console.err(error.message)
      return .badInput
    }
    let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let engine = SimulationEngine(
      scenario: scenario, threads: threadCount,
      progressEvery: quiet ? nil : max(1, scenario.periods / 4))
    let prepared = engine.prepare()
    let clock = ContinuousClock()
    let t0 = clock.now
    let result = engine.run(prepared) { p in
      guard !quiet else { return }
      let seconds = max(1e-9, (clock.now - t0) / .seconds(1))
      let rate = Double(p.completedPeriods * p.customers) / seconds
      console.err(
        "fenqi: period \(p.completedPeriods)/\(p.totalPeriods) · \(p.completedPeriods * 100 / p.totalPeriods)% · \(formatRate(rate)) customer-months/s"
      )
    }
    let manifest = RunManifest(
      scenarioFile: file, scenarioSHA256: loaded.sha256,
      fenqiVersion: HelpText.version,
      startedAt: iso(started), finishedAt: iso(Date()), threads: threadCount)
    do {
      try RunFolderWriter.write(
        RunFolderWriter.files(result, manifest: manifest), to: folder,
        force: force)
    } catch {
      console.err(error.message)
      return .runFailed
    }
    console.out(folder)
    return .success
  }

  static func formatRate(_ r: Double) -> String {
    r >= 1e6
      ? "\(Int((r / 1e5).rounded()) / 10).\(Int((r / 1e5).rounded()) % 10)M"
      : "\(Int(r.rounded()))"
  }

  static func safeName(_ name: String) -> String {
    let cleaned = String(
      name.map {
        $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-"
      })
    return cleaned.isEmpty ? "scenario" : cleaned
  }

  static func stamp(_ date: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return f.string(from: date)
  }

  static func iso(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
  }
}
