import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

/// Runs prepared from a kept population equal runs that generate their own, and a kept
/// population is used only where it is the scenario's own.
@Suite struct PopulationReuseTests {
  @Test(arguments: ["baseline.json", "risk-stack.json", "double11.json"])
  func aRunOnAKeptPopulationEqualsAFreshRun(file: String) throws {
    let s = try EngineTests.scenario(file, size: 20_000)
    let engine = SimulationEngine(scenario: s, threads: 2)
    let fresh = engine.run()
    let draw = engine.population()
    #expect(draw.matches(s) && draw.count == 20_000)
    let kept = engine.run(engine.prepare(reusing: draw))
    #expect(kept.periods == fresh.periods)
    #expect(kept.arms == fresh.arms)
  }

  @Test func aChangedBehaviourReusesButAChangedPopulationDoesNot() throws {
    let s = try EngineTests.scenario("baseline.json", size: 12_000)
    let draw = SimulationEngine(scenario: s, threads: 2).population()
    var behaviour = s
    behaviour.choice.split.intercept -= 0.5
    #expect(draw.matches(behaviour))
    var reseeded = s
    reseeded.seed &+= 1
    #expect(!draw.matches(reseeded))
    var resized = s
    resized.population.size += 1
    #expect(!draw.matches(resized))
    var reshared = s
    reshared.population.segments[0].share += 0.01
    #expect(!draw.matches(reshared))
    // A mismatched draw is ignored: the run generates its own customers.
    let engine = SimulationEngine(scenario: reseeded, threads: 2)
    #expect(engine.run(engine.prepare(reusing: draw)).arms == engine.run().arms)
  }

  @Test func theCacheKeepsOnePopulationPerSeed() throws {
    let s = try EngineTests.scenario("baseline.json", size: 9_000)
    let cache = PopulationCache()
    var other = s
    other.seed &+= 7
    let a = cache.population(for: SimulationEngine(scenario: s, threads: 1))
    let b = cache.population(for: SimulationEngine(scenario: other, threads: 1))
    var moved = s
    moved.choice.split.intercept += 1
    let again = cache.population(
      for: SimulationEngine(scenario: moved, threads: 1))
    #expect(a.seed == s.seed && b.seed == other.seed)
    // The same customers, not a second draw: the columns share their storage.
    #expect(
      again.customers[0].monthlyIncome.withUnsafeBufferPointer(\.baseAddress)
        == a.customers[0].monthlyIncome.withUnsafeBufferPointer(\.baseAddress))
  }
}
