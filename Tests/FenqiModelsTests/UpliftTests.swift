import FenqiCore
import FenqiModels
import Testing

@Suite struct UpliftTests {
  /// A randomised trial with known effects: x₀ raises the effect, x₁ the baseline only.
  static func trial(rows: Int, seed: UInt64) -> (
    FeatureTable, treated: [Bool], outcomes: [Double], effects: [Double]
  ) {
    let family = StreamFamily(
      seed: seed, period: 0, purpose: Purpose(rawValue: 900))
    var x: [Double] = []
    var treated: [Bool] = []
    var outcomes: [Double] = []
    var effects: [Double] = []
    for r in 0..<rows {
      let s = family.stream(for: UInt64(r))
      let x0 = s.uniform(at: 0)
      let x1 = s.uniform(at: 1)
      let base = 0.05 + 0.4 * x1
      let effect = 0.3 * x0 * x0
      let t = s.uniform(at: 2) < 0.5
      x += [x0, x1]
      treated.append(t)
      effects.append(effect)
      outcomes.append(s.uniform(at: 3) < base + (t ? effect : 0) ? 1 : 0)
    }
    return (
      FeatureTable(names: ["x0", "x1"], rowMajor: x), treated, outcomes, effects
    )
  }

  /// By hand: four customers, ranked 0…3; treated outcomes 1, 0; controls 0, 1.
  @Test func qiniByHand() {
    let curve = QiniCurve.observed(
      scores: [4, 3, 2, 1], treated: [true, false, true, false],
      outcomes: [1, 0, 0, 1], points: 4)
    // After 1: 1 − 0 = 1; after 2: 1 − 0·1/1 = 1; after 3: 1 − 0·2/1 = 1; after 4: 1 − 1·2/2 = 0.
    #expect(curve.map(\.gain) == [0, 0.25, 0.25, 0.25, 0])
    // Trapezoids: 0.25·0.25/2 + 0.25·0.25 + 0.25·0.25 + 0.25·0.25/2 = 0.1875.
    #expect(abs(QiniCurve.area(curve) - 0.1875) < 1e-12)
    #expect(abs(QiniCurve.coefficient(curve) - 0.1875) < 1e-12)
    let truth = QiniCurve.truth(
      scores: [1, 2], effects: [0.2, 0.4], points: 2)
    for (g, e) in zip(truth.map(\.gain), [0, 0.2, 0.3]) {
      #expect(abs(g - e) < 1e-12)
    }
  }

  /// A perfect uplift score's Qini curve dominates a random score's, observed and true.
  @Test func aPerfectScoreDominatesARandomOne() {
    let (_, treated, outcomes, effects) = Self.trial(rows: 40_000, seed: 3)
    let random = effects.indices.map { Double(Mixing.mix64(UInt64($0)) >> 11) }
    let perfect = QiniCurve.truth(scores: effects, effects: effects)
    let chance = QiniCurve.truth(scores: random, effects: effects)
    for (p, c) in zip(perfect, chance) { #expect(p.gain >= c.gain - 1e-12) }
    #expect(QiniCurve.coefficient(perfect) > 0.01)
    #expect(abs(QiniCurve.coefficient(chance)) < 0.002)
    let observed = QiniCurve.observed(
      scores: effects, treated: treated, outcomes: outcomes)
    let observedRandom = QiniCurve.observed(
      scores: random, treated: treated, outcomes: outcomes)
    #expect(QiniCurve.area(observed) > QiniCurve.area(observedRandom))
  }

  /// Both meta-learners recover who is changed most: their scores rank the true effects.
  @Test(arguments: [UpliftModel.Learner.t, .x])
  func learnersRankTheTrueEffect(learner: UpliftModel.Learner) throws {
    let (table, treated, outcomes, _) = Self.trial(rows: 30_000, seed: 5)
    var p = GBDTParameters()
    p.trees = 40
    p.maxLeaves = 7
    p.minDataInLeaf = 200
    let model = try UpliftModel(
      learner: learner, features: table, treated: treated, outcomes: outcomes,
      parameters: p)
    var bins = [UInt8](repeating: 0, count: 2)
    let scores = (0..<2000).map { r -> Double in
      let x = [Double(r % 50) / 50, Double(r / 50) / 40]
      return x.withUnsafeBufferPointer { xp in
        bins.withUnsafeMutableBufferPointer {
          model.uplift(
            xp.baseAddress.unsafelyUnwrapped,
            bins: $0.baseAddress.unsafelyUnwrapped)
        }
      }
    }
    let truths = (0..<2000).map { r -> Double in
      let x0 = Double(r % 50) / 50
      return 0.3 * x0 * x0
    }
    let ranked = QiniCurve.truth(scores: scores, effects: truths)
    let ideal = QiniCurve.truth(scores: truths, effects: truths)
    // At least 80% of the ideal ranking's Qini coefficient.
    #expect(QiniCurve.coefficient(ranked) > 0.8 * QiniCurve.coefficient(ideal))
  }
}
