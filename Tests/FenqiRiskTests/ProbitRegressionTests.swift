import FenqiCore
import FenqiRisk
import Testing

@Suite struct ProbitRegressionTests {
  /// Binomial counts from Φ(a_g + b·x_t) with known a, b: the 95% interval covers b in at
  /// least 18 of 20 seeds, and the estimates centre on it.
  @Test func recoversAKnownSlopeWithCoveringIntervals() {
    let a = [-2.3, -1.9]
    let b = 0.06
    var covered = 0
    var sum = 0.0
    for seed in 0..<20 as Range<UInt64> {
      var trials: [Double] = []
      var events: [Double] = []
      var design: [Double] = []
      var rng = RandomStream(
        key: StreamKey(seed: seed, entity: 0, period: 0, purpose: .bootstrap))
      for t in 0..<36 {
        let x = t < 6 ? 0 : Double(Swift.min(t - 5, 5)) * 0.5
        for g in 0..<2 {
          let n = 3000
          let p = Normal.cdf(a[g] + b * x * 5)
          var k = 0
          for _ in 0..<n where rng.uniform() < p { k += 1 }
          trials.append(Double(n))
          events.append(Double(k))
          design += [g == 0 ? 1 : 0, g == 1 ? 1 : 0, x * 5]
        }
      }
      let fit = try? ProbitRegression(
        trials: trials, events: events, design: design, columns: 3)
      guard let fit else {
        Issue.record("seed \(seed): no fit")
        continue
      }
      let se = fit.standardErrors[2]
      if abs(fit.coefficients[2] - b) <= 1.96 * se { covered += 1 }
      sum += fit.coefficients[2]
    }
    print(
      "probit slope: covered \(covered)/20, mean estimate \(sum / 20) (true \(b))"
    )
    #expect(covered >= 18)
    #expect(abs(sum / 20 - b) < 0.01)
  }

  @Test func aConstantRegressorIsNotIdentified() {
    #expect(throws: ProbitRegression.Failure.notIdentified) {
      try ProbitRegression(
        trials: [100, 100, 100], events: [5, 6, 7],
        design: [1, 1, 1, 1, 1, 1], columns: 2)
    }
  }
}
