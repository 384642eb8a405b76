import FenqiCalibration
import FenqiCore
import Foundation
import Testing

@Suite struct MomentTargetTests {
  static let moments = [
    ObservedMoment(name: "a", value: 0.1, standardError: 0.01, count: 100),
    ObservedMoment(name: "b", value: 0.5, standardError: 0, count: 100),
    ObservedMoment(name: "c", value: 0, standardError: 0, count: 100),
  ]

  /// Σ z²: (0.12 − 0.1)/0.01 = 2, (0.51 − 0.5)/0.005 (1% floor) = 2, (0.0001 − 0)/0.0001 = 1.
  @Test func distanceWeighsByFlooredStandardErrors() {
    let t = MomentTarget(Self.moments)
    #expect(t.scales == [0.01, 0.005, 0.0001])
    #expect(abs(t.distance([0.12, 0.51, 0.0001]) - 9) < 1e-9)
    #expect(t.distance([0.12, nil, 0]) == .infinity)
  }

  /// Perturbed moments have the observed mean and standard deviation se·√(1 + 1/R), and the
  /// same draw gives the same numbers.
  @Test func perturbationsHaveTheStatedSpread() {
    let t = MomentTarget(Self.moments)
    #expect(
      t.perturbed(draw: 3, seed: 9, replicates: 2)
        == t.perturbed(draw: 3, seed: 9, replicates: 2))
    let draws = (0..<4000).map {
      t.perturbed(draw: $0, seed: 9, replicates: 2).observed[0]
    }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let sd =
      (draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      / Double(draws.count - 1))
      .squareRoot()
    #expect(abs(mean - 0.1) < 0.001)
    #expect(abs(sd - 0.01 * 1.5.squareRoot()) < 0.0006)
    // Exact moments stay exact.
    #expect(t.perturbed(draw: 1, seed: 9, replicates: 2).observed[1] == 0.5)
  }

  /// With replicates, a draw moves moments together as their replicates do.
  ///
  /// b's replicates are twice a's deviations, so b's perturbation is twice a's; a's spread is its
  /// replicates' standard deviation × √(1 + 1/R). Without replicates on every moment, draws are
  /// independent.
  @Test func replicatesMakePerturbationsCorrelated() {
    let a = (0..<50).map { 0.1 + 0.01 * sin(Double($0) * 1.7) }
    let meanA = a.reduce(0, +) / 50
    let sdA =
      (a.map { ($0 - meanA) * ($0 - meanA) }.reduce(0, +) / 49).squareRoot()
    let b = a.map { 0.3 + 2 * ($0 - meanA) }
    let t = MomentTarget([
      ObservedMoment(
        name: "a", value: 0.1, standardError: sdA, count: 100, replicates: a),
      ObservedMoment(
        name: "b", value: 0.3, standardError: 2 * sdA, count: 100,
        replicates: b),
    ])
    #expect(t.isCorrelated)
    var draws: [Double] = []
    for k in 0..<4000 {
      let p = t.perturbation(draw: k, seed: 5, replicates: 1)
      #expect(abs(p[1] - 2 * p[0]) < 1e-12)
      draws.append(p[0])
    }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let sd =
      (draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      / Double(draws.count - 1)).squareRoot()
    #expect(abs(mean) < 0.05 * sdA)
    #expect(abs(sd / (sdA * 2.0.squareRoot()) - 1) < 0.05, "\(sd) vs \(sdA)")
    let t0 = t.perturbed(draw: 7, seed: 5, replicates: 1)
    #expect(
      abs(
        t0.observed[0] - 0.1
          - t.perturbation(draw: 7, seed: 5, replicates: 1)[0]) < 1e-15)
    let mixed = MomentTarget([
      ObservedMoment(
        name: "a", value: 0.1, standardError: sdA, count: 100, replicates: a),
      ObservedMoment(name: "c", value: 0.2, standardError: 0.01, count: 100),
    ])
    #expect(!mixed.isCorrelated && !MomentTarget(Self.moments).isCorrelated)
  }

  @Test func trialRecordsRoundTripAndCutFilesAreRefused() throws {
    let r = TrialRecord(
      trial: 12, stage: .local, unit: [0.1, 1.0 / 3],
      point: [-4.9, 0.123456789012345],
      outcome: .moments([
        "ever30.mob03": 0.0123456789, "roll.current.1-30": 1e-17,
      ]))
    #expect(try TrialRecord.parse(r.text).get() == r)
    let failed = TrialRecord(
      trial: 1, stage: .global, unit: [0.5], point: [2],
      outcome: .failed("replicate 0: x"))
    #expect(try TrialRecord.parse(failed.text).get() == failed)
    let cut = String(r.text.dropLast(20))
    #expect(
      TrialRecord.parse(cut).failure?.description
        == "the file was cut short (no final line break)")
    #expect(TrialRecord.fileName(12) == "t-000012.json")
  }

  @Test func observedMomentsReadTheMomentsFormat() throws {
    let m = try ObservedMoments.parse(
      """
      {"version": 1, "loans": 48213, "bootstrap": 200, "seed": 11,
       "moments": [{"name": "ever30.mob03", "value": 0.021, "standardError": 0.0007, "count": 48213}]}
      """
    ).get()
    #expect(m.loans == 48213 && m.bootstrap == 200 && m.seed == 11)
    #expect(
      m.moments == [
        ObservedMoment(
          name: "ever30.mob03", value: 0.021, standardError: 0.0007,
          count: 48213)
      ])
    let bad = ObservedMoments.parse(#"{"version": 2, "moments": []}"#)
    #expect(
      bad.failure?.lines == [
        "$.version: expected 1 (the only version so far), found 2",
        "$.loans: missing required field (expected an integer ≥ 1)",
        "$.moments: expected an array of at least 1 element, found 0",
      ])
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let f) = self { return f }
    return nil
  }
}
