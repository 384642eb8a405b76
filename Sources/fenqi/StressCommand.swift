import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi stress SCENARIO --paths N`: Monte-Carlo loss distributions under the macro path.
enum StressCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file",
        valued: ["--paths", "--out", "--seed", "--threads"],
        flags: ["--quiet", "--force"], help: HelpText.stress,
        usage: HelpText.stressUsage,
        command: "stress", console: console, exit: &code)
    else { return code }
    let paths: Int
    let seed: Int?
    let threads: Int?
    do throws(Arguments.Problem) {
      paths = try args.positiveInteger("--paths") ?? 1000
      seed = try args.positiveInteger("--seed")
      threads = try args.positiveInteger("--threads")
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.stressUsage)\nSee 'fenqi stress --help'."
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
    guard scenario.macro != nil else {
      console.err(
        "\(file): $.macro: a stress run needs a macro path (unemployment, shocks, vasicek …); see the README's stress section"
      )
      return .badInput
    }
    if let seed { scenario.seed = UInt64(seed) }
    let quiet = args.flags.contains("--quiet")
    let force = args.flags.contains("--force")
    let started = Date()
    let folder =
      args.values["--out"]
      ?? "Results/\(RunCommand.safeName(scenario.name))-stress/\(RunCommand.stamp(started))"
    do { try RunFolderWriter.checkWritable(folder, force: force) } catch {
      console.err(error.message)
      return .badInput
    }
    let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let clock = ContinuousClock()
    let t0 = clock.now
    let result = StressRunner(
      scenario: scenario, paths: paths, threads: threadCount
    ).run {
      done in
      guard !quiet else { return }
      console.err("fenqi: \(done)/\(paths) paths")
    }
    let seconds = (clock.now - t0) / .seconds(1)
    let arms = scenario.arms.map(\.name)
    let manifest = RunFolderWriter.manifestText(
      scenario: scenario, file: file, sha256: loaded.sha256,
      version: HelpText.version,
      started: RunCommand.iso(started), finished: RunCommand.iso(Date()),
      threads: threadCount,
      extra: [
        ("paths", Double(paths)), ("seconds", (seconds * 10).rounded() / 10),
      ])
    let files: [(name: String, text: String)] = [
      ("manifest.json", manifest),
      ("stress.csv", StressTables.paths(result, arms: arms).text),
      ("stress_summary.csv", StressTables.summary(result, arms: arms).text),
      ("vintages.csv", StressTables.vintages(result).text),
      ("ecl.csv", StressTables.ecl(result.shocked).text),
      ("macro.csv", StressTables.macro(scenario).text),
      ("report.md", StressTables.report(result, paths: paths, seconds: nil)),
    ]
    do { try RunFolderWriter.write(files, to: folder, force: force) } catch {
      console.err(error.message)
      return .runFailed
    }
    if !quiet {
      console.err(
        "fenqi: \(paths) paths in \(String(format: "%.1f", seconds)) s")
    }
    console.out(folder)
    return .success
  }
}
