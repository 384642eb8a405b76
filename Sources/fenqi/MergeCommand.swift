import FenqiCore
import FenqiReport
import Foundation

/// `fenqi merge SHARD_DIR… --out DIR`: combines a sweep's shard folders into exactly the folder
/// one process would have written.
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
    func fail(_ message: String) -> ExitCode {
      console.err("Error: \(message)")
      return .badInput
    }
    let fm = FileManager.default
    if fm.fileExists(atPath: args.positionals[0] + "/stress.json") {
      return mergeStress(
        args.positionals, out: out, force: args.flags.contains("--force"),
        console: console)
    }
    var identity: JSONValue?
    var count = 0
    var seen: [Int: String] = [:]
    var unitFiles: [Int: URL] = [:]
    var units = 0
    for folder in args.positionals {
      guard let data = fm.contents(atPath: folder + "/sweep.json"),
        let id = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
      else {
        return fail(
          "'\(folder)' is not a sweep folder (no readable sweep.json)")
      }
      guard case .number(let i) = id["shard"]?["index"] ?? .null,
        case .number(let n) = id["shard"]?["count"] ?? .null
      else {
        return fail("'\(folder)' is not a shard (its sweep.json has no shard)")
      }
      let base = SweepFiles.withoutShard(id)
      if let identity, JSONWriter.text(identity) != JSONWriter.text(base) {
        return fail(
          "'\(folder)' is a shard of another sweep (scenario, grid, seed, replicates or version differ from '\(args.positionals[0])')"
        )
      }
      identity = base
      if count != 0, Int(n) != count {
        return fail(
          "'\(folder)' says \(Int(n)) shards, '\(args.positionals[0])' says \(count)"
        )
      }
      count = Int(n)
      if let other = seen[Int(i)] {
        return fail(
          "shard \(Int(i))/\(count) appears twice: '\(other)' and '\(folder)'")
      }
      seen[Int(i)] = folder
      guard case .number(let u) = base["units"] ?? .null else {
        return fail("'\(folder)/sweep.json' has no unit count")
      }
      units = Int(u)
      for k in stride(from: Int(i) - 1, to: units, by: count) {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("units")
          .appendingPathComponent(SweepFiles.unitName(k))
        guard fm.fileExists(atPath: url.path) else {
          return fail(
            "shard \(Int(i))/\(count) in '\(folder)' is unfinished: unit \(k + 1) is missing (resume it with --resume)"
          )
        }
        unitFiles[k] = url
      }
    }
    let missing = (1...Swift.max(1, count)).filter { seen[$0] == nil }
    guard missing.isEmpty, let identity else {
      return fail(
        "missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"
      )
    }
    do {
      let texts = try (0..<units).map { u throws -> String in
        guard let url = unitFiles[u] else { throw CocoaError(.fileNoSuchFile) }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
      }
      var files: [(name: String, text: String)] = [
        ("sweep.json", JSONWriter.text(identity))
      ]
      files += (0..<units).map {
        ("units/" + SweepFiles.unitName($0), texts[$0])
      }
      files += try SweepFiles.summaryFiles(identity: identity, units: texts)
      try RunFolderWriter.write(
        files, to: out, force: args.flags.contains("--force"))
    } catch let e as OutputError {
      console.err(e.message)
      return .badInput
    } catch {
      console.err("Error: \(error)")
      return .runFailed
    }
    console.out(out)
    return .success
  }

  /// Merges the shard folders of a `fenqi stress` run: `stress.csv` rows in path order, the
  /// mean-path files (which every shard computes; they must agree), and the summary files.
  static func mergeStress(
    _ folders: [String], out: String, force: Bool, console: Console
  )
    -> ExitCode
  {
    func fail(_ message: String) -> ExitCode {
      console.err("Error: \(message)")
      return .badInput
    }
    let fm = FileManager.default
    let shared = ["mean_paths.csv", "vintages.csv", "ecl.csv", "macro.csv"]
    var identity: JSONValue?
    var count = 0
    var seen: [Int: String] = [:]
    var rows: [(path: Int, line: String)] = []
    var header = ""
    var common: [String: String] = [:]
    for folder in folders {
      guard let data = fm.contents(atPath: folder + "/stress.json"),
        let id = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
      else {
        return fail(
          "'\(folder)' is not a stress folder (no readable stress.json)")
      }
      guard case .number(let i) = id["shard"]?["index"] ?? .null,
        case .number(let n) = id["shard"]?["count"] ?? .null
      else {
        return fail("'\(folder)' is not a shard (its stress.json has no shard)")
      }
      let base = SweepFiles.withoutShard(id)
      if let identity, JSONWriter.text(identity) != JSONWriter.text(base) {
        return fail(
          "'\(folder)' is a shard of another stress run (scenario, seed, paths or version differ from '\(folders[0])')"
        )
      }
      identity = base
      if count != 0, Int(n) != count {
        return fail(
          "'\(folder)' says \(Int(n)) shards, '\(folders[0])' says \(count)")
      }
      count = Int(n)
      if let other = seen[Int(i)] {
        return fail(
          "shard \(Int(i))/\(count) appears twice: '\(other)' and '\(folder)'")
      }
      seen[Int(i)] = folder
      for name in shared + ["stress.csv"] {
        guard let d = fm.contents(atPath: folder + "/" + name) else {
          return fail(
            "shard \(Int(i))/\(count) in '\(folder)' is unfinished: \(name) is missing"
          )
        }
        let text = String(decoding: d, as: UTF8.self)
        if name == "stress.csv" {
          var lines = text.split(
            separator: "\n", omittingEmptySubsequences: true
          ).map(String.init)
          header = lines.isEmpty ? header : lines.removeFirst()
          for line in lines {
            rows.append((Int(line.prefix { $0 != "," }) ?? 0, line))
          }
        } else if let known = common[name], known != text {
          return fail("'\(folder)/\(name)' differs from the other shards'")
        } else {
          common[name] = text
        }
      }
    }
    let missing = (1...Swift.max(1, count)).filter { seen[$0] == nil }
    guard missing.isEmpty, let identity else {
      return fail(
        "missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"
      )
    }
    guard case .number(let paths) = identity["paths"] ?? .null,
      Set(rows.map(\.path)).count == Int(paths)
    else { return fail("the shards do not hold every path once") }
    // Stable by path: each path's arm rows keep their order.
    let ordered = rows.enumerated().sorted {
      $0.element.path != $1.element.path
        ? $0.element.path < $1.element.path : $0.offset < $1.offset
    }.map(\.element.line)
    let stress = ([header] + ordered).joined(separator: "\n") + "\n"
    do {
      var files: [(name: String, text: String)] = [
        ("stress.json", JSONWriter.text(identity)), ("stress.csv", stress),
      ]
      files += shared.map { ($0, common[$0] ?? "") }
      files += try StressTables.summaryFiles(
        identity: identity, stress: stress,
        meanPaths: common["mean_paths.csv"] ?? "",
        macro: common["macro.csv"] ?? "")
      try RunFolderWriter.write(files, to: out, force: force)
    } catch let e as OutputError {
      console.err(e.message)
      return .badInput
    } catch {
      console.err("Error: \(error)")
      return .runFailed
    }
    console.out(out)
    return .success
  }
}
