import FenqiCore
import FenqiOptimization
import FenqiReport
import Foundation

/// `fenqi merge` of optimisation shards: each shard is an independent restart of the same
/// search; their trials are pooled, the best of them all verified, and one folder written.
enum OptimizationMerge {
  /// Whether `folder` is an optimisation's.
  static func isOptimization(_ folder: String) -> Bool {
    FileManager.default.fileExists(atPath: folder + "/optimization.json")
      && FileManager.default.fileExists(atPath: folder + "/trials.csv")
  }

  static func merge(
    _ shards: [String], into out: String, force: Bool, console: Console
  )
    -> ExitCode
  {
    func fail(_ message: String) -> ExitCode {
      console.err("Error: " + message)
      return .badInput
    }
    var identities: [[(key: String, value: JSONValue)]] = []
    for folder in shards {
      guard
        let text = try? String(
          contentsOfFile: folder + "/optimization.json", encoding: .utf8),
        case .object(let members)? = try? JSONParser.parse(text)
      else {
        return fail(
          "\(folder)/optimization.json: not an optimisation's identity")
      }
      identities.append(members)
    }
    let first = identities[0].filter { $0.key != "shard" }
    for (k, members) in identities.enumerated()
    where members.filter({ $0.key != "shard" }).map(\.key) != first.map(\.key)
      || zip(members.filter { $0.key != "shard" }, first).contains(where: {
        $0.value != $1.value
      })
    {
      return fail(
        "\(shards[k]) is another optimisation's shard (its file, scenario, algorithm, seed or budget differ from \(shards[0])'s)"
      )
    }
    let named = identities.compactMap { m in
      m.first { $0.key == "shard" }?.value.stringValue
    }
    let count =
      named.first.flatMap { $0.split(separator: "/").last.flatMap { Int($0) } }
      ?? 0
    guard Set(named).count == named.count, named.count == count,
      Set(named) == Set((1...max(1, count)).map { "\($0)/\(count)" })
    else {
      return fail(
        "the shards \(named.joined(separator: ", ")) are not each of 1/n … n/n exactly once"
      )
    }
    let field = { (key: String) in first.first { $0.key == key }?.value }
    guard let file = field("file")?.stringValue,
      let text = field("text")?.stringValue,
      let scenarioText = field("scenarioText")?.stringValue
    else { return fail("\(shards[0])/optimization.json: incomplete identity") }
    var inputs: OptimizationInputs
    do throws(OptimizationError) {
      inputs = try OptimizationInputs.from(
        file: file, text: text, scenarioText: scenarioText)
    } catch { return fail(error.message) }
    var settings = inputs.settings
    if let a = field("algorithm")?.stringValue.flatMap(
      OptimizerAlgorithm.init(rawValue:))
    {
      settings.algorithm = a
    }
    if let s = field("seed")?.numberValue { settings.seed = UInt64(s) }
    if let b = field("budget")?.numberValue { settings.budget = Int(b) }
    inputs = inputs.with(settings)
    var trials: [OptimizationTrial] = []
    for folder in shards {
      let csv =
        (try? String(contentsOfFile: folder + "/trials.csv", encoding: .utf8))
        ?? ""
      guard let mine = OptimizationFiles.readTrials(csv, settings: settings)
      else {
        return fail("\(folder)/trials.csv: not this optimisation's trials")
      }
      for var t in mine {
        t.index = trials.count
        trials.append(t)
      }
    }
    guard !trials.isEmpty else { return fail("the shards hold no trials yet") }
    let result = OptimizationResult(
      inputs, trials: trials,
      threads: ProcessInfo.processInfo.activeProcessorCount)
    var identity = first
    identity.append(("shard", .string("merged \(count)")))
    do {
      try RunFolderWriter.write(
        [("optimization.json", JSONWriter.text(.object(identity)))]
          + OptimizationJob.files(result), to: out, force: force)
    } catch {
      console.err(error.message)
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(out)
    return .success
  }
}
