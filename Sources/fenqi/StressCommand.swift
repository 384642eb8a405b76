import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi stress SCENARIO --paths N`: Monte-Carlo loss distributions under the macro path.
enum StressCommand {
  /// The most paths one stress run takes: each path is a whole simulation (1,000 take about
  /// 15 s on 2 cores), so a million is days of CPU; larger asks are typos.
  static let maxPaths = 1_000_000

  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "scenario file",
        valued: [
          "--paths", "--out", "--seed", "--threads", "--shard", "--reverse",
          "--shock",
          "--arm",
        ],
        flags: ["--quiet", "--force"], help: HelpText.stress,
        usage: HelpText.stressUsage,
        command: "stress", console: console, exit: &code)
    else { return code }
    let paths: Int
    let seed: UInt64?
    let threads: Int?
    do throws(Arguments.Problem) {
      paths = try args.positiveInteger("--paths") ?? 1000
      guard paths <= Self.maxPaths else {
        throw Arguments.Problem(
          message:
            "'--paths' expects an integer in 1…\(Formatting.integer(Double(Self.maxPaths))), found '\(args.values["--paths"] ?? "")'"
        )
      }
      seed = try args.seed()
      threads = try args.positiveInteger("--threads")
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.stressUsage)\nSee 'fenqi stress --help'."
      )
      return .badInput
    }
    guard let shard = SweepCommand.shard(args.values["--shard"]) else {
      console.err(
        "Error: '--shard' expects I/N with 1 ≤ I ≤ N, found '\(args.values["--shard"] ?? "")'\n\(HelpText.stressUsage)"
      )
      return .badInput
    }
    let file = args.positionals[0]
    guard let loaded = RunCommand.load(file, console: console) else {
      return .badInput
    }
    var scenario = loaded.scenario
    guard scenario.macro != nil else {
      console.err(
        "\(file): $.macro: a stress run needs a macro path (unemployment, shocks, vasicek …); see the README's stress section"
      )
      return .badInput
    }
    if let seed { scenario.seed = seed }
    let reverse: ReverseRequest?
    switch ReverseRequest.parse(args.values, scenario: scenario) {
    case .success(let r): reverse = r
    case .failure(let problem):
      console.err(
        "Error: \(problem.message)\n\(HelpText.stressUsage)\nSee 'fenqi stress --help'."
      )
      return .badInput
    }
    let quiet = args.flags.contains("--quiet")
    let force = args.flags.contains("--force")
    let started = Date()
    guard
      let folder = RunCommand.outputFolder(
        args, name: RunCommand.safeName(scenario.name) + "-stress",
        started: started,
        console: console)
    else { return .badInput }
    let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let clock = ContinuousClock()
    let t0 = clock.now
    let runner = StressRunner(
      scenario: scenario, paths: paths, threads: threadCount, shard: shard)
    let result = runner.run { done in
      guard !quiet else { return }
      console.err("fenqi: \(done)/\(runner.pathIndices.count) paths")
    }
    if !quiet { console.err("fenqi: scenario set, attribution and provisions") }
    let analysis = StressAnalysis(
      scenario: scenario, stress: result,
      set: scenario.macro?.scenarioSet ?? .standard, threads: threadCount)
    let search = reverse.map {
      $0.limit.search(
        scenario: scenario, shock: $0.shock, arm: $0.arm, threads: threadCount)
    }
    let seconds = (clock.now - t0) / .seconds(1)
    let arms = scenario.arms.map(\.name)
    var identity = StressTables.identity(
      scenario: scenario, file: file, sha256: loaded.sha256, paths: paths,
      version: HelpText.version, shard: shard.count > 1 ? shard : nil)
    if let reverse, case .object(var members) = identity {
      members += reverse.identity(scenario)
      identity = .object(members)
    }
    var files: [(name: String, text: String)] = [
      ("stress.json", JSONWriter.text(identity)),
      ("stress.csv", StressTables.paths(result, arms: arms).text),
      ("mean_paths.csv", StressTables.meanPaths(result).text),
      ("vintages.csv", StressTables.vintages(result).text),
      ("ecl.csv", StressTables.ecl(result.shocked).text),
      ("macro.csv", StressTables.macro(scenario).text),
    ]
    files += StressCommand.analysisFiles(
      analysis, scenario: scenario, stress: result, reverse: search)
    if shard.count == 1 {
      do {
        files += try StressTables.summaryFiles(
          identity: identity, stress: files[1].text,
          shared: files.filter {
            StressTables.sharedFiles.contains($0.name)
              || $0.name == StressTables.reverseFile
          })
      } catch {
        console.err("Error: \(error)")
        return .runFailed
      }
    }
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
