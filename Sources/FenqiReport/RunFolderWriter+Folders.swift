import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// New folders, fenqi's folders and the temporary siblings a killed process leaves behind.
extension RunFolderWriter {
  /// Creates a new, empty folder `parent/name`, or `name-2`, `name-3`, … when that is taken,
  /// and returns its path.
  ///
  /// The folder is claimed with mkdir(2), which fails when the name exists, so two processes
  /// never get the same folder and nothing is ever overwritten. ``write(_:to:force:)`` writes
  /// into the empty folder without `force`.
  ///
  /// - Throws: ``OutputError/failed(path:reason:)`` when the file system refuses.
  public static func newFolder(in parent: String, named name: String)
    throws(OutputError) -> String
  {
    do {
      try FileManager.default.createDirectory(
        atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw .failed(path: parent, reason: error.localizedDescription)
    }
    for k in 1...10_000 {
      let path = parent + "/" + (k == 1 ? name : "\(name)-\(k)")
      if mkdir(path, 0o777) == 0 { return path }
      guard errno == EEXIST else {
        throw .failed(path: path, reason: String(cString: strerror(errno)))
      }
    }
    throw .failed(
      path: parent + "/" + name, reason: "10,000 folders of that name exist")
  }

  /// The files the other fenqi folders hold: compare's, stress's and sweep's (a run folder's
  /// are ``RunFile``'s; analyze writes `tests.csv`).
  static let otherFolderFiles: Set<String> = Set(
    [
      "comparison.csv", "comparison.md", "comparison.html", "stress.json",
      "stress.csv", "stress_summary.csv", "sweep.json",
      "sweep.csv", "pareto.csv", "optimization.json", "trials.csv",
      "frontier.csv",
      "verification.csv", "best.json", StressTables.reverseFile,
    ] + StressTables.sharedFiles)

  /// A sweep's folder of unit files.
  static let unitsFolder = "units"

  /// The first entry of `folder` that no fenqi command writes.
  ///
  /// Nil when `folder` holds only fenqi's files, and so may be replaced with `--force`. A file
  /// at `folder` is itself the foreign entry.
  static func foreignEntry(in folder: String) -> String? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      return nil
    }
    guard isDirectory.boolValue else {
      return URL(fileURLWithPath: folder).lastPathComponent
    }
    let known = Set(RunFile.allCases.map(\.name)).union(otherFolderFiles)
    func isFile(_ path: String) -> Bool {
      var d: ObjCBool = false
      return fm.fileExists(atPath: path, isDirectory: &d) && !d.boolValue
    }
    for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
      let path = folder + "/" + name
      // Hidden files are temporaries of fenqi's atomic writes.
      if (known.contains(name) || name.hasPrefix(".")) && isFile(path) {
        continue
      }
      if name == unitsFolder, !isFile(path) {
        let units = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
        if let unit = units.first(where: {
          !(($0.hasSuffix(".csv") || $0.hasPrefix("."))
            && isFile(path + "/" + $0))
        }) {
          return name + "/" + unit
        }
        continue
      }
      return name
    }
    return nil
  }

  /// Whether `path` is a folder with nothing in it.
  static func isEmptyFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      && ((try? FileManager.default.contentsOfDirectory(atPath: path))?
        .isEmpty ?? false)
  }

  /// The name of this process's temporary sibling of `name`: `.<name>.partial-<host>-<pid>`.
  static func partialName(_ name: String) -> String {
    ".\(name).partial-\(hostName)-\(getpid())"
  }

  /// This machine's name as it appears in temporary names (no `/`).
  static let hostName: String = {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    return name.isEmpty ? "host" : name.replacingOccurrences(of: "/", with: "_")
  }()

  /// Removes the temporaries in `directory` that a process on this machine left when it was
  /// killed: those whose process no longer runs.
  ///
  /// Temporaries are fenqi's `.<name>.partial-<host>-<pid>` folders and files, older versions'
  /// `.<name>.partial-<pid>`, and Foundation's atomic-write files `.dat.nosync<pid>.<random>`.
  /// Those of other machines (a shared file system) and of live processes are kept; the last
  /// two kinds name no machine and are taken as this one's.
  public static func removeStalePartials(in directory: String) {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? []
    where name.hasPrefix(".") {
      guard let pid = temporaryOwner(name), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? fm.removeItem(atPath: directory + "/" + name)
      }
    }
  }

  /// The process on this machine that wrote the temporary `name`, or nil when `name` is not a
  /// temporary or belongs to another machine.
  static func temporaryOwner(_ name: String) -> pid_t? {
    if name.hasPrefix(".dat.nosync") {
      let digits = name.dropFirst(".dat.nosync".count).prefix { $0.isNumber }
      return pid_t(digits).flatMap { $0 > 0 ? $0 : nil }
    }
    guard let marker = name.range(of: ".partial-", options: .backwards) else {
      return nil
    }
    let owner = name[marker.upperBound...]
    let pidText = owner.split(separator: "-").last.map(String.init) ?? ""
    let host = owner.dropLast(pidText.count).dropLast()
    guard let pid = pid_t(pidText), pid > 0, host.isEmpty || host == hostName
    else { return nil }
    return pid
  }
}
