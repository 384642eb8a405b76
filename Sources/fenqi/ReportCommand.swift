import FenqiCore
import FenqiReport
import Foundation

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
    if FileManager.default.fileExists(atPath: folder + "/stress.json") {
      return stressReport(folder, console: console)
    }
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

  /// Regenerates a stress folder's summary files and `report.html` from its files.
  static func stressReport(_ folder: String, console: Console) -> ExitCode {
    func read(_ name: String) -> String? {
      try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    let names = StressTables.sharedFiles + [StressTables.reverseFile]
    guard let identityText = read("stress.json"),
      let stress = read("stress.csv"),
      let identity = try? JSONParser.parse(identityText)
    else {
      console.err(
        "\(folder): expected stress.json and stress.csv of a stress run")
      return .badInput
    }
    let shared = names.compactMap { name in read(name).map { (name, $0) } }
    do {
      let files = try StressTables.summaryFiles(
        identity: identity, stress: stress, shared: shared)
      try RunFolderWriter.replace(files, in: folder)
    } catch {
      console.err("\(folder): \(error)")
      return .runFailed
    }
    console.out(folder + "/report.html")
    return .success
  }
}
