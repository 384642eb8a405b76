import FenqiCalibration
import FenqiCore
import FenqiReport
import Foundation

/// `fenqi merge SHARD_DIR… --out DIR`: combines the shard folders of a sweep, a stress run or a
/// calibration into exactly the folder one process would have written.
enum MergeCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--out"], flags: ["--force", "--help"])
    } catch {
      console.err("Error: \(error.message)\n\(HelpText.mergeUsage)")
      return .badInput
    }
    if args.flags.contains("--help") {
      console.out(HelpText.merge)
      return .success
    }
    guard let out = args.values["--out"], !args.positionals.isEmpty else {
      console.err(
        "Error: give the shard folders and --out <dir>\n\(HelpText.mergeUsage)")
      return .badInput
    }
    if FileManager.default.fileExists(
      atPath: args.positionals[0] + "/" + CalibrationFolder.identityName)
    {
      guard !args.flags.contains("--force") else {
        console.err(
          "Error: --force does not apply to a calibration's shards: give a new or empty --out, or the folder of a merge to continue\n\(HelpText.mergeUsage)"
        )
        return .badInput
      }
      return CalibrateCommand.merge(
        args.positionals, into: out, console: console)
    }
    if OptimizationMerge.isOptimization(args.positionals[0]) {
      return OptimizationMerge.merge(
        args.positionals, into: out, force: args.flags.contains("--force"),
        console: console)
    }
    let stress = FileManager.default.fileExists(
      atPath: args.positionals[0] + "/stress.json")
    let files: [(name: String, text: String)]
    do {
      let shards = try ShardSet(
        folders: args.positionals,
        identityFile: stress ? "stress.json" : "sweep.json")
      files = try stress ? stressFiles(shards) : sweepFiles(shards)
    } catch let problem as ShardSet.Problem {
      console.err("Error: \(problem.message)")
      return .badInput
    } catch {
      console.err("Error: \(error)")
      return .runFailed
    }
    do {
      try RunFolderWriter.write(
        files, to: out, force: args.flags.contains("--force"))
    } catch {
      console.err(error.message)
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(out)
    return .success
  }

  /// The shard folders of one run, checked: the same run (identity without the shard), each of
  /// shards 1…N present once.
  struct ShardSet {
    struct Problem: Error {
      var message: String
    }

    /// The run's identity without the shard.
    var identity: JSONValue
    /// The shard count.
    var count: Int
    /// The folder of each shard, by 1-based index.
    var folders: [Int: String]

    init(folders list: [String], identityFile: String) throws(Problem) {
      let kind = identityFile == "stress.json" ? "stress run" : "sweep"
      var identity: JSONValue?
      var count = 0
      var folders: [Int: String] = [:]
      for folder in list {
        guard
          let data = FileManager.default.contents(
            atPath: folder + "/" + identityFile),
          let id = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
        else {
          throw Problem(
            message:
              "'\(folder)' is not a \(kind) folder (no readable \(identityFile))"
          )
        }
        guard case .number(let index) = id["shard"]?["index"] ?? .null,
          case .number(let total) = id["shard"]?["count"] ?? .null
        else {
          throw Problem(
            message:
              "'\(folder)' is not a shard (its \(identityFile) has no shard)")
        }
        guard total >= 1, total <= 1_000_000, total == total.rounded(),
          index >= 1, index <= total, index == index.rounded()
        else {
          throw Problem(
            message:
              "'\(folder)/\(identityFile)': $.shard: expected a whole index in 1…count and a count in 1…1000000, found \(JSONWriter.format(index))/\(JSONWriter.format(total))"
          )
        }
        let (i, n) = (Int(index), Int(total))
        let base = SweepFiles.withoutShard(id)
        // The scenario's path may be spelled differently on each machine; its SHA-256 decides.
        if let identity,
          SweepFiles.matchText(identity) != SweepFiles.matchText(base)
        {
          throw Problem(
            message:
              "'\(folder)' is a shard of another \(kind) (scenario, grid, seed, replicates or paths, or version differ from '\(list[0])')"
          )
        }
        identity = identity ?? base
        if count != 0, n != count {
          throw Problem(
            message: "'\(folder)' says \(n) shards, '\(list[0])' says \(count)")
        }
        count = n
        if let other = folders[i] {
          throw Problem(
            message:
              "shard \(i)/\(count) appears twice: '\(other)' and '\(folder)'")
        }
        folders[i] = folder
      }
      let missing = (1...Swift.max(1, count)).filter { folders[$0] == nil }
      guard missing.isEmpty, let identity else {
        throw Problem(
          message:
            "missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"
        )
      }
      self.identity = identity
      self.count = count
      self.folders = folders
    }

    /// A file of shard `index`, or a problem naming it as unfinished.
    func text(_ name: String, shard index: Int) throws(Problem) -> String {
      let folder = folders[index] ?? ""
      guard let data = FileManager.default.contents(atPath: folder + "/" + name)
      else {
        throw Problem(
          message:
            "shard \(index)/\(count) in '\(folder)' is unfinished: \(name) is missing (resume it with --resume)"
        )
      }
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// A sweep's folder: its units in order, and the summary files.
  static func sweepFiles(_ shards: ShardSet) throws -> [(
    name: String, text: String
  )] {
    guard case .number(let count) = shards.identity["units"] ?? .null,
      count >= 1, count <= 100_000_000, count == count.rounded()
    else {
      throw ShardSet.Problem(
        message: "the shards' sweep.json has no valid unit count")
    }
    let (axes, replicates) = SweepFiles.axesAndReplicates(shards.identity)
    var arms: Int?
    var units: [String] = []
    for k in 0..<Int(count) {
      let shard = k % shards.count + 1
      let text = try shards.text(
        "units/" + SweepFiles.unitName(k), shard: shard)
      do {
        arms = try SweepFiles.checkUnit(
          text, unit: k, axes: axes, replicates: replicates, arms: arms
        ).count
      } catch {
        throw ShardSet.Problem(
          message:
            "shard \(shard)/\(shards.count) in '\(shards.folders[shard] ?? "")': \(error.description) (resume it with --resume)"
        )
      }
      units.append(text)
    }
    return [("sweep.json", JSONWriter.text(shards.identity))]
      + units.enumerated().map {
        ("units/" + SweepFiles.unitName($0.offset), $0.element)
      }
      + (try SweepFiles.summaryFiles(identity: shards.identity, units: units))
  }

  /// A stress run's folder: `stress.csv` rows in path order, the mean-path files (every shard
  /// computes them; they must agree), and the summary files.
  static func stressFiles(_ shards: ShardSet) throws -> [(
    name: String, text: String
  )] {
    let reverse = FileManager.default.fileExists(
      atPath: (shards.folders[1] ?? "") + "/" + StressTables.reverseFile)
    let shared =
      StressTables.sharedFiles + (reverse ? [StressTables.reverseFile] : [])
    var common: [String: String] = [:]
    var header = ""
    var rows: [(path: Int, line: String)] = []
    for index in 1...shards.count {
      for name in shared {
        let text = try shards.text(name, shard: index)
        if let known = common[name], known != text {
          throw ShardSet.Problem(
            message:
              "'\(shards.folders[index] ?? "")/\(name)' differs from the other shards'"
          )
        }
        common[name] = text
      }
      var lines = try shards.text("stress.csv", shard: index)
        .split(separator: "\n").map(String.init)
      if !lines.isEmpty { header = lines.removeFirst() }
      rows += lines.map { (Int($0.prefix { $0 != "," }) ?? 0, $0) }
    }
    guard case .number(let paths) = shards.identity["paths"] ?? .null,
      paths >= 1, paths <= 1e9, paths == paths.rounded(),
      Set(rows.map(\.path)).count == Int(paths)
    else {
      throw ShardSet.Problem(message: "the shards do not hold every path once")
    }
    // Stable by path: each path's arm rows keep their order.
    let ordered = rows.enumerated().sorted {
      $0.element.path != $1.element.path
        ? $0.element.path < $1.element.path : $0.offset < $1.offset
    }.map(\.element.line)
    let stress = ([header] + ordered).joined(separator: "\n") + "\n"
    return [
      ("stress.json", JSONWriter.text(shards.identity)), ("stress.csv", stress),
    ]
      + shared.map { ($0, common[$0] ?? "") }
      + (try StressTables.summaryFiles(
        identity: shards.identity, stress: stress,
        shared: shared.map { ($0, common[$0] ?? "") }))
  }
}
