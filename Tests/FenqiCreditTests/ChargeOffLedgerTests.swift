import Testing

@testable import FenqiCredit

/// The ledger's vintage balances by days past due and its roll-rate counts.
@Suite struct ChargeOffLedgerTests {
  @Test func balancesCountInEveryLevelTheyReach() {
    var ledger = ChargeOffLedger(arms: 1, segments: 0, horizon: 6)
    // Booked in month 2, observed at the end of month 5 (3 months on book).
    for (principal, pastDue) in [(100.0, 0), (50, 1), (20, 2), (8, 3), (4, 5)] {
      ledger.recordBalance(
        arm: 0, origin: 2, period: 5, principal: principal,
        monthsPastDue: UInt8(pastDue))
    }
    let levels = (0..<4).map {
      ledger.balance(arm: 0, origin: 2, monthsOnBook: 3, level: $0)
    }
    #expect(levels == [182, 32, 12, 4])
    // Outside the horizon: nothing recorded, nothing trapped.
    ledger.recordBalance(
      arm: 0, origin: 7, period: 9, principal: 1, monthsPastDue: 4)
    #expect(ledger.balance(arm: 0, origin: 7, monthsOnBook: 2, level: 0) == 0)
  }

  @Test func rollsAddUpAcrossChunksAndCapAt90Plus() {
    var a = ChargeOffLedger(arms: 2, segments: 0, horizon: 3)
    var b = ChargeOffLedger(arms: 2, segments: 0, horizon: 3)
    a.recordRoll(arm: 1, fromMonthsPastDue: 0, to: 1)
    b.recordRoll(arm: 1, fromMonthsPastDue: 0, to: 1)
    b.recordRoll(arm: 0, fromMonthsPastDue: 6, to: 5)
    a.add(b)
    #expect(a.rollCount(arm: 1, from: 0, to: 1) == 2)
    #expect(a.rollCount(arm: 0, from: 4, to: 5) == 1)
    #expect(a.rolls.reduce(0, +) == 3)
    // A ledger without a horizon keeps no matrix.
    var none = ChargeOffLedger(arms: 1, segments: 0, horizon: 0)
    none.recordRoll(arm: 0, fromMonthsPastDue: 0, to: 0)
    #expect(none.rollCount(arm: 0, from: 0, to: 0) == 0)
  }
}
