import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct RejectInferenceTests {
  /// The strict arm of `risk-stack.json` alone on a small population for 18 months, labels
  /// maturing after 3 months so the model is re-trained on booked outcomes four times.
  static func run(_ method: RejectInference.Method, factor: Double = 1) throws
    -> [RefitRecord]
  {
    var s = try RiskStackTests.scenario(size: 60_000, periods: 18)
    s.riskStack?.outcomeMonths = 3
    s.riskStack?.rejectInference.method = method
    s.riskStack?.rejectInference.badRateFactor = factor
    s.arms = [s.arms[2]]
    s.arms[0].allocation = 1
    let r = SimulationEngine(scenario: s, threads: 2).run()
    return (r.risk?.periods ?? []).map { $0[0].refit }.filter {
      !$0.aucBooked.isNaN
    }
  }

  static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

  @Test func fuzzyAugmentationNarrowsTheBookedToThroughTheDoorGapAndCalibrates()
    throws
  {
    let plain = try Self.run(.none)
    let fuzzy = try Self.run(.fuzzy)
    try #require(plain.count >= 3 && plain.count == fuzzy.count)
    #expect(plain.allSatisfy { $0.rejects == 0 })
    #expect(fuzzy.allSatisfy { $0.rejects > 0 })
    // The gap: AUC on the booked loans the model learnt from minus AUC against the truth on
    // everyone who applied.
    #expect(Self.mean(fuzzy.map(\.gap)) < Self.mean(plain.map(\.gap)) - 0.02)
    // Calibration on the through-the-door population: mean PD over mean true probability.
    let miss = { (r: [RefitRecord]) in
      Self.mean(r.map { abs(log($0.calibration)) })
    }
    #expect(miss(fuzzy) < miss(plain))
  }
}
