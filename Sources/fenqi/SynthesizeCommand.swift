import FenqiCore
import FenqiModels
import FenqiReport
import Foundation

/// `fenqi synthesize SAMPLE.csv --rows N --out synthetic.csv`: fits a Gaussian-copula synthesizer
/// to a sample, writes synthetic rows and their fidelity summary, and prints the summary.
enum SynthesizeCommand {
  /// The validated options.
  struct Settings {
    var rows: Int
    var out: String
    var fidelity: String
    var seed: UInt64 = 1
    var by: String?
    var target: String?
    var positive: String?
    var model = TrainOnSynthetic.Model.gbdt
    var heldOutFraction = 0.3
    var trainingRows: Int?
    var force: Bool

    init(_ args: Arguments) throws(Arguments.Problem) {
      guard args.values["--rows"] != nil else {
        throw Arguments.Problem(message: "missing '--rows <n>'")
      }
      guard let rows = try args.positiveInteger("--rows") else {
        throw Arguments.Problem(message: "missing '--rows <n>'")
      }
      guard let out = args.values["--out"] else {
        throw Arguments.Problem(message: "missing '--out <synthetic.csv>'")
      }
      self.rows = rows
      self.out = out
      fidelity =
        args.values["--fidelity"] ?? SynthesizeCommand.fidelityPath(out)
      guard fidelity != out else {
        throw Arguments.Problem(
          message: "'--fidelity' must name another file than '--out'")
      }
      seed = try args.seed() ?? 1
      by = args.values["--by"]
      target = args.values["--target"]
      positive = args.values["--positive"]
      if let m = args.values["--model"] {
        guard let model = TrainOnSynthetic.Model(rawValue: m) else {
          throw Arguments.Problem(
            message: "'--model' expects gbdt or logistic, found '\(m)'")
        }
        self.model = model
      }
      if let text = args.values["--holdout"] {
        guard let f = Double(text), f > 0, f < 1 else {
          throw Arguments.Problem(
            message: "'--holdout' expects a fraction in (0, 1), found '\(text)'"
          )
        }
        heldOutFraction = f
      }
      trainingRows = try args.positiveInteger("--tstr-rows")
      for option in ["--positive", "--model", "--holdout", "--tstr-rows"]
      where args.values[option] != nil && target == nil {
        throw Arguments.Problem(
          message: "'\(option)' needs '--target <column>'")
      }
      force = args.flags.contains("--force")
    }
  }

  /// The default fidelity file: the output's name with `.fidelity.json` for its extension.
  static func fidelityPath(_ out: String) -> String {
    (out as NSString).deletingPathExtension + ".fidelity.json"
  }

  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "sample file",
        valued: [
          "--rows", "--out", "--seed", "--by", "--target", "--positive",
          "--model", "--holdout", "--tstr-rows", "--fidelity",
        ],
        flags: ["--force"], help: HelpText.synthesize,
        usage: HelpText.synthesizeUsage, command: "synthesize",
        console: console,
        exit: &code)
    else { return code }
    let s: Settings
    do throws(Arguments.Problem) { s = try Settings(args) } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.synthesizeUsage)\nSee 'fenqi synthesize --help'."
      )
      return .badInput
    }
    for path in [s.out, s.fidelity]
    where FileManager.default.fileExists(atPath: path) && !s.force {
      console.err("Error: '\(path)' exists; pass --force to replace it")
      return .badInput
    }
    let file = args.positionals[0]
    let sample: FeatureTable
    do { sample = try CSVTableLoader.load(path: file) } catch {
      console.err("\(file): \(error.description)")
      return .badInput
    }
    let summary: FidelitySummary
    let synthetic: SyntheticSample
    do throws(SynthesisFailure) {
      let options = CopulaSynthesizer.Options(by: s.by, orderBy: s.target)
      var evaluation: TrainOnSynthetic?
      if let target = s.target {
        evaluation = try TrainOnSynthetic(
          sample: sample,
          settings: .init(
            target: target, positive: s.positive, model: s.model,
            heldOutFraction: s.heldOutFraction,
            syntheticRows: s.trainingRows, seed: s.seed,
            options: options))
      }
      let synthesizer = try CopulaSynthesizer(fitting: sample, options: options)
      synthetic = try synthesizer.sample(rows: s.rows, seed: s.seed)
      summary = FidelitySummary(
        sample: sample, synthetic: synthetic.table, synthesizer: synthesizer,
        redrawnRows: synthetic.redrawnRows, trainOnSynthetic: evaluation)
    } catch {
      console.err("\(file): \(error.description)")
      return .badInput
    }
    do {
      try writeTogether([
        (s.out, Data(synthetic.table.csvText.utf8)),
        (s.fidelity, Data(JSONWriter.text(summary.json).utf8)),
      ])
    } catch {
      console.err(
        "Error: cannot write '\(s.out)': \(error.localizedDescription)")
      return .runFailed
    }
    console.out(text(summary, seed: s.seed))
    console.out("Synthetic rows: \(s.out)\nFidelity: \(s.fidelity)")
    return .success
  }

  /// Writes every file to a temporary name beside it, then renames them all into place; on a
  /// failure removes the temporary files, so either every file is written or none is.
  static func writeTogether(_ files: [(path: String, data: Data)]) throws {
    let fm = FileManager.default
    let token = ProcessInfo.processInfo.globallyUniqueString
    var written: [(temporary: String, path: String)] = []
    do {
      for (path, data) in files {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
          .appendingPathComponent(".\(url.lastPathComponent).\(token).tmp").path
        try data.write(to: URL(fileURLWithPath: temporary))
        written.append((temporary, path))
      }
      for (temporary, path) in written {
        guard rename(temporary, path) == 0 else {
          throw CocoaError(
            .fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
      }
    } catch {
      for (temporary, _) in written { try? fm.removeItem(atPath: temporary) }
      throw error
    }
  }

  /// The summary as printed.
  static func text(_ summary: FidelitySummary, seed: UInt64) -> String {
    let width = Swift.max(6, summary.columns.map(\.name.count).max() ?? 0)
    var lines = [
      "Synthesized \(summary.syntheticRows) rows from \(summary.sampleRows) sample rows (seed \(seed)); \(summary.redrawnRows) redrawn because they copied a sample row.",
      "Column distances (KS for numeric columns, total variation for categorical):",
      "  \(TextColumns.pad("column", width, left: true))  metric  distance",
    ]
    for c in summary.columns {
      lines.append(
        "  \(TextColumns.pad(c.name, width, left: true))  \(TextColumns.pad(c.metric == .ks ? "KS" : "TV", 6, left: true))  \(TextColumns.pad(Formatting.fixed(c.distance, digits: 4), 8))"
      )
    }
    lines.append(
      "Mean column distance:  \(Formatting.fixed(summary.meanColumnDistance, digits: 4))"
    )
    lines.append(
      "Rank-correlation error: \(Formatting.fixed(summary.rankCorrelationError, digits: 4)) (mean |Δ Spearman| over \(summary.columnPairs) column pair\(summary.columnPairs == 1 ? "" : "s"))"
    )
    if let t = summary.trainOnSynthetic {
      lines.append(
        "Train on synthetic, test on real (\(t.model.rawValue), target '\(t.target)', positive '\(t.positive)'; \(t.trainRows) training rows, \(t.heldOutRows) held-out rows, \(t.syntheticRows) synthetic rows):"
      )
      lines.append(
        "  AUC trained on real rows:      \(Formatting.fixed(t.realAUC, digits: 4))"
      )
      lines.append(
        "  AUC trained on synthetic rows: \(Formatting.fixed(t.syntheticAUC, digits: 4))"
      )
      lines.append(
        "  Gap (real − synthetic):        \(Formatting.fixed(t.gap, digits: 4))"
      )
    }
    return lines.joined(separator: "\n")
  }
}
