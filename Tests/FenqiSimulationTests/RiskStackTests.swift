import FenqiCore
import FenqiDecision
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct RiskStackTests {
  /// `risk-stack.json` shrunk: a small population and burn-in, fixed seed.
  static func scenario(size: Int = 24_000, periods: Int = 12) throws -> Scenario
  {
    var s = try EngineTests.scenario("risk-stack.json", size: size)
    s.periods = periods
    s.riskStack?.burnInCustomers = 20_000
    s.riskStack?.calibrationDraws = 400
    return s
  }

  /// One arm taking every customer under `policy`: the same customers, needs and fraudsters in
  /// every variant (common random numbers), so directions show on a small population.
  static func single(_ policy: ArmRiskPolicy, periods: Int = 12) throws
    -> RunResult
  {
    var s = try scenario(periods: periods)
    var arm = s.arms[1]
    arm.allocation = 1
    arm.risk = policy
    s.arms = [arm]
    return SimulationEngine(scenario: s, threads: 2).run()
  }

  /// Bad debt: principal charged off plus what is 61+ days past due at the end.
  static func badDebt(_ r: RunResult) -> Double {
    let b = r.arms[0].totals.book
    return b.chargeOffPrincipal + b.balance.3 + b.balance.4
  }

  static func moderate() -> ArmRiskPolicy {
    var p = ArmRiskPolicy()
    p.riskAppetite = [0.06, 0.09]
    return p
  }

  @Test func turningThePDModelOffRaisesBadDebt() throws {
    var off = Self.moderate()
    off.decision = .approveAll
    let model = try Self.single(Self.moderate())
    let all = try Self.single(off)
    #expect(all.arms[0].totals.approvals > model.arms[0].totals.approvals)
    #expect(Self.badDebt(all) > 1.5 * Self.badDebt(model))
    #expect(
      Self.badDebt(all) / all.arms[0].totals.bookedPrincipal
        > Self.badDebt(model) / model.arms[0].totals.bookedPrincipal)
  }

  @Test func aStricterAppetiteLowersApprovalsAndLosses() throws {
    var strict = Self.moderate()
    strict.riskAppetite = [0.03, 0.045]
    let moderate = try Self.single(Self.moderate())
    let tight = try Self.single(strict)
    #expect(tight.arms[0].totals.approvals < moderate.arms[0].totals.approvals)
    #expect(Self.badDebt(tight) < Self.badDebt(moderate))
    // The calibrated threshold itself is lower every month.
    let a = try #require(moderate.risk).periods.map { $0[0].threshold }
    let b = try #require(tight.risk).periods.map { $0[0].threshold }
    for (x, y) in zip(a, b) { #expect(y <= x) }
  }

  @Test func dataEntryErrorsRaiseLosses() throws {
    var broken = Self.moderate()
    broken.operational.incomeErrorShare = 0.3
    let clean = try Self.single(Self.moderate(), periods: 15)
    let typos = try Self.single(broken, periods: 15)
    #expect(try #require(typos.periods.first)[0].counts.risk.dataErrors > 0)
    #expect(Self.badDebt(typos) > Self.badDebt(clean))
  }

  @Test func anOutageFallsBackToTheRuleAndAMisconfiguredThresholdApprovesMore()
    throws
  {
    var p = Self.moderate()
    p.operational.outageMonths = 3...4
    p.operational.misconfiguredMonths = 6...6
    p.operational.misconfiguredThreshold = 0.9
    let r = try Self.single(p)
    let risk = try #require(r.risk)
    #expect(
      risk.periods[2][0].mode == "rule" && risk.periods[3][0].mode == "rule")
    #expect(risk.periods[4][0].mode == "model")
    #expect(risk.periods[5][0].threshold == 0.9)
    #expect(r.periods[2][0].counts.risk.scored == 0)
    let clean = try Self.single(Self.moderate())
    #expect(
      r.periods[5][0].counts.approvals > clean.periods[5][0].counts.approvals)
  }

  /// The fraud screen catches fraudsters, and without it fraud losses rise.
  @Test func theFraudScreenCatchesFraud() throws {
    var open = Self.moderate()
    open.fraudScreen = false
    let screened = try Self.single(Self.moderate())
    let unscreened = try Self.single(open)
    let caught = screened.arms[0].totals.risk.fraudCaught
    let applications = screened.arms[0].totals.risk.fraudApplications
    #expect(caught > 0.5 * applications)
    #expect(
      unscreened.arms[0].totals.risk.fraudLoss
        > screened.arms[0].totals.risk.fraudLoss)
    #expect(
      screened.arms[0].totals.risk.falsePositives
        < 0.02 * screened.arms[0].totals.applications)
  }

  /// Booked APRs never exceed the cap: every sampled approval, and the month's mean.
  @Test func pricesStayUnderTheCap() throws {
    var s = try Self.scenario(periods: 6)
    s.riskStack?.explainApprovalShare = 1
    s.riskStack?.pricing.aprCap = 0.2
    s.riskStack?.pricing.declineAboveCap = true
    s.riskStack?.pricing.competitorRate = 0.3
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let approvals = try #require(r.risk).decisions.filter {
      $0.outcome == "approved"
    }
    #expect(approvals.count > 100)
    for d in approvals where !d.apr.isNaN { #expect(d.apr <= 0.2) }
    #expect(r.arms.contains { $0.totals.risk.capDeclines > 0 })
  }

  /// Same scenario, 1 and 2 threads: every count, monitoring figure and explained decision is
  /// identical.
  @Test func theDecisionStackIsDeterministicAtAnyThreadCount() throws {
    let s = try Self.scenario(size: 20_000, periods: 8)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let two = SimulationEngine(scenario: s, threads: 2).run()
    #expect(
      one.periods.map { $0.map(\.counts) }
        == two.periods.map { $0.map(\.counts) })
    let a = try #require(one.risk)
    let b = try #require(two.risk)
    #expect(a.periods.count == b.periods.count)
    for (x, y) in zip(a.periods.joined(), b.periods.joined()) {
      #expect(x.threshold.bitPattern == y.threshold.bitPattern)
      #expect(x.aucTrue.bitPattern == y.aucTrue.bitPattern)
      #expect(x.psi.bitPattern == y.psi.bitPattern)
    }
    #expect(a.decisions == b.decisions && !a.decisions.isEmpty)
  }

  /// The lender's scores cannot depend on latent risk: scrambling every customer's latent risk
  /// leaves each month-1 score as it was (who applies in month 1 does not depend on it), while
  /// the truth the simulator scores them against changes.
  @Test func scoresNeverReadLatentRisk() throws {
    let s = try Self.scenario(size: 16_384, periods: 1)
    let engine = SimulationEngine(scenario: s, threads: 1)
    let prepared = engine.prepare()
    var scrambled = prepared
    for c in scrambled.chunks.indices {
      let n = scrambled.chunks[c].customers.count
      for i in 0..<n {
        scrambled.chunks[c].customers.latentRisk[i] =
          prepared.chunks[c].customers.latentRisk[(i * 7919) % n] * -1.5 + 1
      }
    }
    let a = engine.run(prepared)
    let b = engine.run(scrambled)
    for arm in a.arms.indices {
      #expect(
        a.periods[0][arm].counts.risk.pdSum
          == b.periods[0][arm].counts.risk.pdSum)
      #expect(
        a.periods[0][arm].counts.risk.scored
          == b.periods[0][arm].counts.risk.scored)
    }
    let pdA = try #require(a.risk).decisions.map(\.pd)
    let pdB = try #require(b.risk).decisions.map(\.pd)
    #expect(pdA == pdB && !pdA.isEmpty)
    let trueA = try #require(a.risk).periods[0].map(\.aucTrue)
    let trueB = try #require(b.risk).periods[0].map(\.aucTrue)
    #expect(trueA != trueB)
  }

  /// The decision module is built without the population module, so it cannot name a latent
  /// column at all.
  @Test func theDecisionModuleCannotSeeThePopulation() throws {
    let manifest = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Package.swift"),
      encoding: .utf8)
    let start = try #require(manifest.range(of: "name: \"FenqiDecision\","))
    let declaration = manifest[start.upperBound...].prefix { $0 != ")" }
    #expect(declaration.contains("dependencies"))
    #expect(!declaration.contains("FenqiPopulation"))
    #expect(!declaration.contains("FenqiSimulation"))
  }

  /// Re-training happens on schedule, and the monitoring shows both AUCs once outcomes mature.
  @Test func retrainingAndMonitoring() throws {
    let r = try Self.single(Self.moderate())
    let risk = try #require(r.risk)
    #expect(risk.periods[2][0].retrained && !risk.periods[1][0].retrained)
    #expect(risk.periods[5][0].retrained && !risk.periods[11][0].retrained)
    // Outcomes mature after the six-month window.
    #expect(risk.periods[5][0].aucBooked.isNaN)
    let booked = risk.periods[6...].map { $0[0].aucBooked }.filter { !$0.isNaN }
    #expect(booked.count >= 4)
    #expect(booked.reduce(0, +) / Double(booked.count) > 0.55)
    #expect(risk.periods.allSatisfy { $0[0].aucTrue > 0.6 })
    #expect(risk.periods.allSatisfy { $0[0].psi >= 0 })
    #expect(risk.burnInAUC > 0.7 && risk.burnInLabelled > 500)
  }
}

@Suite struct RiskStackValidationTests {
  /// The problems `risk-stack.json` has after `edit`.
  static func broken(_ edit: (inout [String: Any]) -> Void) throws -> [String] {
    try problems(editing: "risk-stack.json", edit)
  }

  static func edit(_ json: inout [String: Any], _ path: [String], _ value: Any)
  {
    func set(_ object: [String: Any], _ keys: ArraySlice<String>) -> [String:
      Any]
    {
      var o = object
      guard let key = keys.first else { return o }
      if keys.count == 1 {
        o[key] = value
      } else {
        o[key] = set(o[key] as? [String: Any] ?? [:], keys.dropFirst())
      }
      return o
    }
    json = set(json, path[...])
  }

  /// Contradictory judgements (CR ≥ 0.1) are a validation error that names the matrix.
  @Test func anInconsistentPairwiseMatrixIsNamed() throws {
    let problems = try Self.broken {
      Self.edit(
        &$0, ["riskStack", "creditLines", "pairwise"],
        [
          [1, 9, 1.0 / 9, 1, 1], [1.0 / 9, 1, 9, 1, 1], [9, 1.0 / 9, 1, 1, 1],
          [1, 1, 1, 1, 1], [1, 1, 1, 1, 1],
        ])
    }
    #expect(problems.count == 1, "\(problems)")
    #expect(
      problems.first?.hasPrefix(
        "$.riskStack.creditLines.pairwise: the pairwise-comparison matrix is inconsistent: consistency ratio "
      ) == true)
    #expect(problems.first?.contains("must be below 0.1") == true)
  }

  @Test func badRiskFieldsAreNamedWithTheirPaths() throws {
    let problems = try Self.broken {
      Self.edit(
        &$0, ["riskStack", "creditLines", "criteria"],
        ["creditScore", "incom", "spendingHistory", "tenure", "debtRatio"])
      Self.edit(&$0, ["riskStack", "pdModel"], "forest")
      Self.edit(&$0, ["riskStack", "pricing", "aprCap"], -1)
      var arms = $0["arms"] as? [[String: Any]] ?? []
      var risk = arms[1]["risk"] as? [String: Any] ?? [:]
      risk["riskAppetite"] = [0.05]
      risk["decision"] = "approve"
      arms[1]["risk"] = risk
      $0["arms"] = arms
    }
    #expect(
      problems.contains(
        "$.riskStack.creditLines.criteria[1]: expected one of \"creditScore\", \"income\", \"spendingHistory\", \"tenure\", \"debtRatio\", found \"incom\"; did you mean \"income\"?"
      ))
    #expect(
      problems.contains {
        $0.hasPrefix("$.riskStack.pdModel: expected one of \"gbdt\"")
      })
    #expect(
      problems.contains { $0.hasPrefix("$.riskStack.pricing.aprCap: expected") }
    )
    #expect(
      problems.contains {
        $0.hasPrefix("$.arms[1].risk.decision: expected one of")
      })
  }

  @Test func anAppetitePerConfidenceLevel() throws {
    let problems = try Self.broken {
      var arms = $0["arms"] as? [[String: Any]] ?? []
      var risk = arms[2]["risk"] as? [String: Any] ?? [:]
      risk["riskAppetite"] = [0.05]
      arms[2]["risk"] = risk
      $0["arms"] = arms
    }
    #expect(
      problems == [
        "$.arms[2].risk.riskAppetite: expected 2 loss rates, one per calibration confidence level [0.95, 0.99]"
      ])
  }

  @Test func anArmPolicyNeedsTheStack() throws {
    let problems = try Self.broken { $0["riskStack"] = nil }
    #expect(
      problems.first
        == "$.arms[0].risk: an arm's risk policy needs a top-level \"riskStack\""
    )
  }
}

@Suite struct PropensityRankingTests {
  /// With a risk stack, the recommendation engine ranks by the propensity model (GBDT or MLP):
  /// every customer of an arm with a ranking channel has a model score in (0, 1), other arms none,
  /// and the channel's contacts change with the model.
  @Test(arguments: [ScoringModel.Kind.gbdt, .mlp])
  func theRecommendationChannelRanksByTheModel(kind: ScoringModel.Kind) throws {
    var s = try MarketingEngineTests.double11(size: 16_384)
    s.periods = 3
    s.runOffMonths = 0
    // A capacity that binds, so the ranking decides who is contacted.
    for c in s.channels.indices where s.channels[c].ranksByPropensity {
      s.channels[c].capacityPerPeriod = 300
    }
    var stack = RiskStackSettings()
    stack.burnInCustomers = 10_000
    stack.propensityModel = kind
    s.riskStack = stack
    let engine = SimulationEngine(scenario: s, threads: 2)
    let (result, chunks) = engine.simulate(engine.prepare())
    let tables = EngineTables(s)
    let risk = try #require(tables.risk)
    #expect(risk.ranksByPropensity.contains(true))
    for chunk in chunks {
      let l = try #require(chunk.lender)
      for i in 0..<chunk.customers.count {
        let p = l.propensity[i]
        if risk.ranksByPropensity[Int(chunk.arm[i])] {
          #expect(p > 0 && p < 1)
        } else {
          #expect(p.isNaN)
        }
      }
    }
    var rule = s
    rule.riskStack = nil
    let plain = SimulationEngine(scenario: rule, threads: 2).run()
    let feed = try #require(s.channels.firstIndex { $0.ranksByPropensity })
    let contacts = { (r: RunResult) in
      r.periods.map { $0.map { $0.counts.marketing.channels[feed].applied } }
    }
    #expect(contacts(result) != contacts(plain))
  }
}
