import FenqiCore
import FenqiCredit
import FenqiMarketing
import Foundation
import Testing

@testable import FenqiExperiment
@testable import FenqiSimulation

/// The incremental economics: its lines add up, its intervals are the replicates' t intervals,
/// the per-customer ledger gives the same increments, and it measures a pull-forward it was given.
@Suite struct IncrementalEconomicsTests {
  /// double11 at a test size, run off until matured, in counterfactual mode.
  static func double11(size: Int = 8_000, replicates: Int = 1) throws
    -> Scenario
  {
    var s = try scenario("double11.json", size: size)
    s.experiment?.mode = .counterfactual
    s.experiment?.replicates = replicates
    s.experiment?.metrics = [
      ExperimentSpec.Metric(metric: .netIncomePerCustomer, maxIncrease: nil)
    ]
    return s
  }

  /// The row of `item` for `arm` at `horizon`.
  static func row(
    _ rows: [EconomicsRow], _ arm: String, _ item: EconomicsItem,
    _ horizon: EconomicsHorizon = .lifetime
  ) throws -> EconomicsRow {
    try #require(
      rows.first {
        $0.arm == arm && $0.item == item && $0.horizon == horizon
          && $0.channel.isEmpty
      })
  }

  @Test func netIncomeIsItsLinesAndMarketingIsItsCosts() throws {
    let s = try Self.double11()
    // 12-month plans, charged off at 120 days past due, recovered 3 months later.
    let chargeOff = Int(
      DelinquencyStateMachine.chargeOffMonths(daysPastDue: 120))
    #expect(s.runOffMonths == 12 + chargeOff + 3 + 1)
    let run = ExperimentRun.run(s, threads: 2)
    #expect(!run.economics.isEmpty)
    for arm in ["gold12", "discountLottery"] {
      for h in EconomicsHorizon.allCases {
        let net = try Self.row(run.economics, arm, .netIncome, h)
        let parts = try EconomicsItem.netIncomeTerms.reduce(0.0) {
          $0 + $1.1 * (try Self.row(run.economics, arm, $1.0, h).increment)
        }
        #expect(abs(net.increment - parts) <= 1e-6 * max(1, abs(net.treatment)))
        let marketing = try Self.row(run.economics, arm, .marketingCost, h)
        let costs = try EconomicsItem.marketingTerms.reduce(0.0) {
          $0 + (try Self.row(run.economics, arm, $1, h).treatment)
        }
        #expect(abs(marketing.treatment - costs) <= 1e-6 * max(1, costs))
      }
    }
  }

  /// Counterfactual per-customer effects sum to the arm-level difference: the per-customer
  /// ledger of each forced run, summed, differs from the control's by the economics' increment.
  @Test func perCustomerEffectsSumToTheIncrement() throws {
    let s = try Self.double11()
    let prepared = SimulationEngine(scenario: s, threads: 2).prepare()
    let runs = ExperimentRunner.counterfactualRuns(
      s, threads: 2, prepared: prepared)
    let run = ExperimentRun.run(s, threads: 2)
    let m = s.experiment?.metrics.count ?? 0
    for (a, arm) in s.arms.enumerated() where a != 0 {
      let mine = try #require(runs[a].metricSums.last)[a * m].y
      let control = try #require(runs[0].metricSums.last)[0].y
      let atWindow = runs[a].metricSums[s.window - 1][a * m].y
      let controlAtWindow = runs[0].metricSums[s.window - 1][0].y
      let flows = try Self.row(run.economics, arm.name, .netIncome)
      let window = try Self.row(run.economics, arm.name, .netIncome, .window)
      let scale = abs(flows.treatment) + abs(flows.controlValue)
      #expect(
        abs((mine - control) - flows.increment) <= 1 + 2e-5 * scale,
        "\(arm.name)")
      #expect(
        abs((atWindow - controlAtWindow) - window.increment) <= 1 + 2e-5
          * scale,
        "\(arm.name) at the window")
    }
  }

  /// Every shipped scenario with two arms or more.
  static let shippedWithArms: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.hasPrefix("calibrate-")
        && !$0.hasPrefix("optimize-") && !$0.contains("schema")
    }.sorted().filter { name in
      ((try? scenario(name, size: 10))?.arms.count ?? 0) > 1
    }
  }()

  /// On every shipped scenario: each arm's per-customer net income, summed over its forced run,
  /// differs from the control's by the economics' net-income increment.
  @Test(arguments: shippedWithArms)
  func perCustomerEffectsSumToTheIncrementOnEveryScenario(file: String) throws {
    var s = try scenario(file, size: 3_000)
    var e =
      s.experiment
      ?? ExperimentSpec(
        mode: .counterfactual, control: 0, alpha: 0.05, metrics: [],
        stratifyBySegment: false, prePeriods: 0)
    e.mode = .counterfactual
    e.replicates = 1
    e.sequentialRelativeEffect = nil
    e.metrics = [
      ExperimentSpec.Metric(metric: .netIncomePerCustomer, maxIncrease: nil)
    ]
    s.experiment = e
    let runs = ExperimentRunner.counterfactualRuns(s, threads: 2)
    let rows = IncrementalEconomics(
      [EconomicsSample(ExperimentRunner.combine(runs), control: e.control)],
      scenario: s,
      control: e.control
    ).rows()
    let horizon: EconomicsHorizon = s.runOffMonths > 0 ? .lifetime : .window
    let control = try #require(runs[e.control].metricSums.last)[e.control].y
    for (a, arm) in s.arms.enumerated() where a != e.control {
      let mine = try #require(runs[a].metricSums.last)[a].y
      let net = try Self.row(rows, arm.name, .netIncome, horizon)
      let scale = abs(net.treatment) + abs(net.controlValue) + 1
      #expect(
        abs((mine - control) - net.increment) <= 1 + 2e-5 * scale,
        "\(file) \(arm.name): customers \(mine - control), economics \(net.increment)"
      )
    }
  }

  /// With several replicates a flow's interval is the t interval of the replicates' increments.
  @Test func aFlowsIntervalIsTheReplicatesTInterval() throws {
    let s = try Self.double11(size: 4_000, replicates: 4)
    let run = ExperimentRun.run(s, threads: 2)
    let samples =
      [
        EconomicsSample(
          ExperimentRunner.combine(
            ExperimentRunner.counterfactualRuns(
              s, threads: 2,
              prepared: SimulationEngine(scenario: s, threads: 2).prepare())),
          control: 0)
      ]
      + ReplicateStudy.counterfactualEconomics(
        s, replicates: 4, threads: 2, control: 0)
    let n = Double(s.population.size)
    let increments = samples.map {
      ($0.ledgers[1][1][.npv] - $0.ledgers[1][0][.npv]) * n
        / $0.ledgers[1][1].customers
    }
    let mean = increments.reduce(0, +) / 4
    let sd = (increments.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 3)
      .squareRoot()
    let half = StudentT.quantile(0.975, degreesOfFreedom: 3) * sd / 2
    let npv = try Self.row(run.economics, "gold12", .npv)
    #expect(npv.replicates == 4)
    #expect(abs(npv.increment - mean) <= 1e-6 * abs(mean))
    #expect(abs(npv.lower - (mean - half)) <= 1e-6 * abs(mean) + 1e-6)
    #expect(abs(npv.upper - (mean + half)) <= 1e-6 * abs(mean) + 1e-6)
    #expect(npv.probabilityPositive >= 0 && npv.probabilityPositive <= 1)
  }

  /// A campaign that changes nothing but urgency: the measured fall in bookings after it is the
  /// need-rate dip the urgency puts in (pull-forward × length ÷ dip months).
  @Test(arguments: [0.1, 0.3])
  func theMeasuredPullForwardRecoversTheInput(pullForward: Double) throws {
    var s = try Self.double11(size: 60_000)
    var m = try #require(s.arms[0].marketing)
    m.campaign = Campaign(start: 7, end: 8)
    m.urgency = Urgency(pullForward: pullForward, dipMonths: 2)
    s.arms[1] = s.arms[0]
    s.arms[1].name = "urgencyOnly"
    s.arms[1].marketing = m
    s.arms.removeLast()
    let run = ExperimentRun.run(s, threads: 2)
    let dip = try Self.row(run.economics, "urgencyOnly", .postCampaignDip)
    #expect(abs(dip.input - pullForward) < 1e-12)
    #expect(
      abs(dip.increment - pullForward) < 0.05, "measured \(dip.increment)")
  }

  @Test func aRunOffBooksNothingAndEndsWithTheWindowsLoansMatured() throws {
    var s = try Self.double11()
    s.experiment = nil
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for t in s.window..<s.periods {
      for a in s.arms.indices {
        let c = r.periods[t][a]
        #expect(c.counts.bookings == 0 && c.counts.reached == 0)
        #expect(c.marketingCost == 0)
      }
    }
    for a in s.arms.indices {
      #expect(r.periods[s.window - 1][a].counts.book.totalBalance > 0)
      #expect(r.arms[a].totals.book.totalBalance == 0, "\(s.arms[a].name)")
      // The delinquency ratios are read where the book still is: the window's last month.
      let w = r.periods[s.window - 1][a].counts.book
      #expect(
        abs(
          r.arms[a].dpd30PlusRate - (w.balance.2 + w.balance.3 + w.balance.4)
            / w.totalBalance)
          < 1e-12)
      #expect(r.arms[a].dpd30PlusRate > 0)
      #expect(r.arms[a].pendingRecoveries == 0)
    }
  }
}
