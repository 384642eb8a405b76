import FenqiCalibration
import FenqiCore
import FenqiCredit
import Foundation

/// `fenqi moments TAPE.csv --out moments.json`: a loan tape's vintage curves, roll rates and
/// mix, with bootstrap standard errors, written for calibration and summarised on stdout.
///
/// Everything is checked before anything is written: the options, the output path, then every
/// row of the tape; a problem exits 2 and writes nothing.
enum MomentsCommand {
  /// The most bootstrap replicates `--bootstrap` takes.
  static let maxReplicates = 100_000

  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "loan tape",
        valued: ["--out", "--bootstrap", "--seed", "--threads"],
        flags: ["--force"], help: HelpText.moments,
        usage: HelpText.momentsUsage, command: "moments", console: console,
        exit: &code)
    else { return code }
    let settings: Settings
    do throws(Arguments.Problem) { settings = try Settings(args) } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.momentsUsage)\nSee 'fenqi moments --help'."
      )
      return .badInput
    }
    let file = args.positionals[0]
    let out = settings.out ?? defaultOutput(file)
    if let problem = outputProblem(out, force: args.flags.contains("--force")) {
      console.err("Error: \(problem)")
      return .badInput
    }
    let tape: LoanTape
    do { tape = try LoanTapeReader.load(path: file) } catch {
      console.err(error.message)
      return .badInput
    }
    guard tape.loanCount > 0 else {
      console.err(
        "\(file): no loan rows; expected at least one loan after the header")
      return .badInput
    }
    let moments = TapeMoments.compute(
      tape, replicates: settings.replicates, seed: settings.seed,
      threads: settings.threads)
    do { try MomentsFile.write(moments, to: out) } catch {
      console.err("Error: \(error.message)")
      return .runFailed
    }
    console.out(MomentsSummary.text(tape: tape, moments: moments))
    console.out("Moments: \(moments.moments.count) written to \(out)")
    return .success
  }

  /// `<tape stem>.moments.json` in the working folder.
  static func defaultOutput(_ tape: String) -> String {
    URL(fileURLWithPath: tape).deletingPathExtension().lastPathComponent
      + ".moments.json"
  }

  /// Why `out` cannot be written, checked before the tape is read.
  static func outputProblem(_ out: String, force: Bool) -> String? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: out, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        return "'\(out)' is a folder; give a file path to --out"
      }
      if !force { return "'\(out)' exists; pass --force to replace it" }
    }
    let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
    if !fm.fileExists(atPath: parent, isDirectory: &isDirectory)
      || !isDirectory.boolValue
    {
      return "the folder of '\(out)' does not exist"
    }
    return nil
  }

  /// The validated options.
  struct Settings {
    var out: String?
    var replicates = TapeMoments.defaultReplicates
    var seed: UInt64 = 1
    var threads = ProcessInfo.processInfo.activeProcessorCount

    init(_ args: Arguments) throws(Arguments.Problem) {
      out = args.values["--out"]
      if let text = args.values["--bootstrap"] {
        guard let b = Int(text), b >= 2, b <= MomentsCommand.maxReplicates
        else {
          throw Arguments.Problem(
            message:
              "'--bootstrap' expects an integer in [2, \(MomentsCommand.maxReplicates)], found '\(text)'"
          )
        }
        replicates = b
      }
      seed = try args.seed() ?? 1
      threads = try args.positiveInteger("--threads") ?? threads
    }
  }
}
