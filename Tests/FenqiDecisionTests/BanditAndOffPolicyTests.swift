import FenqiCore
import Testing

@testable import FenqiDecision

@Suite struct BanditAndOffPolicyTests {
  /// Thompson sampling on a stationary three-offer Bernoulli problem ends up playing the best.
  @Test func thompsonConcentratesOnTheBestOffer() {
    let rates = [0.05, 0.08, 0.12]
    var sampler = ThompsonSampler(contexts: 1, offers: 3)
    let family = StreamFamily(
      seed: 9, period: 0, purpose: Purpose(rawValue: 900))
    var late = [0, 0, 0]
    for round in 0..<4000 {
      var s = family.stream(for: UInt64(round))
      let o = sampler.choose(context: 0, stream: &s)
      let success = s.uniform() < rates[o]
      sampler.update(
        context: 0, offer: o, successes: success ? 1 : 0,
        failures: success ? 0 : 1)
      if round >= 3000 { late[o] += 1 }
    }
    #expect(late[2] > 800)
    let means = sampler.means(context: 0)
    #expect(abs(means[2] - 0.12) < 0.02)
  }

  /// Logs of a random policy: IPS and DR intervals hold a new policy's true value in about 95%
  /// of independent logs, and DR with a good reward model is tighter.
  @Test func offPolicyIntervalsCover() {
    var coveredIPS = 0
    var coveredDR = 0
    var narrower = 0
    let replicates = 200
    for rep in 0..<replicates {
      let family = StreamFamily(
        seed: UInt64(rep), period: 0, purpose: Purpose(rawValue: 900))
      var rewards: [Double] = []
      var propensities: [Double] = []
      var matches: [Bool] = []
      var logged: [Double] = []
      var new: [Double] = []
      var truth = 0.0
      let n = 2000
      for i in 0..<n {
        let s = family.stream(for: UInt64(i))
        let x = s.uniform(at: 0)
        // Reward rates of actions 0 and 1; the logging policy is uniform.
        let p = [0.1 + 0.2 * x, 0.3 - 0.2 * x]
        let a = s.uniform(at: 1) < 0.5 ? 0 : 1
        let target = x > 0.5 ? 0 : 1
        truth += p[target]
        rewards.append(s.uniform(at: 2) < p[a] ? 1 : 0)
        propensities.append(0.5)
        matches.append(a == target)
        logged.append(p[a])
        new.append(p[target])
      }
      truth /= Double(n)
      let ips = OffPolicyEstimate.inversePropensity(
        rewards: rewards, propensities: propensities, matches: matches)
      let dr = OffPolicyEstimate.doublyRobust(
        rewards: rewards, propensities: propensities, matches: matches,
        modelLogged: logged, modelNew: new)
      if ips.interval.contains(truth) { coveredIPS += 1 }
      if dr.interval.contains(truth) { coveredDR += 1 }
      if dr.standardError < ips.standardError { narrower += 1 }
    }
    #expect(Double(coveredIPS) / Double(replicates) > 0.9)
    #expect(Double(coveredDR) / Double(replicates) > 0.9)
    #expect(narrower == replicates)
  }
}

@Suite struct OffPolicyEstimateEdgeTests {
  /// One logged row has no standard error: the interval is (−∞, ∞), not a trap.
  @Test func oneRowGivesAnUnboundedInterval() {
    let e = OffPolicyEstimate(terms: [0.2])
    #expect(e.interval == -Double.infinity...Double.infinity)
    let fine = OffPolicyEstimate(terms: [0.1, 0.3])
    // Mean 0.2, standard error 0.1: 0.2 ± 1.96 × 0.1.
    #expect(abs(fine.interval.upperBound - 0.396) < 1e-3)
  }
}
