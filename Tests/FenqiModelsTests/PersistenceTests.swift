import FenqiModels
import Foundation
import Testing

@Suite struct PersistenceTests {
  static func models() throws -> (FeatureTable, [TrainedModel]) {
    let data = try GermanCredit.load()
    var p = GBDTParameters()
    p.trees = 30
    p.subsample = 0.8
    let gbdt = try GBDTTrainer(parameters: p).train(
      features: data.features, labels: data.labels
    ).model
    let encoder = try DenseEncoder(fitting: data.features)
    let regression = LogisticRegression.fit(
      x: try encoder.encode(data.features), width: encoder.width,
      labels: data.labels)
    let card = Scorecard(fitting: data.features, labels: data.labels)
    var m = MLPTrainer.Parameters()
    m.epochs = 5
    let network = try MLPTrainer(parameters: m).train(
      features: data.features, labels: data.labels
    ).model
    return (
      data.features,
      [
        .gbdt(gbdt), .logistic(encoder: encoder, regression: regression),
        .scorecard(card), .mlp(network),
      ]
    )
  }

  @Test func saveLoadPredictIsBitIdentical() throws {
    let (table, models) = try Self.models()
    for model in models {
      let file = ModelFile(
        model: model, target: "creditability", positive: "bad", negative: "good"
      )
      let loaded = try ModelFile(text: file.text)
      #expect(loaded.target == file.target && loaded.model.kind == model.kind)
      let before = try model.probabilities(for: table)
      let after = try loaded.model.probabilities(for: table)
      #expect(
        before.map(\.bitPattern) == after.map(\.bitPattern), "\(model.kind)")
      // Saving the loaded model writes the same bytes.
      #expect(loaded.text == file.text)
    }
  }

  @Test func damagedFilesFailWithTheirJSONPath() throws {
    let (_, models) = try Self.models()
    let text = ModelFile(
      model: models[0], target: "creditability", positive: "bad",
      negative: "good"
    ).text
    let cases: [(String, String)] = [
      (
        text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9"),
        "$.version"
      ),
      (
        text.replacingOccurrences(
          of: "\"kind\": \"gbdt\"", with: "\"kind\": \"svm\""), "$.kind"
      ),
      (
        text.replacingOccurrences(of: "\"baseScore\"", with: "\"baseScores\""),
        "baseScore"
      ),
      ("{", "not JSON"),
    ]
    for (damaged, mention) in cases {
      #expect {
        try ModelFile(text: damaged)
      } throws: { error in
        (error as? ModelFile.Failure)?.description.contains(mention) == true
      }
    }
  }
}
