import FenqiCore
import FenqiModels
import Foundation
import Testing

@Suite struct NeuralNetworkTests {
  /// XOR-like data: the label depends on the sign of a·b, which no linear model can see.
  static func xorData(rows: Int, seed: UInt64) -> (FeatureTable, [Double]) {
    var values: [Double] = []
    var labels: [Double] = []
    for r in 0..<rows {
      var rng = StreamFamily(seed: seed, period: 0, purpose: .modelRowSample)
        .stream(for: UInt64(r))
      let a = rng.normal()
      let b = rng.normal()
      values += [a, b]
      labels.append(rng.uniform() < (a * b > 0 ? 0.85 : 0.15) ? 1 : 0)
    }
    return (FeatureTable(names: ["a", "b"], rowMajor: values), labels)
  }

  @Test func learnsAnInteractionALinearModelCannot() throws {
    let (train, labels) = Self.xorData(rows: 3000, seed: 1)
    let (test, testLabels) = Self.xorData(rows: 1000, seed: 2)
    var p = MLPTrainer.Parameters()
    p.hidden = [16, 8]
    p.learningRate = 0.01
    p.epochs = 60
    let (network, history) = try MLPTrainer(parameters: p).train(
      features: train, labels: labels)
    let auc = RankMetrics.auc(
      scores: try network.probabilities(for: test), labels: testLabels)
    let encoder = try DenseEncoder(fitting: train)
    let linear = LogisticRegression.fit(
      x: try encoder.encode(train), width: 2, labels: labels)
    let linearAUC = RankMetrics.auc(
      scores: linear.margins(try encoder.encode(test)), labels: testLabels)
    #expect(auc > 0.8)
    #expect(linearAUC < 0.6)
    #expect(
      history.bestEpoch >= 1
        && history.bestEpoch <= history.validationLoss.count)
  }

  @Test func sameSeedSameNetworkOtherSeedOtherNetwork() throws {
    let (train, labels) = Self.xorData(rows: 500, seed: 3)
    var p = MLPTrainer.Parameters()
    p.epochs = 5
    let first = try MLPTrainer(parameters: p).train(
      features: train, labels: labels
    ).model
    let second = try MLPTrainer(parameters: p).train(
      features: train, labels: labels
    ).model
    #expect(first == second)
    p.seed = 2
    let other = try MLPTrainer(parameters: p).train(
      features: train, labels: labels
    ).model
    #expect(other != first)
  }
}
