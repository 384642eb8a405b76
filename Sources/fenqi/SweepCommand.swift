import FenqiCore
import FenqiExperiment
import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi sweep SCENARIO --grid PATH=V1,V2 …`: the scenario at every grid point, shardable and
/// resumable.
enum SweepCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var grids: [String] = []
    var rest: [String] = []
    var i = 0
    while i < words.count {
      if words[i] == "--grid", i + 1 < words.count {
        grids.append(words[i + 1])
        i += 2
      } else if words[i].hasPrefix("--grid=") {
        grids.append(String(words[i].dropFirst(7)))
        i += 1
      } else {
        rest.append(words[i])
        i += 1
      }
    }
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        rest, noun: "scenario file",
        valued: ["--replicates", "--out", "--shard", "--threads"],
        flags: ["--resume", "--force", "--quiet"], help: HelpText.sweep,
        usage: HelpText.sweepUsage, command: "sweep", console: console,
        exit: &code)
    else { return code }
    func usage(_ message: String) -> ExitCode {
      console.err(
        "Error: \(message)\n\(HelpText.sweepUsage)\nSee 'fenqi sweep --help'.")
      return .badInput
    }
    guard !grids.isEmpty else {
      return usage("give at least one --grid PATH=V1,V2,…")
    }
    let replicates: Int
    let threads: Int
    do throws(Arguments.Problem) {
      replicates = try args.positiveInteger("--replicates") ?? 1
      threads =
        try args.positiveInteger("--threads")
        ?? ProcessInfo.processInfo.activeProcessorCount
    } catch { return usage(error.message) }
    guard let shard = shard(args.values["--shard"]) else {
      return usage(
        "'--shard' expects I/N with 1 ≤ I ≤ N, found '\(args.values["--shard"] ?? "")'"
      )
    }
    let file = args.positionals[0]
    guard let data = FileManager.default.contents(atPath: file) else {
      console.err("\(file): cannot read the scenario: no such file")
      return .badInput
    }
    let plan: SweepPlan
    do {
      var axes: [SweepGrid.Axis] = []
      for g in grids { axes.append(try SweepGrid.axis(g)) }
      plan = try SweepPlan(
        text: String(decoding: data, as: UTF8.self), file: file,
        grid: SweepGrid(axes: axes),
        replicates: replicates)
    } catch let e as SweepGrid.Problem {
      console.err("Error: \(e.description)")
      return .badInput
    } catch {
      console.err("\(error)")
      return .badInput
    }
    let folder =
      args.values["--out"]
      ?? "Results/\(RunCommand.safeName(plan.scenarios[0].name))-sweep"
    let identity = SweepFiles.identity(
      plan: plan, seed: plan.scenarios[0].seed, version: HelpText.version,
      shard: shard.count > 1 ? shard : nil)
    let fm = FileManager.default
    let units = URL(fileURLWithPath: folder).appendingPathComponent("units")
    if fm.fileExists(atPath: folder) {
      if args.flags.contains("--resume") {
        let existing = fm.contents(atPath: folder + "/sweep.json").flatMap {
          try? JSONParser.parse(String(decoding: $0, as: UTF8.self))
        }
        // Compare as written (key order and number form normalised), whatever the spelling
        // of the scenario's path: its SHA-256 says whether it is the same scenario.
        guard
          existing.map(SweepFiles.matchText) == SweepFiles.matchText(identity)
        else {
          console.err(
            "Error: '\(folder)' holds a different sweep (scenario, grid, seed, replicates, shard or version differ); not resuming"
          )
          return .badInput
        }
      } else if args.flags.contains("--force") {
        do throws(OutputError) {
          try RunFolderWriter.checkWritable(folder, force: true)
        } catch {
          console.err(error.message)
          return .badInput
        }
        try? fm.removeItem(atPath: folder)
      } else {
        console.err(
          "Error: '\(folder)' exists; pass --resume to continue it or --force to replace it"
        )
        return .badInput
      }
    }
    // A killed sweep leaves the temporaries of its atomic writes.
    RunFolderWriter.removeStalePartials(in: units.path)
    do {
      try fm.createDirectory(at: units, withIntermediateDirectories: true)
      try atomicWrite(JSONWriter.text(identity), to: folder + "/sweep.json")
    } catch {
      console.err(
        "Error: cannot write '\(folder)': \(error.localizedDescription)")
      return .runFailed
    }
    let mine = (0..<plan.unitCount).filter {
      $0 % shard.count == shard.index - 1
    }
    var ran = 0
    for u in mine {
      let path = units.appendingPathComponent(SweepFiles.unitName(u)).path
      if fm.fileExists(atPath: path) {
        guard let problem = unitProblem(plan, unit: u, path: path) else {
          continue
        }
        console.err("fenqi: \(problem); running the unit again")
      }
      let result = plan.run(unit: u, threads: threads)
      do {
        try atomicWrite(
          SweepFiles.unitText(plan: plan, unit: u, result: result), to: path)
      } catch {
        console.err(
          "Error: cannot write '\(path)': \(error.localizedDescription)")
        return .runFailed
      }
      ran += 1
      if !args.flags.contains("--quiet") {
        let (p, r) = plan.unit(u)
        console.err(
          "fenqi: unit \(u + 1)/\(plan.unitCount) · point \(p + 1) (\(plan.describe(point: p))) · replicate \(r + 1)"
        )
      }
    }
    if shard.count == 1 {
      do {
        let texts = try (0..<plan.unitCount).map { u throws -> String in
          String(
            decoding: try Data(
              contentsOf: units.appendingPathComponent(SweepFiles.unitName(u))),
            as: UTF8.self)
        }
        for f in try SweepFiles.summaryFiles(identity: identity, units: texts) {
          try atomicWrite(f.text, to: folder + "/" + f.name)
        }
      } catch {
        console.err("Error: cannot assemble '\(folder)': \(error)")
        return .runFailed
      }
    }
    console.out(folder)
    return .success
  }

  /// Why the unit file at `path` is not a finished unit of `plan` (cut short, or of another
  /// sweep), or nil when it is.
  static func unitProblem(_ plan: SweepPlan, unit u: Int, path: String)
    -> String?
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      return "units/\(SweepFiles.unitName(u)): unreadable"
    }
    do {
      _ = try SweepFiles.checkUnit(
        String(decoding: data, as: UTF8.self), unit: u,
        axes: plan.grid.axes.map(\.path), replicates: plan.replicates,
        arms: plan.scenarios[plan.unit(u).point].arms.count)
      return nil
    } catch { return error.description }
  }

  /// The shard to run.
  ///
  /// From `--shard I/N`, else SLURM_ARRAY_TASK_ID/COUNT, else Kubernetes' JOB_COMPLETION_INDEX
  /// with FENQI_SHARDS; (1, 1) when none. Nil for a malformed value.
  static func shard(_ option: String?) -> (index: Int, count: Int)? {
    let env = ProcessInfo.processInfo.environment
    var text = option
    if text == nil, let id = env["SLURM_ARRAY_TASK_ID"],
      let n = env["SLURM_ARRAY_TASK_COUNT"]
    {
      text = "\(id)/\(n)"
    }
    if text == nil, let k = env["JOB_COMPLETION_INDEX"].flatMap(Int.init),
      let n = env["FENQI_SHARDS"]
    {
      text = "\(k + 1)/\(n)"
    }
    guard let text else { return (1, 1) }
    let parts = text.split(separator: "/")
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]),
      n >= 1, i >= 1, i <= n
    else { return nil }
    return (i, n)
  }

  static func atomicWrite(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
