import FenqiDecision
import FenqiModels
import Testing

@Suite struct ScoreHistogramTests {
  /// Positives at 0.3 and 0.5, negatives at 0.1 and 0.4: three of four pairs ranked right.
  @Test func aucByHand() {
    var h = ScoreHistogram()
    h.add(score: 0.3, bad: 1)
    h.add(score: 0.5, bad: 1)
    h.add(score: 0.1, bad: 0)
    h.add(score: 0.4, bad: 0)
    #expect(abs(h.auc - 0.75) < 1e-12)
  }

  /// With scores spread over many bins, the binned AUC matches the exact one.
  @Test func matchesTheExactAUC() {
    var h = ScoreHistogram()
    var scores: [Double] = []
    var labels: [Double] = []
    for k in 0..<2000 {
      let p = 0.01 + 0.9 * Double((k * 7919) % 2000) / 2000
      let bad: Double = (k * 104_729) % 1000 < Int(p * 1000) ? 1 : 0
      h.add(score: p, bad: bad)
      scores.append(p)
      labels.append(bad)
    }
    #expect(abs(h.auc - RankMetrics.auc(scores: scores, labels: labels)) < 0.01)
  }

  /// Probabilities as weights give the expected AUC: a score equal to the truth ranks better
  /// than a constant.
  @Test func expectedAUCAgainstTrueProbabilities() {
    var informative = ScoreHistogram()
    for k in 1...99 {
      let p = Double(k) / 100
      informative.add(score: p, bad: p)
    }
    #expect(informative.auc > 0.7)
    var constant = ScoreHistogram()
    for k in 1...99 { constant.add(score: 0.2, bad: Double(k) / 100) }
    #expect(abs(constant.auc - 0.5) < 1e-12)
  }

  @Test func stabilityIsZeroForTheSameDistributionAndGrowsWithShift() {
    var reference = ScoreHistogram()
    var shifted = ScoreHistogram()
    for k in 0..<1000 {
      let p = 0.01 + 0.2 * Double(k) / 1000
      reference.add(score: p, bad: 0)
      shifted.add(score: p * 2, bad: 0)
    }
    #expect(abs(reference.stability(against: reference)) < 1e-12)
    #expect(shifted.stability(against: reference) > 0.25)
  }
}
