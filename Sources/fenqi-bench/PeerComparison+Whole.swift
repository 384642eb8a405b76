import FenqiCore
import FenqiExperiment
import Foundation

/// `peer --whole`: the two as whole processes — `fenqi run` writing its run folder against the
/// NumPy script writing its monthly CSV — alternately, with medians; and in the same rounds
/// Fenqi's in-process set-up and months, so that the rest of each process (start-up, writing)
/// reads apart.
extension PeerComparison {
  /// One round's figures, seconds.
  struct WholeRound {
    var peerWall = 0.0
    var peerSetup = 0.0
    var peerMonths = 0.0
    var fenqiWall = 0.0
    var fenqiSetup = 0.0
    var fenqiMonths = 0.0
  }

  static func whole(n: Int, threads: Int, runs: Int, peer: String) {
    let bin = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent()
    let fenqi = bin.appendingPathComponent("fenqi").path
    guard FileManager.default.isExecutableFile(atPath: fenqi) else {
      FenqiBench.fail("no fenqi beside fenqi-bench (\(fenqi)); build it first")
    }
    let work = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-bench-whole-\(getpid())")
    defer { try? FileManager.default.removeItem(at: work) }
    let scenario = work.appendingPathComponent("peer-lifecycle.json").path
    do {
      try FileManager.default.createDirectory(
        at: work, withIntermediateDirectories: true)
      let text = try String(
        contentsOfFile: "Scenarios/peer-lifecycle.json", encoding: .utf8)
      let sized = try SweepGrid.set(
        .number(Double(n)), at: "population.size",
        in: try JSONParser.parse(text))
      try JSONWriter.text(sized).write(
        toFile: scenario, atomically: true, encoding: .utf8)
    } catch {
      FenqiBench.fail("cannot prepare Scenarios/peer-lifecycle.json: \(error)")
    }
    var rounds: [WholeRound] = []
    for r in 0..<runs {
      var round = WholeRound()
      let csv = work.appendingPathComponent("peer-\(r).csv").path
      let (peerWall, peerJSON) = timed([
        "/usr/bin/env", "python3", peer, "--n", String(n), "--csv", csv,
      ])
      round.peerWall = peerWall
      round.peerSetup = number(peerJSON, "setup_s")
      round.peerMonths = number(peerJSON, "run_s")
      let folder = work.appendingPathComponent("run-\(r)").path
      round.fenqiWall =
        timed([
          fenqi, "run", scenario, "--out", folder, "--threads", String(threads),
          "--quiet",
        ]).seconds
      let (_, engineJSON) = timed([
        bin.appendingPathComponent("fenqi-bench").path, "engine", scenario,
        "--threads", String(threads),
      ])
      round.fenqiSetup = number(engineJSON, "setup_s")
      round.fenqiMonths = number(engineJSON, "run_s")
      rounds.append(round)
    }
    report(rounds, n: n, threads: threads)
  }

  static func report(_ rounds: [WholeRound], n: Int, threads: Int) {
    func m(_ k: KeyPath<WholeRound, Double>) -> Double {
      median(rounds.map { $0[keyPath: k] })
    }
    print(
      "peer lifecycle model as whole processes, N = \(n) customers × 12 months, \(rounds.count) alternating rounds (medians; Fenqi on \(threads) thread\(threads == 1 ? "" : "s"))"
    )
    let rows: [(String, Double, Double)] = [
      ("set-up (population)", m(\.fenqiSetup), m(\.peerSetup)),
      ("months", m(\.fenqiMonths), m(\.peerMonths)),
      (
        "rest (start-up, writing)",
        median(rounds.map { $0.fenqiWall - $0.fenqiSetup - $0.fenqiMonths }),
        median(rounds.map { $0.peerWall - $0.peerSetup - $0.peerMonths })
      ),
      ("whole process", m(\.fenqiWall), m(\.peerWall)),
    ]
    for (name, ours, theirs) in rows {
      let label = (name + ":").padding(
        toLength: 27, withPad: " ", startingAt: 0)
      print(
        "  \(label) Fenqi \(threeDecimals(ours)) s, peer \(threeDecimals(theirs)) s — peer ÷ Fenqi \(twoDecimals(theirs / ours))×"
      )
    }
    print(
      "  (whole ratio pair by pair: \(rounds.map { twoDecimals($0.peerWall / $0.fenqiWall) }.joined(separator: ", ")))"
    )
  }

  /// Runs `command` to completion; its wall seconds and its last output line as JSON (null
  /// when it prints none).
  static func timed(_ command: [String]) -> (seconds: Double, json: JSONValue) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    let pipe = Pipe()
    process.standardOutput = pipe
    let clock = ContinuousClock()
    let start = clock.now
    do { try process.run() } catch {
      FenqiBench.fail("cannot start \(command[0]): \(error)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = (clock.now - start) / .seconds(1)
    guard process.terminationStatus == 0 else {
      FenqiBench.fail(
        "\(command.joined(separator: " ")) failed (exit \(process.terminationStatus))"
      )
    }
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last
    let json = line.flatMap { try? JSONParser.parse(String($0)) } ?? .null
    return (seconds, json)
  }

  static func number(_ json: JSONValue, _ key: String) -> Double {
    if case .number(let x) = json[key] ?? .null { return x }
    return .nan
  }
}
