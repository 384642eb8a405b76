import FenqiExperiment
import FenqiSimulation
import Testing

/// Experiments too small for their statistics run to the end and say what was not computable:
/// the mSPRT used to trap on a control value of 0 (or 0/0) and take a whole replicate study
/// with it.
@Suite struct DegenerateExperimentTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var size: Int
    var testDescription: String { "\(file) at \(size) customers" }
  }

  @Test(arguments: [
    Case(file: "aa-check.json", size: 1),
    Case(file: "aa-check.json", size: 2),
    Case(file: "ab-first-period-free.json", size: 1),
    Case(file: "ab-first-period-free.json", size: 150),
  ])
  func tinyExperimentsWithSequentialTestingRunAndSayWhatIsNotComputable(
    _ c: Case
  ) throws {
    let s = try scenario(c.file, size: c.size)
    #expect(s.experiment?.sequentialRelativeEffect != nil)
    let result = SimulationEngine(scenario: s, threads: 1).run()
    let truth = ExperimentRunner.trueEffects(
      ExperimentRunner.counterfactualRuns(s, threads: 1))
    let outcomes = ExperimentRunner.analyse(result, truth: truth)
    #expect(outcomes.count == s.experiment?.metrics.count)
    #expect(outcomes.contains { !$0.notComputableReasons.isEmpty })
    for o in outcomes {
      if let why = o.test.effect.notComputable {
        #expect(o.test.decision == "not computable" && !why.reason.isEmpty)
        #expect(o.covers == nil, "an interval of (−∞, ∞) covers nothing")
      }
      if let why = o.sequentialNotComputable {
        #expect(o.sequentialPValue?.isNaN == true)
        #expect(why.reason.contains("control value"))
      } else if let p = o.sequentialPValue {
        #expect(p >= 0 && p <= 1)
      }
    }
    let spec = try #require(s.experiment)
    let verdicts = ExperimentRunner.verdicts(
      outcomes, spec: spec, arms: s.arms.map(\.name))
    #expect(verdicts.allSatisfy { $0.recommendation != "ship" })
  }

  @Test func aNotComputablePrimaryMetricMakesTheVerdictInconclusiveAndSaysWhy()
    throws
  {
    let s = try scenario("aa-check.json", size: 1)
    let outcomes = ExperimentRunner.analyse(
      SimulationEngine(scenario: s, threads: 1).run())
    let primary = try #require(outcomes.first)
    let why = try #require(primary.test.effect.notComputable)
    let spec = try #require(s.experiment)
    let verdict = try #require(
      ExperimentRunner.verdicts(
        outcomes, spec: spec, arms: s.arms.map(\.name)
      ).first)
    #expect(verdict.recommendation == "inconclusive")
    #expect(verdict.reason.contains("not computable: \(why.reason)"))
  }

  @Test func aReplicateStudyKeepsEveryReplicateWhenSomeAreNotComputable() throws
  {
    let s = try scenario("aa-check.json", size: 2)
    let first = ExperimentRunner.analyse(
      SimulationEngine(scenario: s, threads: 1).run())
    let rows = ReplicateStudy.run(
      s, replicates: 4, threads: 1, first: first)
    let metrics = s.experiment?.metrics.count ?? 0
    #expect(rows.count == 4 * metrics)
    #expect(Set(rows.map(\.replicate)) == [0, 1, 2, 3])
    let summary = ReplicateStudy.summarise(rows, alpha: 0.05)
    for r in summary {
      #expect(r.count == 4)
      let computable = rows.filter {
        $0.outcome.test.metric == r.metric && $0.outcome.test.arm == r.arm
          && $0.outcome.test.effect.isComputable
      }.count
      #expect(r.notComputable == 4 - computable)
      #expect(r.coverage.isNaN == (computable == 0))
    }
    #expect(summary.contains { $0.notComputable > 0 })
  }

  @Test func counterfactualOutcomesOfEmptyArmsAreNotComputable() throws {
    let s = try scenario("ab-first-period-free.json", size: 1)
    let outcomes = ExperimentRunner.counterfactualOutcomes(
      ExperimentRunner.counterfactualRuns(s, threads: 1))
    for o in outcomes {
      #expect(o.test.effect.difference.isFinite || !o.test.effect.isComputable)
      #expect(o.test.effect.isComputable || o.test.decision == "not computable")
      #expect(o.trueEffect?.isFinite ?? true)
    }
  }
}
