import FenqiReport

/// `fenqi report RUN_DIR`: regenerate `report.md` and `report.html` from a run folder's files.
enum ReportCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(words, valued: [], flags: ["--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.report)
        return .success
      }
      guard args.positionals.count == 1 else {
        throw Arguments.Problem(
          message: args.positionals.isEmpty
            ? "missing the run folder"
            : "expected one run folder, found \(args.positionals.count) arguments"
        )
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.reportUsage)\nSee 'fenqi report --help'."
      )
      return .badInput
    }
    let folder = args.positionals[0]
    let data: RunData
    do { data = try RunData.load(folder: folder) } catch {
      console.err(error.message)
      return .badInput
    }
    do {
      try RunFolderWriter.replace(RunFolderWriter.reports(data), in: folder)
    } catch {
      console.err(error.message)
      return .runFailed
    }
    console.out(folder + "/report.html")
    return .success
  }
}
