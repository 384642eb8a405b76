import FenqiCore
import FenqiModels
import FenqiReport
import Foundation

/// `fenqi train DATA.csv --target COLUMN`: trains a model on any CSV with a header and prints
/// its validation metrics.
enum TrainCommand {
  static let kinds = ["gbdt", "logistic", "scorecard", "mlp"]

  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "data file",
        valued: [
          "--target", "--positive", "--model", "--valid-fraction", "--seed",
          "--out", "--trees", "--leaves", "--learning-rate",
          "--min-data-in-leaf",
          "--monotone", "--early-stopping", "--threads", "--l1", "--l2",
          "--hidden", "--epochs",
        ],
        flags: ["--force"], help: HelpText.train, usage: HelpText.trainUsage,
        command: "train", console: console, exit: &code)
    else { return code }
    let settings: Settings
    do throws(Arguments.Problem) { settings = try Settings(args) } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.trainUsage)\nSee 'fenqi train --help'."
      )
      return .badInput
    }
    let file = args.positionals[0]
    let out = args.values["--out"] ?? defaultOutput(file, kind: settings.kind)
    if FileManager.default.fileExists(atPath: out),
      !args.flags.contains("--force")
    {
      console.err("Error: '\(out)' exists; pass --force to replace it")
      return .badInput
    }
    let data: BinaryTarget
    do {
      let table = try CSVTableLoader.load(path: file)
      data = try BinaryTarget(
        table: table, column: settings.target, positive: settings.positive)
    } catch let failure as CSVTableLoader.Failure {
      console.err("\(file): \(failure.description)")
      return .badInput
    } catch {
      console.err("\(file): \(error)")
      return .badInput
    }
    guard data.features.names.count > 0 else {
      console.err("\(file): no input columns besides the target")
      return .badInput
    }
    let split = ValidationSplit(
      rowCount: data.labels.count, fraction: settings.validFraction,
      seed: settings.seed)
    let train = data.features.selecting(rows: split.training)
    let trainLabels = split.training.map { data.labels[$0] }
    let valid = data.features.selecting(rows: split.validation)
    let validLabels = split.validation.map { data.labels[$0] }
    guard Set(trainLabels).count == 2 else {
      console.err(
        "\(file): the training rows hold only one class; use more data or a smaller --valid-fraction"
      )
      return .badInput
    }
    let numeric = data.features.columns.filter { !$0.isCategorical }.count
    console.out(
      "Data: \(data.labels.count) rows, \(data.features.names.count) inputs (\(numeric) numeric, \(data.features.names.count - numeric) categorical); target '\(settings.target)', positive '\(data.positive)' \(Formatting.percent(data.labels.reduce(0, +) / Double(data.labels.count)))"
    )
    console.out(
      "Split: \(split.training.count) training, \(split.validation.count) validation rows (fraction \(settings.validFraction), seed \(settings.seed))"
    )
    let model: TrainedModel
    var notes: [String] = []
    do {
      (model, notes) = try fit(
        settings, train: train, labels: trainLabels,
        validation: split.validation.isEmpty ? nil : (valid, validLabels))
    } catch {
      console.err("Error: \(error)")
      return .badInput
    }
    for note in notes { console.out(note) }
    let (evalTable, evalLabels, evalName) =
      split.validation.isEmpty
      ? (train, trainLabels, "Training") : (valid, validLabels, "Validation")
    do {
      let probabilities = try model.probabilities(
        for: evalTable, threads: settings.threads)
      console.out(
        ModelSummary.metrics(
          probabilities: probabilities, labels: evalLabels, title: evalName))
    } catch {
      console.err("Error: \(error)")
      return .runFailed
    }
    console.out(ModelSummary.importance(model))
    let fileModel = ModelFile(
      model: model, target: settings.target, positive: data.positive,
      negative: data.negative)
    do { try fileModel.save(to: out) } catch {
      console.err("Error: cannot write '\(out)': \(error.localizedDescription)")
      return .runFailed
    }
    console.out("Model: \(out)")
    return .success
  }

  static func defaultOutput(_ data: String, kind: String) -> String {
    let stem = URL(fileURLWithPath: data).deletingPathExtension()
      .lastPathComponent
    return "\(stem).\(kind).json"
  }

  /// The validated options.
  struct Settings {
    var target: String
    var positive: String?
    var kind = "gbdt"
    var validFraction = 0.3
    var seed: UInt64 = 1
    var threads = 2
    var gbdt = GBDTParameters()
    var logistic = LogisticRegression.Options()
    var mlp = MLPTrainer.Parameters()

    init(_ args: Arguments) throws(Arguments.Problem) {
      guard let target = args.values["--target"] else {
        throw Arguments.Problem(message: "missing '--target <column>'")
      }
      self.target = target
      positive = args.values["--positive"]
      if let k = args.values["--model"] {
        guard TrainCommand.kinds.contains(k) else {
          throw Arguments.Problem(
            message:
              "'--model' expects one of gbdt, logistic, scorecard, mlp; found '\(k)'"
          )
        }
        kind = k
      }
      if let f = try number("--valid-fraction", args) {
        guard f >= 0, f < 1 else {
          throw Arguments.Problem(
            message: "'--valid-fraction' expects a number in [0, 1)")
        }
        validFraction = f
      }
      if let s = args.values["--seed"] {
        guard let v = UInt64(s) else {
          throw Arguments.Problem(
            message: "'--seed' expects a non-negative integer, found '\(s)'")
        }
        seed = v
      }
      threads = try args.positiveInteger("--threads") ?? 2
      // Defaults suited to credit data sets of thousands of rows.
      gbdt.learningRate = 0.05
      gbdt.maxLeaves = 8
      gbdt.featureFraction = 0.8
      gbdt.subsample = 0.8
      gbdt.trees = try args.positiveInteger("--trees") ?? 100
      gbdt.maxLeaves = try args.positiveInteger("--leaves") ?? gbdt.maxLeaves
      gbdt.minDataInLeaf = try args.positiveInteger("--min-data-in-leaf") ?? 20
      gbdt.earlyStoppingRounds =
        try args.positiveInteger("--early-stopping") ?? 0
      if let lr = try number("--learning-rate", args) {
        guard lr > 0, lr <= 1 else {
          throw Arguments.Problem(
            message: "'--learning-rate' expects a number in (0, 1]")
        }
        gbdt.learningRate = lr
        mlp.learningRate = lr
      }
      gbdt.seed = seed
      gbdt.threads = threads
      mlp.seed = seed
      mlp.epochs = try args.positiveInteger("--epochs") ?? mlp.epochs
      if let text = args.values["--monotone"] {
        for part in text.split(separator: ",") {
          let pieces = part.split(separator: "=")
          guard pieces.count == 2, let d = Int(pieces[1]), [-1, 1].contains(d)
          else {
            throw Arguments.Problem(
              message:
                "'--monotone' expects column=+1 or column=-1, comma-separated; found '\(part)'"
            )
          }
          gbdt.monotone[String(pieces[0])] = d
        }
      }
      if let l2 = try number("--l2", args) {
        guard l2 >= 0 else {
          throw Arguments.Problem(message: "'--l2' expects a number ≥ 0")
        }
        logistic.l2 = l2
        gbdt.l2 = l2
        mlp.weightDecay = l2
      }
      if let l1 = try number("--l1", args) {
        guard l1 >= 0 else {
          throw Arguments.Problem(message: "'--l1' expects a number ≥ 0")
        }
        logistic.l1 = l1
      }
      if let text = args.values["--hidden"] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let widths = parts.compactMap { Int($0) }
        guard !widths.isEmpty, widths.count == parts.count,
          widths.count <= MLPTrainer.maxHiddenLayers,
          widths.allSatisfy({ $0 >= 1 && $0 <= MLPTrainer.maxHiddenWidth })
        else {
          throw Arguments.Problem(
            message:
              "'--hidden' expects 1 to \(MLPTrainer.maxHiddenLayers) layer widths, each in 1…\(MLPTrainer.maxHiddenWidth), such as 32,16; found '\(text)'"
          )
        }
        mlp.hidden = widths
      }
    }

    private func number(_ name: String, _ args: Arguments) throws(Arguments
      .Problem)
      -> Double?
    {
      guard let text = args.values[name] else { return nil }
      guard let v = Double(text), v.isFinite else {
        throw Arguments.Problem(
          message: "'\(name)' expects a number, found '\(text)'")
      }
      return v
    }
  }

  struct TrainingError: Error, CustomStringConvertible {
    var description: String
  }

  static func fit(
    _ s: Settings, train: FeatureTable, labels: [Double],
    validation: (FeatureTable, [Double])?
  ) throws -> (TrainedModel, [String]) {
    switch s.kind {
    case "gbdt":
      let (model, history) = try GBDTTrainer(parameters: s.gbdt).train(
        features: train, labels: labels,
        validation: validation.map { (features: $0.0, labels: $0.1) })
      var notes = [
        "GBDT: \(model.trees.count) trees, up to \(s.gbdt.maxLeaves) leaves, learning rate \(s.gbdt.learningRate)"
      ]
      if history.stoppedEarly {
        notes.append(
          "Stopped early: best validation log-loss after \(history.bestIteration) trees (early stopping uses the validation rows, so their metrics are slightly optimistic)"
        )
      }
      return (.gbdt(model), notes)
    case "logistic":
      let encoder = try DenseEncoder(fitting: train)
      let x = try encoder.encode(train)
      let regression = LogisticRegression.fit(
        x: x, width: encoder.width, labels: labels, options: s.logistic)
      guard regression.intercept.isFinite,
        regression.coefficients.allSatisfy(\.isFinite)
      else {
        throw TrainingFailure(
          "the logistic regression diverged: its coefficients are not finite")
      }
      return (
        .logistic(encoder: encoder, regression: regression),
        [
          "Logistic regression: \(encoder.width) encoded columns (standardised numbers, one-hot categories), L2 \(s.logistic.l2), L1 \(s.logistic.l1)"
        ]
      )
    case "scorecard":
      let card = Scorecard(fitting: train, labels: labels, options: s.logistic)
      return (
        .scorecard(card),
        [
          "Scorecard: \(card.selected.count) of \(train.names.count) inputs with IV ≥ \(Scorecard.minimumInformationValue); \(Int(card.scaling.baseScore)) points at odds \(Int(card.scaling.baseOdds)):1, \(Int(card.scaling.pointsToDoubleOdds)) points to double the odds"
        ]
      )
    default:
      let (network, history) = try MLPTrainer(parameters: s.mlp).train(
        features: train, labels: labels,
        validation: validation.map { (features: $0.0, labels: $0.1) })
      return (
        .mlp(network),
        [
          "MLP: hidden layers \(s.mlp.hidden.map(String.init).joined(separator: ",")), best epoch \(history.bestEpoch) of \(history.validationLoss.count)"
            + (validation == nil
              ? "" : " (early stopping uses the validation rows)")
        ]
      )
    }
  }
}
