import FenqiCore
import FenqiPopulation
import Foundation
import Testing

@testable import FenqiSimulation

/// Shared helpers for the business scenarios' tests.
enum BusinessRuns {
  /// A shipped scenario shrunk to `size` customers.
  static func scenario(_ name: String, size: Int) throws -> Scenario {
    try EngineTests.scenario(name, size: size)
  }

  /// Every customer under arm `arm`: the same customers, needs, merchants and draws in every
  /// variant (common random numbers), so directions show on a small population.
  static func forced(_ s: Scenario, arm: Int, threads: Int = 2) -> RunResult {
    SimulationEngine(scenario: s, threads: threads, forcedArm: arm).run()
  }

  /// One kind's counts of arm `a` by month (0 = person, 1 = firm).
  static func kind(_ r: RunResult, arm a: Int, _ kind: Int) -> [KindCounts] {
    r.periods.map { $0[a].counts.business[kind] }
  }

  /// Pearson correlation.
  static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }
}

@Suite struct PrepaidServiceTests {
  static func scenario() throws -> Scenario {
    try BusinessRuns.scenario("prepaid-education.json", size: 40_000)
  }

  /// The education collapse in month 6 makes that month's credit loss several times the months
  /// before it; with the same customers and merchants, the recourse arm loses exactly its
  /// clawback less.
  @Test func lossesJumpAfterTheCollapseAndRecourseLosesLess() throws {
    let s = try Self.scenario()
    let recourse = BusinessRuns.forced(s, arm: 0)
    let none = BusinessRuns.forced(s, arm: 1)
    for (r, a) in [(recourse, 0), (none, 1)] {
      let loss = r.periods.map { $0[a].creditLoss }
      let before = loss[0..<5].reduce(0, +) / 5
      #expect(loss[5] > 5 * max(before, 1), "\(loss)")
      #expect(r.periods[5][a].counts.book.disputes > 50)
    }
    let lossRecourse = recourse.periods.reduce(0) { $0 + $1[0].creditLoss }
    let lossNone = none.periods.reduce(0) { $0 + $1[1].creditLoss }
    let clawback = recourse.periods.reduce(0) {
      $0 + $1[0].counts.book.clawback
    }
    #expect(lossRecourse < lossNone)
    #expect(clawback > 0)
    #expect(none.periods.allSatisfy { $0[1].counts.book.clawback == 0 })
    // Same disputes in both worlds: the difference is the clawback, to rounding.
    let disputed = { (r: RunResult, a: Int) in
      r.periods.reduce(0) { $0 + $1[a].counts.book.disputedPrincipal }
    }
    #expect(
      abs(disputed(recourse, 0) - disputed(none, 1)) < 1e-6 * disputed(none, 1))
    #expect(abs((lossNone - lossRecourse) - clawback) < 1e-6 * lossNone)
    // The reserve limits the clawback below the contract's 90%.
    #expect(clawback < 0.9 * disputed(recourse, 0))
  }

  /// The seed deck's claim, measured on the same customers: offered instalments, they buy more
  /// often and larger baskets than the cash-only holdout, and buy again more often.
  @Test func offeringInstalmentsRaisesOrderValueAndPurchases() throws {
    let s = try Self.scenario()
    let offered = BusinessRuns.forced(s, arm: 1)
    let holdout = BusinessRuns.forced(s, arm: 2)
    func totals(_ r: RunResult, _ a: Int) -> (purchases: Double, value: Double)
    {
      BusinessRuns.kind(r, arm: a, 0).reduce((0, 0)) {
        (
          $0.0 + $1.instalmentOrders + $1.cashOrders,
          $0.1 + $1.instalmentOrderValue + $1.cashOrderValue
        )
      }
    }
    let (n1, v1) = totals(offered, 1)
    let (n0, v0) = totals(holdout, 2)
    #expect(n1 > 1.3 * n0)
    #expect(v1 / n1 > 1.1 * (v0 / n0))
    #expect(
      BusinessRuns.kind(holdout, arm: 2, 0).allSatisfy {
        $0.instalmentOrders == 0
      })
    let repeatOffered =
      offered.business?.value[1].reduce(0) { $0 + $1.repeatPurchasers } ?? 0
    let repeatHoldout =
      holdout.business?.value[2].reduce(0) { $0 + $1.repeatPurchasers } ?? 0
    #expect(repeatOffered > repeatHoldout)
  }

  /// When every education merchant fails at once, education needs find no merchant afterwards.
  @Test func failedMerchantsSellNothing() throws {
    var s = try Self.scenario()
    s.periods = 8
    s.business?.sectorShocks[0].failureMultiplier = 1_000
    let r = BusinessRuns.forced(s, arm: 1)
    let lost = BusinessRuns.kind(r, arm: 1, 0).map(\.lostNeeds)
    #expect(lost[0..<5].allSatisfy { $0 == 0 })
    #expect(lost[6..<8].allSatisfy { $0 > 20 }, "\(lost)")
    let merchants = try #require(r.business?.merchants)
    let education = try #require(
      s.business?.categories.firstIndex { $0.name == "education" })
    for (k, c) in merchants.category.enumerated() where c == education {
      #expect(merchants.failedPeriod[k] > 0 && merchants.failedPeriod[k] <= 6)
    }
  }

  @Test func theRunIsTheSameAtOneAndTwoThreads() throws {
    var s = try Self.scenario()
    s.population.size = 20_000
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let two = SimulationEngine(scenario: s, threads: 2).run()
    #expect(one.periods == two.periods)
    #expect(one.business == two.business)
  }
}

@Suite struct SupplyChainTests {
  static func scenario(size: Int = 30_000) throws -> Scenario {
    try BusinessRuns.scenario("b2b-supply-chain.json", size: size)
  }

  /// Firms fall behind when the cash they receive falls: over the months, the rate at which
  /// current firm borrowers become delinquent moves against their mean cash-received index, and
  /// the slump's months are worse than the months before it.
  @Test func firmDelinquencyFollowsTheRevenueCycle() throws {
    let s = try Self.scenario()
    let r = BusinessRuns.forced(s, arm: 0)
    let firms = BusinessRuns.kind(r, arm: 0, 1).dropFirst(2)
    let rate = firms.map { $0.newlyDelinquent / $0.currentBorrowers }
    let cash = firms.map { $0.cashIndexSum / $0.customers }
    #expect(BusinessRuns.correlation(rate, cash) < -0.6, "\(rate) \(cash)")
    let all = BusinessRuns.kind(r, arm: 0, 1)
    func mean(_ months: ClosedRange<Int>) -> Double {
      months.reduce(0) {
        $0 + all[$1 - 1].newlyDelinquent / all[$1 - 1].currentBorrowers
      } / Double(months.count)
    }
    #expect(mean(7...10) > 1.5 * mean(2...4))
  }

  /// With the same firms and consumers, the tight policy books less and writes off less, for
  /// firms and overall.
  @Test func theTighterLinePolicyLendsLessAndLosesLess() throws {
    let s = try Self.scenario()
    let growth = BusinessRuns.forced(s, arm: 0)
    let tight = BusinessRuns.forced(s, arm: 1)
    func total(
      _ r: RunResult, _ a: Int, _ k: Int, _ f: KeyPath<KindCounts, Double>
    )
      -> Double
    {
      BusinessRuns.kind(r, arm: a, k).reduce(0) { $0 + $1[keyPath: f] }
    }
    #expect(
      total(tight, 1, 1, \.bookedPrincipal)
        < total(growth, 0, 1, \.bookedPrincipal))
    #expect(
      total(tight, 1, 1, \.writtenOff) < total(growth, 0, 1, \.writtenOff))
    #expect(
      total(tight, 1, 1, \.lineDeclines) > total(growth, 0, 1, \.lineDeclines))
    let lossTight = tight.periods.reduce(0) { $0 + $1[1].creditLoss }
    let lossGrowth = growth.periods.reduce(0) { $0 + $1[0].creditLoss }
    #expect(lossTight < lossGrowth)
  }

  /// Firms and consumers coexist and are counted apart: every customer in exactly one kind.
  @Test func firmsAndConsumersAreCountedApart() throws {
    let s = try Self.scenario(size: 10_000)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let end = r.periods[r.periods.count - 1]
    let people = end.reduce(0) { $0 + $1.counts.business.person.customers }
    let firms = end.reduce(0) { $0 + $1.counts.business.firm.customers }
    #expect(people + firms == 10_000)
    let consumers = r.segments.filter { $0.segment == "consumers" }
      .reduce(0) { $0 + $1.customers }
    #expect(people == consumers)
    #expect(end.allSatisfy { $0.counts.business.firm.bookedPrincipal > 0 })
    #expect(end.allSatisfy { $0.counts.business.person.bookedPrincipal > 0 })
  }

  /// No raise takes a line above the policy's ceiling or income multiple, even when raises are
  /// generous enough to reach them.
  @Test func lineRaisesNeverExceedTheCaps() throws {
    var s = try Self.scenario(size: 12_000)
    s.arms[0].lines?.raiseFactor = 3
    s.arms[0].lines?.raiseMinCleanMonths = 0
    s.arms[0].lines?.raiseMinUtilisation = 0
    s.arms[0].lines?.reviewEveryMonths = 1
    s.arms[0].lines?.maxLine = 200_000
    let engine = SimulationEngine(scenario: s, threads: 2)
    let (r, chunks) = engine.simulate(engine.prepare())
    let raises = r.periods.reduce(0) {
      $0 + $1[0].counts.business.firm.raises
        + $1[0].counts.business.person.raises
    }
    #expect(raises > 500)
    var atCap = 0
    for chunk in chunks {
      let b = try #require(chunk.business)
      for i in 0..<chunk.customers.count {
        guard let p = s.arms[Int(chunk.arm[i])].lines else { continue }
        let cap = min(
          p.maxLine, p.maxIncomeMultiple * chunk.customers.monthlyIncome[i])
        #expect(Double(b.line[i]) <= cap * (1 + 1e-6))
        if Double(b.line[i]) >= cap * (1 - 1e-6) { atCap += 1 }
      }
    }
    #expect(atCap > 100)
  }

  /// A frozen line books nothing: with every line frozen and no review to lift it, the line arm
  /// books no loan while an arm without lines keeps booking.
  @Test func aFrozenLineBooksNoNewLoans() throws {
    var s = try Self.scenario(size: 12_000)
    s.periods = 4
    s.arms[0].lines?.reviewEveryMonths = 24
    s.arms[1].lines = nil
    let engine = SimulationEngine(scenario: s, threads: 2)
    var prepared = engine.prepare()
    for c in prepared.chunks.indices {
      for i in 0..<prepared.chunks[c].customers.count {
        prepared.chunks[c].business?.frozen[i] = 1
      }
    }
    let r = engine.run(prepared)
    #expect(r.periods.allSatisfy { $0[0].counts.bookings == 0 })
    #expect(
      r.periods.allSatisfy { $0[0].counts.business.firm.lineDeclines > 0 })
    #expect(r.periods.allSatisfy { $0[1].counts.bookings > 100 })
  }

  /// Without merchant agents nothing crosses chunks between months, so whole-run epochs and
  /// month-long ones give the same run.
  @Test func epochsDoNotChangeARunWithoutMerchants() throws {
    var s = try Self.scenario(size: 10_000)
    for k in s.business?.categories.indices ?? 0..<0 {
      s.business?.categories[k].merchants = nil
    }
    let whole = SimulationEngine(scenario: s, threads: 2).run()
    let monthly = SimulationEngine(scenario: s, threads: 2, progressEvery: 1)
      .run()
    #expect(whole.periods == monthly.periods)
    #expect(whole.business == monthly.business)
    #expect(whole.business?.merchants == nil)
  }

  @Test func theRunIsTheSameAtOneAndTwoThreads() throws {
    let s = try Self.scenario(size: 20_000)
    let one = SimulationEngine(scenario: s, threads: 1).run()
    let two = SimulationEngine(scenario: s, threads: 2).run()
    #expect(one.periods == two.periods)
    #expect(one.business == two.business)
  }
}

@Suite struct CustomerValueTests {
  /// One customer and one loan give a value computable by hand.
  ///
  /// 12,000 yuan over 12 months at a 1% monthly flat fee, no funding cost, no default. Booked in
  /// month 1, the loan pays 120 yuan of fee in each later month, so over 4 months the value is
  /// 120 × (d² + d³ + d⁴) with d = 1.12^(−1/12): 349.95 yuan.
  @Test func lifetimeValueOfOneLoanByHand() throws {
    let text = """
      {"name": "one", "seed": 7, "periods": 4,
       "population": {"size": 1, "segments": [{"name": "only", "share": 1,
         "behaviour": {"needRate": 1, "priceMedian": 1000, "priceSigma": 0.1,
           "splitOffset": 0, "cureProbability": 0, "prepaymentRate": 0}}]},
       "choice": {"split": {"intercept": 30, "priceToIncome": 0, "instalmentToIncome": 0,
         "annualRate": 0, "interestFreePeriods": 0, "digitalAffinity": 0,
         "priceSensitivityRate": 0}},
       "repayment": {"miss": {"intercept": -30, "latentRisk": 0, "burden": 0, "macro": 0},
         "roll": {"intercept": 0, "latentRisk": 0, "macro": 0},
         "chargeOffDaysPastDue": 120, "lossGivenDefault": 0.8, "recoveryLagMonths": 3},
       "approval": {"minimumCreditScore": 0, "maxOpenLoans": 1},
       "economics": {"annualFundingRate": 0},
       "arms": [{"name": "a", "allocation": 1, "reachRate": 1,
         "offer": {"termMonths": 12, "pricing": {"kind": "flatMonthlyFee", "rate": 0.01}}}],
       "business": {"categories": [{"name": "x", "priceMedian": 12000, "priceSigma": 0,
         "terms": [{"months": 12}], "needShare": {"only": 1}}],
         "customerValue": {"annualDiscountRate": 0.12}}}
      """
    let s = try ScenarioLoader.parse(text: text, file: "one.json")
    let r = SimulationEngine(scenario: s, threads: 1).run()
    let d = pow(1.12, -1.0 / 12)
    let expected = 120 * (d * d + d * d * d + d * d * d * d)
    let value = try #require(r.business?.value[0][0])
    #expect(r.arms[0].totals.bookings == 1)
    #expect(r.business?.merchants == nil)
    // One customer: every percentile is that customer's value.
    #expect(value.valueMedian == value.lifetimeValue)
    #expect(value.valueP1 == value.valueP99)
    #expect(
      abs(value.lifetimeValue - expected) < 1e-3,
      "\(value.lifetimeValue) vs \(expected)")
    // By hand: d = 0.990600, so 120 × (0.981289 + 0.972065 + 0.962928) = 349.95.
    #expect(abs(value.lifetimeValue - 349.95) < 0.01)
  }

  /// On a full run, each arm's lifetime value (the mean of every customer's discounted cash
  /// flows) equals the arm's monthly net cash flows discounted by hand, per customer.
  @Test func lifetimeValueIsTheDiscountedSumOfTheArmsCashFlows() throws {
    let s = try BusinessRuns.scenario("b2b-supply-chain.json", size: 12_000)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let rate = s.business?.customerValue.annualDiscountRate ?? 0
    let value = try #require(r.business?.value)
    for a in s.arms.indices {
      var discounted = 0.0
      for (t, row) in r.periods.enumerated() {
        let b = row[a].counts.business
        discounted +=
          (b.person.netCashFlow + b.firm.netCashFlow)
          * pow(1 + rate, -Double(t + 1) / 12)
      }
      let customers = Double(r.arms[a].customers)
      let clv = value[a].reduce(0) { $0 + $1.valueSum } / customers
      #expect(abs(clv - discounted / customers) < 1e-6 * max(1, abs(clv)))
      #expect(value[a].reduce(0) { $0 + $1.customers } == customers)
      let all = try #require(r.business?.armValue[a])
      #expect(all.customers == customers)
      #expect(abs(all.lifetimeValue - clv) < 1e-9 * max(1, abs(clv)))
      #expect(
        all.valueP1 <= all.valueMedian && all.valueMedian <= all.valueP99)
    }
  }

  /// Repeat purchase, churn and the order-value lift come out of the run in their ranges, and
  /// split purchases are larger than cash purchases where instalments are offered (the cash-only
  /// holdout has no split purchase, so no lift).
  @Test func valueFieldsAreConsistent() throws {
    let s = try BusinessRuns.scenario("prepaid-education.json", size: 20_000)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for (a, rows) in (r.business?.value ?? []).enumerated() {
      for v in rows where v.purchasers > 100 {
        #expect(
          v.repeatPurchasers <= v.purchasers && v.purchasers <= v.customers)
        #expect(v.churned <= v.purchasers)
        #expect(v.repeatRate > 0 && v.repeatRate < 1)
        if s.arms[a].reachRate > 0 {
          #expect(v.orderValueLift > 0)
        } else {
          #expect(v.orderValueLift.isNaN && v.instalmentOrders == 0)
        }
      }
    }
  }
}

@Suite struct FirmRiskTermTests {
  /// Young and small firms miss more, centred on the medians: 0.3 × log(6 ÷ 1.5) + 0.2 × log(12 ÷ 3)
  /// = 0.4159 + 0.2773 = 0.6931; a firm at both medians adds nothing; an old, large one subtracts.
  @Test func ageAndSizeShiftTheMissLogit() {
    var f = FirmSettings(profile: FirmProfile(sectors: []))
    f.yearsTradingEffect = 0.3
    f.sizeEffect = 0.2
    #expect(
      abs(f.missLogitShift(yearsTrading: 1.5, employees: 3) - 0.6931) < 1e-4)
    #expect(f.missLogitShift(yearsTrading: 6, employees: 12) == 0)
    #expect(f.missLogitShift(yearsTrading: 24, employees: 48) < 0)
  }
}
