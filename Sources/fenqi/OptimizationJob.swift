import FenqiCore
import FenqiExperiment
import FenqiOptimization
import FenqiReport
import Foundation

/// One optimisation writing its folder: `optimization.json` (the identity `--resume` and
/// `fenqi merge` check: the optimisation and scenario texts, the settings after the command
/// line's overrides, the shard), `trials.csv` rewritten after every batch, then the verified
/// results.
struct OptimizationJob {
  let inputs: OptimizationInputs
  let folder: String
  let shard: (index: Int, count: Int)
  let threads: Int
  let quiet: Bool
  let console: Console

  /// The identity of the search: what must match for its trials to be reused.
  static func identity(
    _ inputs: OptimizationInputs, shard: (index: Int, count: Int)
  ) -> JSONValue {
    let s = inputs.settings
    return .object([
      ("file", .string(inputs.file)), ("text", .string(inputs.text)),
      ("scenarioText", .string(inputs.scenarioText)),
      ("algorithm", .string(s.algorithm.rawValue)),
      ("seed", .number(Double(s.seed))),
      ("budget", .number(Double(s.budget))),
      ("shard", .string("\(shard.index)/\(shard.count)")),
    ])
  }

  /// Runs (or resumes) the search and writes the folder.
  func run(resume: Bool, force: Bool) -> ExitCode {
    let identity = Self.identity(inputs, shard: shard)
    var replay: [OptimizationTrial] = []
    let stored = folder + "/optimization.json"
    if resume, let text = try? String(contentsOfFile: stored, encoding: .utf8) {
      // The stored identity is written canonically (sorted keys), so texts compare.
      guard text == JSONWriter.text(identity) else {
        console.err(
          "Error: \(folder) holds another optimisation (its file, scenario, algorithm, seed, budget or shard differ); give another --out, or --force without --resume to start again"
        )
        return .badInput
      }
      let trials =
        (try? String(contentsOfFile: folder + "/trials.csv", encoding: .utf8))
        ?? ""
      replay =
        OptimizationFiles.readTrials(trials, settings: inputs.settings) ?? []
      progress(
        "resuming: \(replay.count) plan\(replay.count == 1 ? "" : "s") already evaluated"
      )
    } else {
      do {
        try RunFolderWriter.write(
          [
            ("optimization.json", JSONWriter.text(identity)),
            ("trials.csv", trialsText([])),
          ],
          to: folder, force: force)
      } catch {
        console.err(error.message)
        return error.isBadInput ? .badInput : .runFailed
      }
    }
    let trials = Optimization.run(
      inputs, threads: threads, restart: shard.index - 1, replay: replay
    ) { p in
      try? RunFolderWriter.replace(
        [("trials.csv", trialsText(p.trials))], in: folder)
      progress(
        "\(p.evaluated)/\(p.budget) plans · best \(inputs.settings.objective.label) \(JSONWriter.format(p.best.objective))\(p.best.feasible ? "" : " (infeasible)")"
      )
    }
    return finish(trials)
  }

  /// Verifies `trials` and writes every output beside them.
  func finish(_ trials: [OptimizationTrial]) -> ExitCode {
    progress(
      "verifying the best plan, the shipped arms and the frontier on fresh seeds"
    )
    let result = OptimizationResult(inputs, trials: trials, threads: threads)
    do {
      try RunFolderWriter.replace(Self.files(result), in: folder)
    } catch {
      console.err(error.message)
      return .runFailed
    }
    console.out(folder)
    return .success
  }

  /// Every output of a finished optimisation.
  static func files(_ r: OptimizationResult) -> [(name: String, text: String)] {
    let s = r.inputs.settings
    var best = r.inputs.document
    if let doc = try? CornerCheck.patched(
      best, paths: s.parameters.map(\.path), values: r.best.values)
    {
      best = doc
    }
    return [
      ("trials.csv", OptimizationFiles.trials(r.trials, settings: s).text),
      (
        "frontier.csv",
        OptimizationFiles.frontier(
          r.frontier, verified: r.verification.frontier, settings: s
        )
        .text
      ),
      (
        "verification.csv",
        OptimizationFiles.verification(r.verification.rows).text
      ),
      ("best.json", JSONWriter.text(best)),
      ("report.html", OptimizationReport.page(r)),
    ]
  }

  func trialsText(_ trials: [OptimizationTrial]) -> String {
    OptimizationFiles.trials(trials, settings: inputs.settings).text
  }

  func progress(_ line: String) {
    if !quiet { console.err("fenqi: " + line) }
  }
}
