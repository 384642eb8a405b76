import FenqiCore
import FenqiCredit
import FenqiPopulation
import FenqiRisk

/// Accounting: money flows and summaries derived from the merged monthly counts.
extension SimulationEngine {
  /// Derives money flows and summaries from the merged counts.
  static func account(
    scenario: Scenario, counts: [[ArmPeriodCounts]], customersPerArm: [Int],
    ledger: ChargeOffLedger, segmentCounts: [Double],
    metricSums: [[MomentSums]] = []
  ) -> RunResult {
    let lag = scenario.repayment.recoveryLagMonths
    let recoveryRate = 1 - scenario.repayment.lossGivenDefault
    let fundingPath = scenario.macro.map {
      MacroPath($0, periods: scenario.periods).fundingShift.map {
        (scenario.economics.annualFundingRate + $0) / 12
      }
    }
    var periods: [[PeriodMetrics]] = []
    for (t, row) in counts.enumerated() {
      periods.append(
        row.enumerated().map { a, c in
          let source = t - lag
          let recoveries =
            source >= 0
            ? recoveryRate * counts[source][a].book.chargeOffPrincipal : 0
          var m = PeriodMetrics(
            period: t + 1, counts: c, recoveries: recoveries,
            fundingCost: c.book.totalBalance
              * (fundingPath?[t + 1]
                ?? scenario.economics.annualFundingRate / 12),
            marketingCost: scenario.arms[a].targeting != nil
              ? c.targeting.contactCost + c.targeting.discountCost
              : (scenario.arms[a].marketing == nil
                ? c.reached * scenario.arms[a].costPerContact : 0)
                + c.marketing.total)
          if let co = scenario.arms[a].coLending { m.shareFunding(with: co) }
          return m
        })
    }
    let summaries = scenario.arms.enumerated().map { a, arm in
      var totals = ArmPeriodCounts()
      var recoveries = 0.0
      var funding = 0.0
      var marketing = 0.0
      var net = 0.0
      var balanceSum = 0.0
      for row in periods {
        totals.add(row[a].counts)
        recoveries += row[a].recoveries
        funding += row[a].fundingCost
        marketing += row[a].marketingCost
        net += row[a].netIncome
        balanceSum += row[a].counts.book.totalBalance
      }
      // Balances and open loans are stocks: take the last period's, not the sum.
      totals.book.balance =
        periods.last?[a].counts.book.balance ?? (0, 0, 0, 0, 0)
      totals.book.openLoans = periods.last?[a].counts.book.openLoans ?? 0
      let pendingStart = max(0, counts.count - lag)
      // Whole-book, like the charge-offs and recoveries (the platform's share is in net income).
      let pending = (pendingStart..<counts.count).reduce(0.0) {
        $0 + recoveryRate * counts[$1][a].book.chargeOffPrincipal
      }
      var summary = ArmSummary(
        name: arm.name, customers: customersPerArm[a], totals: totals,
        recoveries: recoveries,
        pendingRecoveries: pending, fundingCost: funding,
        marketingCost: marketing, netIncome: net,
        averageBalance: balanceSum / Double(max(periods.count, 1)),
        periods: periods.count)
      if scenario.runOffMonths > 0, scenario.window >= 1 {
        let w = periods[scenario.window - 1][a].counts.book.balance
        summary.windowBalance = [w.0, w.1, w.2, w.3, w.4]
      }
      if arm.coLending != nil {
        for row in periods {
          summary.partnerInterest += row[a].partnerInterest
          summary.guaranteeFees += row[a].guaranteeFees
          summary.partnerCreditLoss += row[a].partnerCreditLoss
        }
      }
      return summary
    }
    let segmentCount = scenario.behaviours.count
    var segments: [SegmentSummary] = []
    for (a, arm) in scenario.arms.enumerated() {
      for (g, profile) in scenario.population.segments.enumerated() {
        func field(_ f: SegmentField) -> Double {
          segmentCounts[
            SegmentField.index(f, arm: a, segment: g, segments: segmentCount)]
        }
        segments.append(
          SegmentSummary(
            arm: arm.name, segment: profile.name,
            hidden: scenario.hiddenSegments[g],
            customers: field(.customers), needs: field(.needs),
            applications: field(.applications),
            bookings: field(.bookings),
            bookedPrincipal: field(.bookedPrincipal),
            chargeOffs: ledger.segmentCount[a * segmentCount + g],
            chargeOffPrincipal: ledger.segmentPrincipal[a * segmentCount + g]))
      }
    }
    return RunResult(
      scenario: scenario, periods: periods, arms: summaries, segments: segments,
      ledger: ledger, metricSums: metricSums, forcedArm: nil)
  }
}
