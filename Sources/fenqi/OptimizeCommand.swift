import FenqiCore
import FenqiOptimization
import FenqiReport
import Foundation

/// `fenqi optimize OPTIMIZATION.json --out DIR`: searches a treatment arm's plan for the best
/// incremental economics under constraints, then verifies it on fresh seeds; resumable, and
/// shardable into independent restarts that `fenqi merge` combines.
enum OptimizeCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "optimisation file",
        valued: [
          "--out", "--threads", "--shard", "--algorithm", "--seed", "--budget",
        ],
        flags: ["--resume", "--force", "--quiet"], help: HelpText.optimize,
        usage: HelpText.optimizeUsage, command: "optimize", console: console,
        exit: &code)
    else { return code }
    func usage(_ message: String) -> ExitCode {
      console.err(
        "Error: \(message)\n\(HelpText.optimizeUsage)\nSee 'fenqi optimize --help'."
      )
      return .badInput
    }
    let threads: Int
    let budget: Int?
    let seed: UInt64?
    do throws(Arguments.Problem) {
      threads =
        try args.positiveInteger("--threads")
        ?? ProcessInfo.processInfo.activeProcessorCount
      budget = try args.positiveInteger("--budget")
      seed = try args.seed()
    } catch { return usage(error.message) }
    guard let (index, count) = SweepCommand.shard(args.values["--shard"]) else {
      return usage(
        "'--shard' expects I/N with 1 ≤ I ≤ N, found '\(args.values["--shard"] ?? "")'"
      )
    }
    var algorithm: OptimizerAlgorithm?
    if let name = args.values["--algorithm"] {
      guard let a = OptimizerAlgorithm(rawValue: name) else {
        return usage(
          "'--algorithm' expects \(OptimizerAlgorithm.allCases.map(\.rawValue).joined(separator: " or ")), found '\(name)'"
        )
      }
      algorithm = a
    }
    let file = args.positionals[0]
    var inputs: OptimizationInputs
    do throws(OptimizationError) {
      inputs = try OptimizationInputs.load(file: file)
    } catch {
      console.err(error.message)
      return .badInput
    }
    var settings = inputs.settings
    if let algorithm { settings.algorithm = algorithm }
    if let seed { settings.seed = seed }
    if let budget {
      guard budget >= 2 else {
        return usage("'--budget' expects at least 2 plans")
      }
      settings.budget = budget
    }
    inputs = inputs.with(settings)
    let name = URL(fileURLWithPath: file).deletingPathExtension()
      .lastPathComponent
    let folder = args.values["--out"] ?? "Results/\(RunCommand.safeName(name))"
    let job = OptimizationJob(
      inputs: inputs, folder: folder, shard: (index, count), threads: threads,
      quiet: args.flags.contains("--quiet"), console: console)
    return job.run(
      resume: args.flags.contains("--resume"),
      force: args.flags.contains("--force"))
  }
}
