import FenqiCore
import FenqiExperiment
import FenqiReport
import Foundation

/// `fenqi analyze STATS.csv`: the statistics engine on a real experiment's summary statistics.
enum AnalyzeCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "statistics file",
        valued: ["--control", "--alpha", "--out", "--allocation"],
        flags: ["--force"],
        help: HelpText.analyze, usage: HelpText.analyzeUsage,
        command: "analyze", console: console, exit: &code)
    else { return code }
    let file = args.positionals[0]
    let alphaText = args.values["--alpha"]
    let alpha = alphaText.map { Double($0) ?? .nan } ?? 0.05
    guard alpha > 0 && alpha < 1 else {
      console.err(
        "Error: '--alpha' expects a number in (0, 1), found '\(args.values["--alpha"] ?? "")'\n\(HelpText.analyzeUsage)"
      )
      return .badInput
    }
    guard let data = FileManager.default.contents(atPath: file),
      let text = String(data: data, encoding: .utf8)
    else {
      console.err("\(file): cannot read the statistics file")
      return .badInput
    }
    let table: Table
    do { table = try Table(csv: text) } catch {
      console.err("\(file): line \(error.line): \(error.message)")
      return .badInput
    }
    var (rows, problems) = StatisticsFile.parse(
      table.rows, header: table.header)
    if let control = args.values["--control"], !rows.isEmpty {
      problems += controlProblems(control, rows: rows)
    }
    var allocation: [(arm: String, share: Double)] = []
    if let spec = args.values["--allocation"] {
      let parsed = Self.allocation(spec, rows: rows)
      allocation = parsed.shares
      problems += parsed.problems
    }
    guard problems.isEmpty else {
      console.err(
        "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")\n"
          + problems.map { "  - \($0)" }.joined(separator: "\n"))
      return .badInput
    }
    let results = ExperimentAnalysis.analyse(
      rows, control: args.values["--control"], alpha: alpha)
    console.out(TestsTable.text(results))
    var sampleRatios: [String: Double] = [:]
    if !allocation.isEmpty {
      for metric in metrics(rows) {
        // The metric's own arms against their shares.
        let arms = rows.filter { $0.metric == metric }
        let mine = allocation.filter { s in arms.contains { $0.arm == s.arm } }
        let srm = SampleRatioMismatch.check(
          observed: mine.map { s in
            arms.first { $0.arm == s.arm }?.outcome.n ?? 0
          },
          expectedShares: mine.map(\.share))
        sampleRatios[metric] = srm.pValue
        console.out(sampleRatioLine(srm, metric: metric))
      }
    }
    let force = args.flags.contains("--force")
    guard
      let out = RunCommand.outputFolder(
        args, in: "Results/analyses", console: console)
    else { return .badInput }
    do {
      try RunFolderWriter.write(
        [
          (
            "tests.csv",
            TestsTable.table(
              results, alpha: alpha, sampleRatioPValues: sampleRatios
            ).text
          )
        ], to: out,
        force: force)
    } catch {
      console.err(error.message)
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(out + "/tests.csv")
    return .success
  }

  /// The metrics in first-seen order.
  static func metrics(_ rows: [ArmStatistics]) -> [String] {
    var out: [String] = []
    for r in rows where !out.contains(r.metric) { out.append(r.metric) }
    return out
  }

  /// `--control` must name an arm of every metric.
  static func controlProblems(_ control: String, rows: [ArmStatistics])
    -> [String]
  {
    guard rows.contains(where: { $0.arm == control }) else {
      return ["--control: no arm named '\(control)' in the file"]
    }
    return metrics(rows).filter { metric in
      !rows.contains { $0.metric == metric && $0.arm == control }
    }.map { "--control: metric '\($0)' has no arm named '\(control)'" }
  }

  /// Parses `--allocation arm=share,…`: every arm of the file exactly once, each share a finite
  /// number > 0.
  static func allocation(_ spec: String, rows: [ArmStatistics]) -> (
    shares: [(arm: String, share: Double)], problems: [String]
  ) {
    var shares: [(arm: String, share: Double)] = []
    var problems: [String] = []
    for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
      guard pieces.count == 2, !pieces[0].isEmpty,
        let share = Double(pieces[1]),
        share > 0, share.isFinite
      else {
        problems.append(
          "--allocation: expected arm=share pairs with shares > 0, found '\(part)'"
        )
        continue
      }
      let arm = String(pieces[0])
      if shares.contains(where: { $0.arm == arm }) {
        problems.append("--allocation: arm '\(arm)' appears more than once")
      } else {
        shares.append((arm, share))
      }
    }
    guard problems.isEmpty, !rows.isEmpty else { return (shares, problems) }
    var arms: [String] = []
    for r in rows where !arms.contains(r.arm) { arms.append(r.arm) }
    for arm in arms where !shares.contains(where: { $0.arm == arm }) {
      problems.append(
        "--allocation: no share for arm '\(arm)'; expected one share for each of the file's arms (\(arms.joined(separator: ", ")))"
      )
    }
    for s in shares where !arms.contains(s.arm) {
      var message = "--allocation: no arm named '\(s.arm)' in the file"
      if let hint = Suggestion.nearest(to: s.arm, among: arms) {
        message += "; did you mean '\(hint)'?"
      }
      problems.append(message)
    }
    return (shares, problems)
  }

  /// The terminal line of one metric's sample-ratio check.
  static func sampleRatioLine(_ srm: SampleRatioCheck, metric: String)
    -> String
  {
    if let why = srm.notComputable {
      return "sample ratio (\(metric)): not computable: \(why.reason)"
    }
    let verdict =
      srm.pValue < 0.001
      ? "MISMATCH: the arms' sizes do not match the allocation; do not trust the effects"
      : "ok"
    return
      "sample ratio (\(metric)): χ² = \(Formatting.fixed(srm.statistic, digits: 3)), p = \(Formatting.fixed(srm.pValue, digits: 4)) — \(verdict)"
  }
}
