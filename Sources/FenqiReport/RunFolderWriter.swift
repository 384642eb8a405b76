import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation

/// What the manifest records about a run besides its results.
public struct RunManifest: Sendable {
  /// The scenario file as given on the command line.
  public var scenarioFile: String
  /// SHA-256 of the scenario file's bytes.
  public var scenarioSHA256: String
  /// The fenqi version.
  public var fenqiVersion: String
  /// When the run started, ISO 8601 UTC (the manifest is the only file with times in it).
  public var startedAt: String
  /// When the run finished, ISO 8601 UTC.
  public var finishedAt: String
  /// Worker threads used.
  public var threads: Int

  /// Creates a manifest record.
  public init(
    scenarioFile: String, scenarioSHA256: String, fenqiVersion: String,
    startedAt: String, finishedAt: String, threads: Int
  ) {
    self.scenarioFile = scenarioFile
    self.scenarioSHA256 = scenarioSHA256
    self.fenqiVersion = fenqiVersion
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.threads = threads
  }
}

/// Why a run folder could not be written.
public enum OutputError: Error, Equatable, Sendable {
  /// The folder exists and `--force` was not given.
  case exists(String)
  /// `--force` was given, but the folder holds `entry`, which no fenqi command writes (or
  /// `path` is a file), so it is not replaced.
  case notFenqiFolder(path: String, entry: String)
  /// The file system refused.
  case failed(path: String, reason: String)

  /// The message for stderr.
  public var message: String {
    switch self {
    case .exists(let p):
      return
        "\(p): the output folder exists already; choose another --out or pass --force to replace it"
    case .notFenqiFolder(let p, let entry):
      let what =
        URL(fileURLWithPath: p).lastPathComponent == entry
        ? "it is a file" : "it holds '\(entry)', which fenqi does not write"
      return
        "\(p): not replacing it with --force: \(what), so it is not a fenqi folder; choose another --out"
    case .failed(let p, let reason):
      return "\(p): cannot write the results: \(reason)"
    }
  }

  /// Whether the problem is the user's choice of folder (exit 2) rather than the file
  /// system's refusal (exit 1).
  public var isBadInput: Bool {
    if case .failed = self { return false }
    return true
  }
}

/// Writes a run folder atomically: every file goes into a temporary folder beside the target,
/// which is then renamed into place, so a failed or interrupted run leaves no half-written folder.
public enum RunFolderWriter {
  /// The files of a run folder, by name, in ``RunFile`` order: `manifest.json` (which lists the
  /// others), the data files, then the reports rendered from them (so that ``RunData`` read back
  /// from the folder gives the same reports).
  ///
  /// - Parameters:
  ///   - result: The run.
  ///   - manifest: What the manifest records besides the results.
  ///   - experiment: The experiment's outputs, when the scenario declares one.
  ///   - replicates: `replicates.csv` and `replicates-summary.csv` of a replicate study.
  ///   - economics: the incremental economics (`economics.csv`; none when empty).
  /// - Returns: Names and texts, `manifest.json` first; its `files` lists the others.
  public static func files(
    _ result: RunResult, manifest: RunManifest,
    experiment: ExperimentFiles? = nil,
    replicates: (rows: CSVTable, summary: CSVTable)? = nil,
    economics: [EconomicsRow] = []
  ) -> [(name: String, text: String)] {
    var data = dataFiles(result, experiment: experiment)
    if !economics.isEmpty {
      data.append((.economics, EconomicsTable.csv(economics).text))
    }
    if let replicates {
      data.append((.replicates, replicates.rows.text))
      data.append((.replicatesSummary, replicates.summary.text))
    }
    data.sort { $0.file.position < $1.file.position }
    // The manifest lists every other file; the reports read it too.
    let names =
      data.map(\.file.name) + [RunFile.markdownReport, .htmlReport].map(\.name)
    let manifestText = JSONWriter.text(
      manifestJSON(result, manifest, files: names))
    var byName = [RunFile.manifest.name: manifestText]
    for f in data { byName[f.file.name] = f.text }
    let rendered: [(name: String, text: String)]
    do { rendered = reports(try RunData(files: byName)) } catch {
      preconditionFailure(
        "a run's own files failed to read back: \(error.message)")
    }
    let written =
      [(name: RunFile.manifest.name, text: manifestText)]
      + data.map { (name: $0.file.name, text: $0.text) } + rendered
    let order = written.compactMap { RunFile(rawValue: $0.name) }
    precondition(
      written.map(\.name) == [RunFile.manifest.name] + names
        && order.count == written.count
        && zip(order, order.dropFirst()).allSatisfy {
          $0.position < $1.position
        },
      "run files out of RunFile order: \(written.map(\.name))")
    return written
  }

  /// The data files of a run (everything but the manifest, the replicates and the reports),
  /// as ``RunFile`` builds them.
  static func dataFiles(_ result: RunResult, experiment: ExperimentFiles?)
    -> [(file: RunFile, text: String)]
  {
    RunFile.allCases.compactMap { file in
      file.text(for: result, experiment: experiment).map { (file, $0) }
    }
  }

  /// `report.md` and `report.html` for a run's data.
  public static func reports(_ data: RunData) -> [(name: String, text: String)]
  {
    [
      (RunFile.markdownReport.name, MarkdownReport.text(data)),
      (RunFile.htmlReport.name, HTMLReport.page(data)),
    ]
  }

  /// `summary.json`, with the experiment's settings and verdicts when there is one.
  static func summary(_ result: RunResult, experiment: ExperimentFiles?)
    -> JSONValue
  {
    let base = ResultTables.summary(result)
    guard case .object(var members) = base else { return base }
    let s = result.scenario
    if s.horizon != nil {
      // The window, the run-off and the discount rate: what "lifetime" and NPV mean here.
      members.append(
        (
          "horizon",
          .object([
            ("windowMonths", .number(Double(s.window))),
            ("runOffMonths", .number(Double(s.runOffMonths))),
            ("annualDiscountRate", .number(s.annualDiscountRate)),
          ])
        ))
    }
    if let experiment {
      members.append(
        ("experiment", experiment.summary(arms: s.arms.map(\.name))))
    }
    return .object(members)
  }

  /// `manifest.json`, listing `files`: every other file written, in order.
  static func manifestJSON(
    _ r: RunResult, _ m: RunManifest, files: [String]
  ) -> JSONValue {
    .object([
      ("scenario", .string(r.scenario.name)),
      ("scenarioFile", .string(m.scenarioFile)),
      ("scenarioSHA256", .string(m.scenarioSHA256)),
      ("seed", .number(Double(r.scenario.seed))),
      ("fenqiVersion", .string(m.fenqiVersion)),
      ("startedAt", .string(m.startedAt)),
      ("finishedAt", .string(m.finishedAt)),
      ("threads", .number(Double(m.threads))),
      ("customers", .number(Double(r.scenario.population.size))),
      ("periods", .number(Double(r.scenario.periods))),
      ("files", .array(files.map { .string($0) })),
    ])
  }

  /// Fails if `folder` may not be written; call before a long run.
  ///
  /// A missing or empty folder may be written. Another may be replaced only with `force`, and
  /// only when it is a fenqi folder: everything in it is a file some fenqi command writes.
  public static func checkWritable(_ folder: String, force: Bool)
    throws(OutputError)
  {
    guard FileManager.default.fileExists(atPath: folder),
      !isEmptyFolder(folder)
    else { return }
    guard force else { throw .exists(folder) }
    if let entry = foreignEntry(in: folder) {
      throw .notFenqiFolder(path: folder, entry: entry)
    }
  }

  /// Writes `files` into `folder` atomically (temporary sibling, then rename).
  ///
  /// A missing or empty `folder` is written; a fenqi folder is replaced only with `force`
  /// (see ``checkWritable(_:force:)``). The rename never replaces a folder with anything in it,
  /// so nothing is overwritten without `force`, even by a concurrent process. Temporary
  /// siblings that killed processes left beside `folder` are removed first. With `workbook`,
  /// `report.xlsx` holds every CSV file of `files` as a sheet (``Workbook``).
  public static func write(
    _ files: [(name: String, text: String)], to folder: String, force: Bool,
    workbook: Bool = false
  ) throws(OutputError) {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: folder).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let temporary = parent.appendingPathComponent(
      partialName(target.lastPathComponent))
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
      removeStalePartials(in: parent.path)
      if fm.fileExists(atPath: temporary.path) {
        try fm.removeItem(at: temporary)
      }
      try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
      for f in files {
        let url = temporary.appendingPathComponent(f.name)
        if f.name.contains("/") {
          try fm.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true)
        }
        try Data(f.text.utf8).write(to: url, options: .atomic)
      }
      if workbook {
        let tables = files.filter { $0.name.hasSuffix(".csv") }.map {
          (name: String($0.name.dropLast(4)), csv: $0.text)
        }
        try Data(Workbook.xlsx(tables)).write(
          to: temporary.appendingPathComponent(RunFile.workbook.name),
          options: .atomic)
      }
      if fm.fileExists(atPath: target.path), !isEmptyFolder(target.path) {
        do throws(OutputError) {
          guard force else { throw .exists(folder) }
          if let entry = foreignEntry(in: target.path) {
            throw .notFenqiFolder(path: folder, entry: entry)
          }
        } catch {
          try? fm.removeItem(at: temporary)
          throw error
        }
        try fm.removeItem(at: target)
      }
      // rename(2) replaces an empty folder but never one with files in it.
      guard rename(temporary.path, target.path) == 0 else {
        let code = errno
        try? fm.removeItem(at: temporary)
        throw [EEXIST, ENOTEMPTY, ENOTDIR, EISDIR].contains(code)
          ? OutputError.exists(folder)
          : OutputError.failed(
            path: folder, reason: String(cString: strerror(code)))
      }
    } catch let e as OutputError {
      throw e
    } catch {
      try? fm.removeItem(at: temporary)
      throw .failed(path: folder, reason: error.localizedDescription)
    }
  }

  /// Replaces files inside an existing folder, each written to a temporary sibling and renamed over
  /// the old one, so a reader never sees a half-written file.
  public static func replace(
    _ files: [(name: String, text: String)], in folder: String
  ) throws(OutputError) {
    let fm = FileManager.default
    let base = URL(fileURLWithPath: folder)
    removeStalePartials(in: folder)
    for f in files {
      let target = base.appendingPathComponent(f.name)
      let temporary = base.appendingPathComponent(partialName(f.name))
      do {
        try Data(f.text.utf8).write(to: temporary)
        // rename(2) replaces the old file atomically.
        guard rename(temporary.path, target.path) == 0 else {
          throw OutputError.failed(
            path: target.path, reason: String(cString: strerror(errno)))
        }
      } catch let e as OutputError {
        try? fm.removeItem(at: temporary)
        throw e
      } catch {
        try? fm.removeItem(at: temporary)
        throw .failed(path: target.path, reason: error.localizedDescription)
      }
    }
  }
}
