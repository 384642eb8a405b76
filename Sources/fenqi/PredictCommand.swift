import FenqiCore
import FenqiModels
import FenqiReport
import Foundation

/// `fenqi predict MODEL.json DATA.csv`: scores every row, optionally with explanations.
enum PredictCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--out", "--top", "--threads"],
        flags: ["--explain", "--force", "--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.predict)
        return .success
      }
      guard args.positionals.count == 2 else {
        throw Arguments.Problem(
          message:
            "expected a model file and a data file, found \(args.positionals.count) arguments"
        )
      }
      _ = try args.positiveInteger("--top")
      _ = try args.positiveInteger("--threads")
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.predictUsage)\nSee 'fenqi predict --help'."
      )
      return .badInput
    }
    let top = (try? args.positiveInteger("--top")) ?? nil ?? 3
    let threads = (try? args.positiveInteger("--threads")) ?? nil ?? 2
    let modelPath = args.positionals[0]
    let dataPath = args.positionals[1]
    if let out = args.values["--out"],
      FileManager.default.fileExists(atPath: out),
      !args.flags.contains("--force")
    {
      console.err("Error: '\(out)' exists; pass --force to replace it")
      return .badInput
    }
    let file: ModelFile
    do { file = try ModelFile.load(path: modelPath) } catch {
      console.err("\(modelPath): \(error.description)")
      return .badInput
    }
    let table: FeatureTable
    do { table = try CSVTableLoader.load(path: dataPath) } catch {
      console.err("\(dataPath): \(error.description)")
      return .badInput
    }
    let model = file.model
    var header = ["row", "probability"]
    var columns: [[String]] = []
    do {
      let p = try model.probabilities(for: table, threads: threads)
      columns.append(
        (1...Swift.max(1, table.rowCount)).prefix(table.rowCount).map(
          String.init))
      columns.append(p.map { JSONWriter.format($0) })
      if case .scorecard(let card) = model {
        header.append("score")
        columns.append(
          try card.scores(for: table).map { JSONWriter.format($0) })
      }
      if args.flags.contains("--explain") {
        guard let explained = try model.explanations(for: table) else {
          console.err(
            "Error: --explain needs a gbdt, logistic or scorecard model; '\(modelPath)' is an mlp"
          )
          return .badInput
        }
        let prefix: String
        switch model {
        case .gbdt: prefix = "shap:"
        case .scorecard: prefix = "points:"
        default: prefix = "contribution:"
        }
        header.append(
          model.kind == "scorecard" ? "base_points" : "expected_margin")
        columns.append(
          [String](
            repeating: JSONWriter.format(explained.baseline),
            count: table.rowCount))
        for (j, name) in explained.names.enumerated() {
          header.append(prefix + name)
          columns.append(explained.rows.map { JSONWriter.format($0[j]) })
        }
        // Reasons: the inputs that push towards the positive class the most (for the
        // scorecard, the fewest points).
        for k in 1...top { header.append("reason_\(k)") }
        for k in 0..<top {
          columns.append(
            explained.rows.map { row in
              let signed = model.kind == "scorecard" ? row.map { -$0 } : row
              let adjusted =
                model.kind == "scorecard"
                ? signed.map { $0 - (signed.min() ?? 0) + 1e-12 } : signed
              let reasons = TreeExplainer.topReasons(
                contributions: adjusted, names: explained.names, count: top)
              return k < reasons.count ? reasons[k].name : ""
            })
        }
      }
    } catch {
      console.err("\(dataPath): \(error.description)")
      return .badInput
    }
    var text = header.map(csvCell).joined(separator: ",") + "\n"
    for r in 0..<table.rowCount {
      text += columns.map { csvCell($0[r]) }.joined(separator: ",") + "\n"
    }
    if let out = args.values["--out"] {
      do {
        try Data(text.utf8).write(
          to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        console.err(
          "Error: cannot write '\(out)': \(error.localizedDescription)")
        return .runFailed
      }
      console.out(
        "Scored \(table.rowCount) rows with the \(model.kind) model: \(out)")
      if let target = try? BinaryTarget(
        table: table, column: file.target, positive: file.positive),
        let p = try? model.probabilities(for: table, threads: threads)
      {
        console.out(
          ModelSummary.metrics(
            probabilities: p, labels: target.labels,
            title: "Metrics on this file"))
      }
    } else {
      console.out(String(text.dropLast()))
    }
    return .success
  }

  /// A CSV cell as every Fenqi CSV writes it: quoted when needed, formula-like text neutralised.
  static func csvCell(_ s: String) -> String { CSVTable.cell(s) }
}
