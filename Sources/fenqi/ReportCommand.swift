import FenqiReport

/// `fenqi report RUN_DIR`: regenerate `report.md` and `report.html` from a run folder's files.
enum ReportCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "run folder", help: HelpText.report,
        usage: HelpText.reportUsage, command: "report",
        console: console, exit: &code)
    else { return code }
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
