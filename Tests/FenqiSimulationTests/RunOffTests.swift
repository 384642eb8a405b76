import FenqiCore
import FenqiCredit
import Foundation
import Testing

@testable import FenqiSimulation

/// The `horizon` block: its run-off is read and checked, and a run with it reconciles at the
/// window's end and at the run-off's end on every shipped scenario.
@Suite struct RunOffTests {
  @Test func matureRunsOffTheLongestTermThenChargeOffThenRecovery() throws {
    var s = try ReconciliationTests.scenario("double11.json")
    let window = s.window
    s.extend(by: Horizon(runOff: .untilMatured, annualDiscountRate: 0.1))
    let chargeOff = Int(
      DelinquencyStateMachine.chargeOffMonths(
        daysPastDue: s.repayment.chargeOffDaysPastDue))
    #expect(
      s.runOffMonths
        == s.longestTermMonths + chargeOff + s.repayment.recoveryLagMonths + 1)
    #expect(s.window == window && s.periods == window + s.runOffMonths)
    #expect(abs(s.discountFactor(period: 12) - 1 / 1.1) < 1e-12)
    s.extend(by: Horizon(runOff: .months(5)))
    #expect(s.window == window && s.periods == window + 5)
    #expect(s.annualDiscountRate == s.economics.annualFundingRate)
  }

  @Test(arguments: [
    ("\"forever\"", "$.horizon.runOff"), ("121", "$.horizon.runOff"),
    ("2.5", "$.horizon.runOff"), ("-1", "$.horizon.runOff"),
  ])
  func aBadRunOffIsRefusedAtItsPath(value: String, path: String) throws {
    let found = try problems(editing: "baseline.json") {
      $0["horizon"] = [
        "runOff": try! JSONSerialization.jsonObject(
          with: Data(value.utf8), options: .fragmentsAllowed)
      ]
    }
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix(path) == true, "\(found)")
    #expect(found.first?.contains("matured") == true)
  }

  @Test func aBadDiscountRateOrFieldIsRefused() throws {
    let found = try problems(editing: "baseline.json") {
      $0["horizon"] = ["discountRate": 1.5, "runoff": 3]
    }
    #expect(found.contains { $0.hasPrefix("$.horizon.discountRate") })
    #expect(found.contains { $0.hasPrefix("$.horizon.runoff") })
  }

  /// Per customer against per period at the window's end and over the whole run, with six
  /// run-off months after every shipped scenario's window.
  @Test(arguments: ReconciliationTests.shipped)
  func everyFigureAddsUpAtTheWindowAndAfterTheRunOff(file: String) throws {
    var s = try ReconciliationTests.scenario(file)
    s.extend(by: Horizon(runOff: .months(6)))
    let r = SimulationEngine(scenario: s, threads: 2).run()
    let m = ReconciliationTests.metrics.count
    for (a, arm) in r.arms.enumerated() {
      for (h, sums) in [
        (s.window, r.metricSums[s.window - 1]),
        (s.periods, r.metricSums[s.periods - 1]),
      ] {
        // A customer's ledger counts a recovery when the loan is charged off, the arm's months
        // when it is received, `lag` months later: add those still to come within the run.
        let lag = s.repayment.recoveryLagMonths
        let coming = (max(0, h - lag)..<h).filter { $0 + 1 + lag <= s.periods }
          .reduce(0.0) {
            let p = r.periods[$1][a]
            return $0 + p.counts.book.chargeOffPrincipal
              * (1 - s.repayment.lossGivenDefault) * p.platformLossShare
          }
        let net = r.periods[..<h].reduce(0) { $0 + $1[a].netIncome } + coming
        let gross = r.periods[..<h].reduce(0) {
          $0 + abs($1[a].counts.book.interestIncome) + $1[a].marketingCost
            + $1[a].fundingCost + $1[a].counts.book.chargeOffPrincipal
        }
        #expect(
          ReconciliationTests.agree(sums[a * m].y, net, scale: gross),
          "\(file) \(arm.name) through month \(h): customers \(sums[a * m].y), periods \(net)"
        )
      }
      for t in s.window..<s.periods {
        #expect(r.periods[t][a].counts.bookings == 0, "\(file) month \(t + 1)")
      }
    }
    #expect(
      r.conservationError.allSatisfy {
        abs($0) < 1e-3 * max(1, r.arms[0].totals.bookedPrincipal)
      })
  }
}
