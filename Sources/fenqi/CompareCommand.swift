import FenqiReport
import Foundation

/// `fenqi compare RUN_DIR RUN_DIR [...] [--out DIR] [--force]`: one report comparing several runs.
enum CompareCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--out"], flags: ["--help", "--force"])
      if args.flags.contains("--help") {
        console.out(HelpText.compare)
        return .success
      }
      guard args.positionals.count >= 2 else {
        throw Arguments.Problem(
          message:
            "expected at least two run folders, found \(args.positionals.count)"
        )
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.compareUsage)\nSee 'fenqi compare --help'."
      )
      return .badInput
    }
    var runs: [(folder: String, data: RunData)] = []
    var problems: [String] = []
    for folder in args.positionals {
      do { runs.append((folder, try RunData.load(folder: folder))) } catch {
        problems.append(error.message)
      }
    }
    guard problems.isEmpty else {
      console.err(problems.joined(separator: "\n"))
      return .badInput
    }
    let force = args.flags.contains("--force")
    guard
      let out = RunCommand.outputFolder(
        args, in: "Results/comparisons", console: console)
    else { return .badInput }
    let comparison = Comparison(runs: runs)
    for warning in comparison.noiseWarnings {
      console.err("warning: " + warning)
    }
    do {
      try RunFolderWriter.write(
        [
          ("comparison.csv", comparison.table.text),
          ("comparison.md", comparison.markdown),
          ("comparison.html", comparison.html),
        ], to: out, force: force)
    } catch {
      console.err(error.message)
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(out)
    return .success
  }
}
