import FenqiCore
import FenqiModels
import Foundation
import Testing

@Suite struct GradientBoostingTests {
  /// A one-feature step function: 0 below 3, 5 from 3 to 7, 2 from 7.
  static func stepData() -> (FeatureTable, [Double]) {
    let xs = (0..<100).map { Double($0) / 10 }
    let ys = xs.map { $0 < 3 ? 0.0 : ($0 < 7 ? 5.0 : 2.0) }
    return (
      FeatureTable(names: ["x"], columns: [.numeric(xs)], rowCount: 100), ys
    )
  }

  @Test func oneTreeFitsAStepFunctionExactly() throws {
    let (table, ys) = Self.stepData()
    var p = GBDTParameters()
    p.objective = .regression
    p.trees = 1
    p.learningRate = 1
    p.maxLeaves = 3
    p.minDataInLeaf = 1
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: table, labels: ys)
    #expect(model.trees[0].numberOfLeaves == 3)
    // Exact up to the rounding of base score + leaf value.
    let fitted = try model.margins(for: table)
    #expect(zip(fitted, ys).allSatisfy { abs($0 - $1) < 1e-12 })
    // Between training points the thresholds sit at midpoints.
    let probe = FeatureTable(
      names: ["x"], columns: [.numeric([2.94, 2.96, 6.94, 6.96, -50, 50])],
      rowCount: 6)
    let probed = try model.margins(for: probe)
    #expect(
      zip(probed, [0, 5, 5, 2, 0, 2]).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  /// Rows whose risk rises with x0 and falls with x1, plus noise and an interaction.
  static func monotoneData(rows: Int) -> (FeatureTable, [Double]) {
    var values: [Double] = []
    var labels: [Double] = []
    for r in 0..<rows {
      var rng = StreamFamily(seed: 9, period: 0, purpose: .modelRowSample)
        .stream(for: UInt64(r))
      let x0 = rng.uniform() * 4
      let x1 = rng.uniform() * 4
      let x2 = rng.normal()
      // A wiggle that breaks monotonicity locally in x0.
      let logit = 0.8 * x0 - 0.6 * x1 + 0.9 * sin(5 * x0) + 0.5 * x2 - 0.5
      labels.append(rng.uniform() < 1 / (1 + exp(-logit)) ? 1 : 0)
      values += [x0, x1, x2]
    }
    return (
      FeatureTable(names: ["debt_ratio", "income", "noise"], rowMajor: values),
      labels
    )
  }

  @Test func monotoneConstraintsHoldOnAGrid() throws {
    let (table, labels) = Self.monotoneData(rows: 5000)
    var p = GBDTParameters()
    p.trees = 60
    p.maxLeaves = 15
    p.minDataInLeaf = 5
    p.monotone = ["debt_ratio": 1, "income": -1]
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: table, labels: labels)
    let grid = stride(from: -0.5, through: 4.5, by: 0.05).map { $0 }
    for other in [0.2, 1.7, 3.9] {
      for noise in [-1.5, 0.0, 1.5] {
        var rising: [Double] = []
        var falling: [Double] = []
        for g in grid {
          rising += [g, other, noise]
          falling += [other, g, noise]
        }
        let up = try model.margins(
          for: FeatureTable(names: table.names, rowMajor: rising))
        let down = try model.margins(
          for: FeatureTable(names: table.names, rowMajor: falling))
        for i in 1..<grid.count {
          #expect(up[i] >= up[i - 1])
          #expect(down[i] <= down[i - 1])
        }
      }
    }
    // Without the constraint the wiggle shows: the model is not monotone in debt_ratio.
    p.monotone = [:]
    let (free, _) = try GBDTTrainer(parameters: p).train(
      features: table, labels: labels)
    let line = try free.margins(
      for: FeatureTable(
        names: table.names, rowMajor: grid.flatMap { [$0, 1.7, 0] }))
    #expect(zip(line, line.dropFirst()).contains { $1 < $0 })
  }

  @Test func categoriesSplitNativelyAndMissingValuesLearnADirection() throws {
    let levels = ["a", "b", "c", "d"]
    var codes: [Int32] = []
    var xs: [Double] = []
    var ys: [Double] = []
    for r in 0..<400 {
      let code = Int32(r % 4)
      codes.append(code)
      // Missing x carries the positive label; otherwise categories a and c do.
      let missing = r % 10 == 0
      xs.append(missing ? .nan : Double(r % 7))
      ys.append(missing || code == 0 || code == 2 ? 1 : 0)
    }
    let table = FeatureTable(
      names: ["shop", "x"],
      columns: [.categorical(codes: codes, levels: levels), .numeric(xs)],
      rowCount: 400)
    var p = GBDTParameters()
    p.trees = 30
    p.learningRate = 0.5
    p.minDataInLeaf = 5
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: table, labels: ys)
    let prob = try model.probabilities(for: table)
    for r in 0..<400 { #expect((prob[r] > 0.5) == (ys[r] == 1)) }
    #expect(model.trees[0].categorySets.count >= 1)
    // An unseen category and a missing category are scored, not rejected.
    let probe = FeatureTable(
      names: ["shop", "x"],
      columns: [
        .categorical(codes: [0, 1, -1], levels: ["zzz", "a"]),
        .numeric([1, 1, 1]),
      ], rowCount: 3)
    let scored = try model.probabilities(for: probe)
    #expect(scored.count == 3 && scored.allSatisfy(\.isFinite))
    #expect(scored[1] > 0.5)  // "a" in the new table's own coding
  }

  static func syntheticSplit(rows: Int) -> (
    FeatureTable, [Double], FeatureTable, [Double]
  ) {
    let (features, labels) = SyntheticClassification.make(rows: rows, seed: 4)
    let cut = rows * 3 / 4
    return (
      features.selecting(rows: Array(0..<cut)), Array(labels[0..<cut]),
      features.selecting(rows: Array(cut..<rows)), Array(labels[cut...])
    )
  }

  @Test(arguments: [1, 3])
  func trainingIsBitIdenticalAtAnyThreadCount(threads: Int) throws {
    // More rows than one histogram block, so blocks really are spread over threads.
    let (train, labels, _, _) = Self.syntheticSplit(rows: 60_000)
    var p = GBDTParameters()
    p.trees = 8
    p.subsample = 0.7
    p.featureFraction = 0.6
    p.seed = 11
    p.threads = 2
    let reference = try GBDTTrainer(parameters: p).train(
      features: train, labels: labels
    )
    .model
    p.threads = threads
    let other = try GBDTTrainer(parameters: p).train(
      features: train, labels: labels
    ).model
    #expect(other == reference)
    p.seed = 12
    let reseeded = try GBDTTrainer(parameters: p).train(
      features: train, labels: labels
    )
    .model
    #expect(reseeded != reference)
  }

  @Test func earlyStoppingKeepsTheBestRound() throws {
    let (train, labels, valid, validLabels) = Self.syntheticSplit(rows: 4000)
    var p = GBDTParameters()
    p.trees = 400
    p.learningRate = 0.3
    p.maxLeaves = 31
    p.earlyStoppingRounds = 10
    let (model, history) = try GBDTTrainer(parameters: p).train(
      features: train, labels: labels, validation: (valid, validLabels))
    #expect(history.stoppedEarly)
    #expect(model.trees.count == history.bestIteration)
    #expect(history.validationLoss.count == history.bestIteration + 10)
    let best = history.validationLoss[history.bestIteration - 1]
    #expect(history.validationLoss.allSatisfy { $0 >= best })
  }

  @Test func continuedTrainingKeepsTheOldTreesAndImprovesOnNewData() throws {
    let (train, labels, valid, validLabels) = Self.syntheticSplit(rows: 8000)
    let firstHalf = Array(0..<3000)
    let secondHalf = Array(3000..<6000)
    var p = GBDTParameters()
    p.trees = 20
    let (base, _) = try GBDTTrainer(parameters: p).train(
      features: train.selecting(rows: firstHalf),
      labels: firstHalf.map { labels[$0] })
    let (more, _) = try GBDTTrainer(parameters: p).train(
      features: train.selecting(rows: secondHalf),
      labels: secondHalf.map { labels[$0] },
      continuing: base)
    #expect(more.trees.count == 40)
    #expect(Array(more.trees.prefix(20)) == base.trees)
    #expect(more.mappers == base.mappers)
    let before = RankMetrics.auc(
      scores: try base.margins(for: valid), labels: validLabels)
    let after = RankMetrics.auc(
      scores: try more.margins(for: valid), labels: validLabels)
    #expect(after > before)
  }

  @Test func importanceFavoursTheInformativeFeatures() throws {
    let (train, labels, _, _) = Self.syntheticSplit(rows: 20_000)
    let (model, _) = try GBDTTrainer().train(features: train, labels: labels)
    let gain = model.gainImportance
    let names = model.schema.names
    // x11–x14 and x19–x24 carry no signal at all.
    let informative = ["x0", "x1", "x2", "x15", "x16"].compactMap {
      names.firstIndex(of: $0)
    }
    let noise = ["x11", "x12", "x13", "x14", "x20", "x21"].compactMap {
      names.firstIndex(of: $0)
    }
    let weakestInformative = informative.map { gain[$0] }.min() ?? 0
    let strongestNoise = noise.map { gain[$0] }.max() ?? 0
    #expect(weakestInformative > strongestNoise)
    #expect(
      model.splitImportance.reduce(0, +)
        == model.trees.map(\.feature.count).reduce(0, +))
  }

  @Test func badInputsAreRejectedWithReasons() {
    let table = FeatureTable(
      names: ["x"], columns: [.numeric([1, 2, 3])], rowCount: 3)
    #expect(throws: GBDTTrainer.Failure.self) {
      try GBDTTrainer().train(features: table, labels: [0, 1, 2])
    }
    var p = GBDTParameters()
    p.monotone = ["y": 1]
    #expect(throws: GBDTTrainer.Failure.self) {
      try GBDTTrainer(parameters: p).train(features: table, labels: [0, 1, 0])
    }
  }
}
