import FenqiModels
import Foundation
import Testing

/// The public German credit data (UCI Statlog; origin in Data/README.md).
enum GermanCredit {
  static func load() throws -> BinaryTarget {
    try BinaryTarget(
      table: table(), column: "creditability", positive: "bad")
  }

  /// The whole file, target included.
  static func table() throws -> FeatureTable {
    let url = try #require(
      Bundle.module.url(
        forResource: "german_credit", withExtension: "csv", subdirectory: "Data"
      ))
    return try CSVTableLoader.load(path: url.path)
  }
}

@Suite struct GermanCreditTests {
  @Test func gbdtValidationAUC() throws {
    let data = try GermanCredit.load()
    let split = ValidationSplit(
      rowCount: data.labels.count, fraction: 0.3, seed: 1)
    var p = GBDTParameters()
    p.learningRate = 0.05
    p.maxLeaves = 8
    p.minDataInLeaf = 20
    p.featureFraction = 0.8
    p.subsample = 0.8
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: data.features.selecting(rows: split.training),
      labels: split.training.map { data.labels[$0] })
    let valid = data.features.selecting(rows: split.validation)
    let probs = try model.probabilities(for: valid)
    let auc = RankMetrics.auc(
      scores: probs, labels: split.validation.map { data.labels[$0] })
    print("GBDT German AUC", auc, split.validation.count)
    #expect(auc >= 0.74)
  }
}
