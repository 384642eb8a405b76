import FenqiCalibration
import FenqiCore
import FenqiReport
import FenqiSimulation
import Foundation

/// `fenqi calibrate CALIBRATION.json --out DIR`: the method of simulated moments over a
/// scenario's free parameters; shardable (the global stage) and resumable.
enum CalibrateCommand {
  /// The model calibrated: runs a scenario (its seed set) on one thread — the calibration runs
  /// points in parallel — and measures its loan tape's moments and whole-book figures.
  ///
  /// Points on one replicate seed share their customers (generated once per seed, see
  /// ``PopulationCache``) unless the population itself is calibrated.
  static func measure(populations: PopulationCache)
    -> ScenarioMomentSimulator.Measure
  {
    { scenario, _ in
      SimulatedBook.measure(scenario, threads: 1, populations: populations)
    }
  }

  /// The simulator of checked inputs.
  static func simulator(_ inputs: CalibrationInputs) -> ScenarioMomentSimulator
  {
    ScenarioMomentSimulator(
      inputs: inputs, measure: measure(populations: PopulationCache()))
  }

  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "calibration file",
        valued: ["--out", "--threads", "--shard"],
        flags: ["--resume", "--quiet"], help: HelpText.calibrate,
        usage: HelpText.calibrateUsage, command: "calibrate", console: console,
        exit: &code)
    else { return code }
    func usage(_ message: String) -> ExitCode {
      console.err(
        "Error: \(message)\n\(HelpText.calibrateUsage)\nSee 'fenqi calibrate --help'."
      )
      return .badInput
    }
    let threads: Int
    do throws(Arguments.Problem) {
      threads =
        try args.positiveInteger("--threads")
        ?? ProcessInfo.processInfo.activeProcessorCount
    } catch { return usage(error.message) }
    guard let (index, count) = SweepCommand.shard(args.values["--shard"]) else {
      return usage(
        "'--shard' expects I/N with 1 ≤ I ≤ N, found '\(args.values["--shard"] ?? "")'"
      )
    }
    let shard = CalibrationShard(index: index, count: count)
    let file = args.positionals[0]
    let inputs: CalibrationInputs
    do { inputs = try CalibrationInputs.load(file: file) } catch {
      console.err(error.message)
      return .badInput
    }
    let name = URL(fileURLWithPath: file).deletingPathExtension()
      .lastPathComponent
    let folder =
      args.values["--out"] ?? "Results/\(RunCommand.safeName(name))-calibration"
    let quiet = args.flags.contains("--quiet")
    let progress: (String) -> Void = { line in
      if !quiet { console.err("fenqi: " + line) }
    }
    let opened: CalibrationFolder
    do {
      removeStaleTemporaries(of: folder)
      opened = try CalibrationFolder.open(
        folder, inputs: inputs, version: HelpText.version, shard: shard,
        resume: args.flags.contains("--resume"))
    } catch { return report(error, console: console) }
    let calibration = Calibration(
      inputs: inputs, simulator: simulator(inputs), threads: threads)
    if shard.count > 1 {
      do {
        try calibration.evaluateGlobal(
          shard: shard, store: opened, progress: progress)
      } catch { return report(error, console: console) }
      progress(
        "shard \(shard.index)/\(shard.count): its global trials are done; combine the shards with 'fenqi merge'"
      )
      console.out(folder)
      return .success
    }
    return finish(calibration, in: opened, console: console, progress: progress)
  }

  /// Runs every stage on `folder` (its stored trials reused) and writes the outputs.
  static func finish(
    _ calibration: Calibration<ScenarioMomentSimulator>,
    in folder: CalibrationFolder,
    console: Console, progress: (String) -> Void
  ) -> ExitCode {
    do {
      let result = try calibration.run(store: folder, progress: progress)
      try folder.write(CalibrationFiles.files(result))
      progress(
        "estimate "
          + zip(calibration.inputs.paths, result.estimate).map {
            "\($0) = \(JSONWriter.format($1))"
          }.joined(separator: ", "))
    } catch { return report(error, console: console) }
    console.out(folder.path)
    return .success
  }

  /// `fenqi merge` of calibration shards: the global trials combined into `out`, then the local
  /// and uncertainty stages run there.
  static func merge(_ shards: [String], into out: String, console: Console)
    -> ExitCode
  {
    let merged: (folder: CalibrationFolder, inputs: CalibrationInputs)
    do {
      removeStaleTemporaries(of: out)
      merged = try CalibrationFolder.merge(
        shards: shards, into: out, version: HelpText.version)
    } catch { return report(error, console: console) }
    let calibration = Calibration(
      inputs: merged.inputs, simulator: simulator(merged.inputs),
      threads: ProcessInfo.processInfo.activeProcessorCount)
    return finish(
      calibration, in: merged.folder, console: console,
      progress: { console.err("fenqi: " + $0) })
  }

  /// Removes what killed processes on this machine left: temporaries beside the folder and in
  /// its `trials/`.
  static func removeStaleTemporaries(of folder: String) {
    let url = URL(fileURLWithPath: folder).standardizedFileURL
    RunFolderWriter.removeStalePartials(
      in: url.deletingLastPathComponent().path)
    RunFolderWriter.removeStalePartials(
      in: url.appendingPathComponent(CalibrationFolder.trialsFolder).path)
  }

  static func report(_ failure: CalibrationFailure, console: Console)
    -> ExitCode
  {
    console.err("Error: \(failure.description)")
    return failure.isBadInput ? .badInput : .runFailed
  }
}
