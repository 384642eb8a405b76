import FenqiModels
import Foundation
import Testing

@Suite struct MetricsTests {
  @Test func aucCountsTiesAsHalfAPair() {
    // Positives 0.8, 0.4, 0.4; negatives 0.4, 0.2, 0.1.
    // Pairs: 0.8 beats all 3; each 0.4 positive beats 0.2 and 0.1 and ties 0.4 → 2.5 each.
    // AUC = (3 + 2.5 + 2.5) / 9 = 8/9.
    let scores = [0.8, 0.4, 0.4, 0.4, 0.2, 0.1]
    let labels: [Double] = [1, 1, 1, 0, 0, 0]
    #expect(
      abs(RankMetrics.auc(scores: scores, labels: labels) - 8.0 / 9) < 1e-15)
    #expect(
      abs(RankMetrics.gini(scores: scores, labels: labels) - 7.0 / 9) < 1e-15)
    #expect(RankMetrics.auc(scores: [1, 1, 1], labels: [1, 0, 1]) == 0.5)
    #expect(RankMetrics.auc(scores: [1, 2], labels: [1, 1]).isNaN)
  }

  @Test func ksIsTheLargestGapBetweenClassDistributions() {
    // Thresholds after 0.1, 0.2, 0.4, 0.8: negatives 1/3, 2/3, 1, 1; positives 0, 0, 2/3, 1.
    let scores = [0.8, 0.4, 0.4, 0.4, 0.2, 0.1]
    let labels: [Double] = [1, 1, 1, 0, 0, 0]
    #expect(
      abs(RankMetrics.ks(scores: scores, labels: labels) - 2.0 / 3) < 1e-15)
  }

  @Test func logLossBrierAndCalibration() {
    let p = [0.9, 0.2, 0.6, 0.4]
    let y: [Double] = [1, 0, 0, 1]
    let expected = -(log(0.9) + log(0.8) + log(0.4) + log(0.4)) / 4
    #expect(
      abs(ProbabilityMetrics.logLoss(probabilities: p, labels: y) - expected)
        < 1e-15)
    #expect(
      abs(
        ProbabilityMetrics.brier(probabilities: p, labels: y)
          - (0.01 + 0.04 + 0.36 + 0.36) / 4)
        < 1e-15)
    let table = ProbabilityMetrics.calibration(
      probabilities: p, labels: y, groups: 2)
    #expect(table.map(\.count) == [2, 2])
    #expect(
      abs(table[0].meanPredicted - 0.3) < 1e-15 && table[0].observedRate == 0.5)
    #expect(
      abs(table[1].meanPredicted - 0.75) < 1e-15 && table[1].observedRate == 0.5
    )
  }

  @Test func psiIsZeroForTheSameDistributionAndMatchesTheFormula() {
    let reference = (0..<1000).map { Double($0) }
    #expect(
      PopulationStability.index(reference: reference, current: reference) == 0)
    // Current: every value shifted up by 500 → the lower half of the reference bins empty.
    let shifted = reference.map { $0 + 500 }
    // Bins of 100: reference 10% each; current 0 (floored to 0.0001) in bins 1–5, 10% in 6–9,
    // 60% in the last.
    let low = 5 * (0.0001 - 0.1) * log(0.0001 / 0.1)
    let high = (0.6 - 0.1) * log(0.6 / 0.1)
    let psi = PopulationStability.index(reference: reference, current: shifted)
    #expect(abs(psi - (low + high)) < 1e-12)
  }

  @Test func confusionMatrixCounts() {
    let m = ConfusionMatrix(
      probabilities: [0.9, 0.6, 0.4, 0.2, 0.7], labels: [1, 0, 1, 0, 1],
      threshold: 0.5)
    #expect(m.truePositives == 2 && m.falsePositives == 1)
    #expect(m.trueNegatives == 1 && m.falseNegatives == 1)
    #expect(m.precision == 2.0 / 3 && m.recall == 2.0 / 3 && m.accuracy == 0.6)
  }
}
