import FenqiExperiment
import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi run`: load, validate, simulate, write the run folder.
enum RunCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file",
        valued: [
          "--out", "--seed", "--threads", "--replicates", "--tape-loans",
        ],
        flags: ["--quiet", "--force", "--excel"],
        help: HelpText.run, usage: HelpText.runUsage, command: "run",
        console: console, exit: &code)
    else { return code }
    let seed: UInt64?
    let threads: Int?
    let replicates: Int
    let tapeLoans: Int
    do throws(Arguments.Problem) {
      seed = try args.seed()
      threads = try args.positiveInteger("--threads")
      replicates = try args.positiveInteger("--replicates") ?? 1
      tapeLoans = try args.positiveInteger("--tape-loans") ?? 0
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.runUsage)\nSee 'fenqi run --help'."
      )
      return .badInput
    }
    let file = args.positionals[0]
    if ScenarioSource.isOptimization(path: file) {
      console.err(
        "Error: \(file) is an optimisation file, not a scenario; run it with 'fenqi optimize \(file)'"
      )
      return .badInput
    }
    guard let loaded = load(file, console: console) else { return .badInput }
    var scenario = loaded.scenario
    if replicates > 1 && scenario.experiment == nil {
      console.err(
        "Error: '--replicates' needs a scenario that declares an experiment\n\(HelpText.runUsage)"
      )
      return .badInput
    }
    if let seed { scenario.seed = seed }
    let quiet = args.flags.contains("--quiet")
    let force = args.flags.contains("--force")
    let started = Date()
    guard
      let folder = outputFolder(
        args, name: safeName(scenario.name), started: started, console: console)
    else { return .badInput }
    let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let clock = ContinuousClock()
    let t0 = clock.now
    // The simulation and the experiment's truth, tests and replicates: FenqiExperiment's run.
    let run = ExperimentRun.run(
      scenario, threads: threadCount, replicates: replicates,
      progressEvery: quiet ? nil : max(1, scenario.periods / 4),
      tapeLoans: tapeLoans,
      progress: { p in
        guard !quiet else { return }
        let seconds = max(1e-9, (clock.now - t0) / .seconds(1))
        let rate = Double(p.completedPeriods * p.customers) / seconds
        console.err(
          "fenqi: period \(p.completedPeriods)/\(p.totalPeriods) · \(p.completedPeriods * 100 / p.totalPeriods)% · \(formatRate(rate)) customer-months/s"
        )
      },
      stage: { stage in
        guard !quiet else { return }
        switch stage {
        case .counterfactual:
          console.err(
            "fenqi: counterfactual runs (every customer under every arm) for the true effects"
          )
        case .replicates(let r): console.err("fenqi: \(r) replicates")
        case .economicsReplicates(let r):
          console.err(
            "fenqi: \(r - 1) more seeds under every arm, for the economics' intervals"
          )
        }
      })
    if let spec = scenario.experiment, !run.replicates.isEmpty {
      console.out(
        ReplicatesTable.text(run.replicateSummary, alpha: spec.alpha))
    }
    let manifest = RunManifest(
      scenarioFile: file, scenarioSHA256: loaded.sha256,
      fenqiVersion: HelpText.version,
      startedAt: iso(started), finishedAt: iso(Date()), threads: threadCount)
    do {
      try RunFolderWriter.write(
        RunFolderWriter.files(
          of: run, scenario: scenario, manifest: manifest),
        to: folder, force: force, workbook: args.flags.contains("--excel"))
    } catch {
      console.err(error.message)
      if args.values["--out"] == nil { rmdir(folder) }
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(folder)
    return .success
  }

  /// The scenario at `file` (or, for a calibration file, the scenario it calibrates as measured;
  /// see ``ScenarioSource``) and the file's SHA-256; nil (every problem reported) when it is
  /// unusable.
  static func load(_ file: String, console: Console) -> (
    scenario: Scenario, sha256: String
  )? {
    switch ScenarioSource.load(file) {
    case .success(let loaded): return (loaded.scenario, loaded.sha256)
    case .failure(let failure):
      console.err(failure.message)
      return nil
    }
  }

  /// The folder to write: `--out`, checked (see ``RunFolderWriter/checkWritable(_:force:)``),
  /// or a new folder `Results/<name>/<UTC stamp>`; nil (reported) when neither will do.
  static func outputFolder(
    _ args: Arguments, name: String, started: Date, console: Console
  ) -> String? {
    outputFolder(
      args, in: "Results/\(name)", started: started, console: console)
  }

  /// The folder to write: `--out`, checked (see ``RunFolderWriter/checkWritable(_:force:)``),
  /// or a new folder `parent/<UTC stamp>` (`-2`, `-3`, … when that is taken, so commands
  /// started within one second keep their own folders); nil (reported) when neither will do.
  static func outputFolder(
    _ args: Arguments, in parent: String, started: Date = Date(),
    console: Console
  ) -> String? {
    guard let out = args.values["--out"] else {
      return newFolder(in: parent, started: started, console: console)
    }
    do {
      try RunFolderWriter.checkWritable(
        out, force: args.flags.contains("--force"))
    } catch {
      console.err(error.message)
      return nil
    }
    return out
  }

  /// A new, empty folder `parent/<UTC stamp>` (or `-2`, `-3`, … when taken); nil (reported)
  /// when the file system refuses.
  static func newFolder(in parent: String, started: Date, console: Console)
    -> String?
  {
    do {
      return try RunFolderWriter.newFolder(in: parent, named: stamp(started))
    } catch {
      console.err(error.message)
      return nil
    }
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
