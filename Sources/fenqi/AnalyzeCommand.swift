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
    let alpha = args.values["--alpha"].flatMap(Double.init) ?? 0.05
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
    if let control = args.values["--control"], !rows.isEmpty,
      !rows.contains(where: { $0.arm == control })
    {
      problems.append("--control: no arm named '\(control)' in the file")
    }
    var allocation: [(String, Double)] = []
    if let spec = args.values["--allocation"] {
      for part in spec.split(separator: ",") {
        let pieces = part.split(separator: "=")
        if pieces.count == 2, let share = Double(pieces[1]), share > 0 {
          allocation.append((String(pieces[0]), share))
        } else {
          problems.append(
            "--allocation: expected arm=share pairs, found '\(part)'")
        }
      }
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
    if !allocation.isEmpty, let metric = rows.first?.metric {
      let counts = allocation.map { name, _ in
        rows.first { $0.metric == metric && $0.arm == name }?.outcome.n ?? 0
      }
      let srm = SampleRatioMismatch.check(
        observed: counts, expectedShares: allocation.map(\.1))
      let verdict =
        srm.pValue < 0.001
        ? "MISMATCH: the arms' sizes do not match the allocation; do not trust the effects"
        : "ok"
      console.out(
        "sample ratio (\(metric)): χ² = \(Formatting.fixed(srm.statistic, digits: 3)), p = \(Formatting.fixed(srm.pValue, digits: 4)) — \(verdict)"
      )
    }
    let force = args.flags.contains("--force")
    guard
      let out = RunCommand.outputFolder(
        args, in: "Results/analyses", console: console)
    else { return .badInput }
    do {
      try RunFolderWriter.write(
        [("tests.csv", TestsTable.table(results, alpha: alpha).text)], to: out,
        force: force)
    } catch {
      console.err(error.message)
      return error.isBadInput ? .badInput : .runFailed
    }
    console.out(out + "/tests.csv")
    return .success
  }
}
