import FenqiCore
import FenqiCredit
import Foundation
import Testing

@testable import FenqiSimulation

/// Every figure that can be computed two ways is, on every shipped scenario: per customer, per
/// segment, per channel, per period and per arm agree, and the book's identity is ~0.
@Suite struct ReconciliationTests {
  /// Every shipped scenario, by file name.
  static let shipped: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.contains("schema")
        && !$0.hasPrefix("calibrate-") && !$0.hasPrefix("optimize-")
    }
    .sorted()
  }()

  /// The metrics whose per-customer sums are compared with the arm's own figures.
  static let metrics: [OutcomeMetric] = [
    .netIncomePerCustomer, .badDebtRate, .averageOrderValue, .gmvPerCustomer,
  ]

  /// The scenario at a test size, run as a split experiment that sums the compared metrics per
  /// customer.
  static func scenario(_ file: String) throws -> Scenario {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/\(file)").path
    ).scenario
    s.population.size = Swift.min(s.population.size, 6_000)
    var e =
      s.experiment
      ?? ExperimentSpec(
        mode: .split, control: 0, alpha: 0.05, metrics: [],
        stratifyBySegment: false, prePeriods: 0)
    e.mode = .split
    e.metrics = metrics.map {
      ExperimentSpec.Metric(metric: $0, maxIncrease: nil)
    }
    e.sequentialRelativeEffect = nil
    s.experiment = e
    return s
  }

  /// `a` and `b` agree to within Float rounding of per-customer storage on a flow of `scale`.
  static func agree(_ a: Double, _ b: Double, scale: Double) -> Bool {
    abs(a - b) <= 1 + 2e-5 * scale
  }

  @Test(arguments: shipped)
  func everyFigureAddsUp(file: String) throws {
    try Self.check(try Self.scenario(file), file)
  }

  /// Scenarios with channels, a risk stack or merchants, every arm given fees, an
  /// early-settlement fee, partial prepayments and a funding partner (with the guarantee on
  /// even arms, without on odd ones): the new income and the partner's share add up too.
  @Test(arguments: [
    "double11.json", "risk-stack.json", "b2b-supply-chain.json",
  ])
  func everyFigureAddsUpWithFeesAndCoLending(file: String) throws {
    var s = try Self.scenario(file)
    s.repayment.partialPrepaymentShare = 0.3
    for a in s.arms.indices {
      s.arms[a].offer.fees = ProductFees(
        upfrontShare: 0.01, upfrontFinanced: a % 2 == 0, lateFeeAmount: 20,
        lateFeeShare: 0.05, lateFeeCap: 50, penaltyDailyRate: 0.0005,
        earlySettlement: .fee(share: 0.01))
      s.arms[a].coLending = CoLending(
        partnerShare: 0.6, partnerRate: 0.06, guaranteed: a % 2 == 0,
        guaranteeFeeRate: 0.02)
    }
    try Self.check(s, file + " with fees and co-lending")
  }

  /// Scenarios started from a seasoned book, with cure and roll by bucket and collections at a
  /// cost: the opening balance enters the book's identity, and the seasoned loans' income and
  /// losses count alike per customer and per arm.
  @Test(arguments: [
    "baseline.json", "double11.json", "co-lending.json",
    "prepaid-education.json",
  ])
  func everyFigureAddsUpOnASeasonedBookWithCollections(file: String) throws {
    var s = try Self.scenario(file)
    s.seasoning = Seasoning(burnInMonths: 9)
    s.repayment.buckets = BucketTransitions(
      rollShift: [-0.5, 0.5, 1.0, 1.5], cureShift: [0.3, -0.5, -1.0, -2.0])
    s.repayment.collections = CollectionsEffort(
      cureShift: 0.2, rollShift: -0.1, costPerDelinquentLoan: 12)
    let r = SimulationEngine(scenario: s, threads: 2).run()
    #expect(r.arms.allSatisfy { $0.openingBalance > 0 }, "\(file)")
    #expect(r.arms.allSatisfy { $0.totals.book.collectionsCost > 0 })
    try Self.check(s, file + " seasoned")
  }

  /// Runs `s` and checks that every figure computed two ways agrees.
  static func check(_ s: Scenario, _ file: String) throws {
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let sums = try #require(r.metricSums.last)
    let m = metrics.count
    for (a, arm) in r.arms.enumerated() {
      let t = arm.totals
      let b = t.book
      let gross =
        b.interestIncome + b.chargeOffPrincipal + arm.marketingCost
        + arm.fundingCost + t.merchantSubsidy + b.disputedPrincipal
      // Per customer against per arm.
      let income = sums[a * m + 0].y
      #expect(
        Self.agree(income, arm.netIncome, scale: gross),
        "\(file) \(arm.name): customers' net income \(income), arm's \(arm.netIncome) + pending recoveries \(arm.pendingRecoveries)"
      )
      #expect(
        Self.agree(
          sums[a * m + 1].y, b.chargeOffPrincipal + b.disputedPrincipal,
          scale: gross),
        "\(file) \(arm.name): customers' losses \(sums[a * m + 1].y)")
      #expect(
        Self.agree(
          sums[a * m + 2].y, t.bookedPrincipal, scale: t.bookedPrincipal)
      )
      #expect(sums[a * m + 2].x == t.bookings, "\(file) \(arm.name)")
      #expect(Self.agree(sums[a * m + 3].y, t.gmv, scale: t.gmv))
      // Per period against per arm.
      let net = r.periods.reduce(0) { $0 + $1[a].netIncome }
      let marketing = r.periods.reduce(0) { $0 + $1[a].marketingCost }
      #expect(Self.agree(net, arm.netIncome, scale: gross), "\(file)")
      #expect(Self.agree(marketing, arm.marketingCost, scale: gross), "\(file)")
      // Per segment against per arm.
      let segments = r.segments.filter { $0.arm == arm.name }
      #expect(segments.reduce(0) { $0 + $1.customers } == Double(arm.customers))
      #expect(
        segments.reduce(0) { $0 + $1.bookings } == t.bookings,
        "\(file) \(arm.name): segment bookings \(segments.map(\.bookings)) vs \(t.bookings)"
      )
      #expect(
        Self.agree(
          segments.reduce(0) { $0 + $1.bookedPrincipal }, t.bookedPrincipal,
          scale: t.bookedPrincipal))
      #expect(segments.reduce(0) { $0 + $1.chargeOffs } == b.chargeOffs)
      #expect(
        Self.agree(
          segments.reduce(0) { $0 + $1.chargeOffPrincipal },
          b.chargeOffPrincipal, scale: gross))
      #expect(segments.reduce(0) { $0 + $1.applications } == t.applications)
      // Per channel against per arm: every marketing yuan is in a channel or a named cost, and
      // no channel books more than the arm.
      let mc = t.marketing
      if !mc.channels.isEmpty {
        let channels = mc.channels.reduce(0) { $0 + $1.cost }
        #expect(
          Self.agree(
            channels + mc.discountCost + mc.lotteryCost + mc.pointsCost,
            arm.marketingCost, scale: gross), "\(file) \(arm.name)")
        #expect(mc.channels.reduce(0) { $0 + $1.booked } <= t.bookings)
      }
      if s.arms[a].targeting != nil {
        #expect(
          Self.agree(
            t.targeting.contactCost + t.targeting.discountCost,
            arm.marketingCost, scale: gross), "\(file) \(arm.name)")
      }
      // The book's identity.
      #expect(
        abs(r.conservationError[a]) <= 1e-6 * Swift.max(1, t.bookedPrincipal),
        "\(file) \(arm.name): identity error \(r.conservationError[a])")
    }
  }
}
