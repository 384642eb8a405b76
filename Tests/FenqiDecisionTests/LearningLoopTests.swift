import FenqiCore
import Foundation
import Testing

@testable import FenqiDecision

@Suite struct LearningLoopTests {
  @Test func featureStabilityIsZeroAgainstItselfAndFindsAShiftedFeature() {
    var rows = TrainingRows()
    var x = [Double](repeating: 0, count: LenderFeature.count)
    for r in 0..<1_000 {
      for f in x.indices { x[f] = Double((r * (f + 7)) % 101) }
      x.withUnsafeBufferPointer { rows.append($0.start, label: 0, score: 0) }
    }
    let reference = FeatureStability(reference: rows)
    #expect(
      reference.stability(against: reference).allSatisfy { abs($0) < 1e-12 })
    var shifted = reference.emptied
    for r in 0..<1_000 {
      for f in x.indices { x[f] = Double((r * (f + 7)) % 101) }
      x[LenderFeature.bureauScore.rawValue] += 40
      x.withUnsafeBufferPointer { shifted.add($0.start) }
    }
    let csi = shifted.stability(against: reference)
    let moved = csi.indices.max { csi[$0] < csi[$1] }
    #expect(moved == LenderFeature.bureauScore.rawValue)
    #expect(csi[LenderFeature.bureauScore.rawValue] > 0.25)
    #expect(csi[LenderFeature.age.rawValue] < 1e-12)
  }

  @Test func theBandTermsSumToThePSI() {
    var reference = ScoreHistogram()
    var current = ScoreHistogram()
    for k in 0..<2_000 {
      let u = (Double(k) + 0.5) / 2_000
      reference.add(score: 0.01 + 0.2 * u, bad: 0)
      current.add(score: 0.01 + 0.3 * u * u, bad: 0)
    }
    let terms = current.stabilityByBand(against: reference)
    #expect(terms.count == 10)
    #expect(
      abs(terms.reduce(0, +) - current.stability(against: reference)) < 1e-12)
  }

  @Test(arguments: [
    (0.05, DriftLevel.stable), (0.1, .watch), (0.2, .watch), (0.25, .act),
    (Double.nan, .stable),
  ])
  func theDefaultThresholdsAreOneTenthAndOneQuarter(
    psi: Double, level: DriftLevel
  ) {
    #expect(DriftSettings().level(psi) == level)
  }

  @Test func parcellingLabelsRejectsAtTheirScoreDecilesBookedBadRate() {
    var booked = TrainingRows()
    var rejected = TrainingRows()
    let x = [Double](repeating: 1, count: LenderFeature.count)
    x.withUnsafeBufferPointer { row in
      for k in 0..<1_000 {
        // Scores 0.0005…0.5; the top decile goes bad one time in two.
        let score = Double(k + 1) / 2_000
        booked.append(
          row.start, label: k >= 900 && k % 2 == 0 ? 1 : 0, score: score)
      }
      for _ in 0..<4_000 { rejected.append(row.start, label: 0, score: 0.7) }
    }
    var inference = RejectInference()
    #expect(
      inference.augmented(
        booked: booked, rejected: rejected, seed: 1, period: 3)
        == booked)
    inference.method = .parcelling
    let rates = inference.parcelRates(booked: booked, rejected: rejected)
    // The top decile holds scores above the 900th: 99 loans, 49 of them bad.
    #expect(abs(rates[0] - 49.5 / 100) < 1e-12)
    let out = inference.augmented(
      booked: booked, rejected: rejected, seed: 1, period: 3)
    #expect(out.count == 5_000)
    let bad = out.labels[1_000...].reduce(0, +) / 4_000
    #expect(abs(Double(bad) - 0.5) < 0.03)
    #expect(
      out
        == inference.augmented(
          booked: booked, rejected: rejected, seed: 1, period: 3))
  }
}
