import FenqiCore
import FenqiCredit

/// Small tapes with hand-computed moments, and large synthetic ones with known values.
enum TapeFixtures {
  /// A row of a hand-built tape.
  static func row(
    _ id: String, origination: Int, _ month: Int, _ bucket: DelinquencyBucket,
    _ status: LoanStatus = .open, term: Int, principal: Double,
    chargeOff: Double = 0
  ) -> LoanTapeRow {
    LoanTapeRow(
      loanID: id, customerID: "c" + id, segment: "all",
      originationPeriod: origination, monthOnBook: month, product: "p",
      termMonths: term, principal: principal, apr: 0.2, balance: 0,
      bucket: bucket, status: status, paid: 0, chargeOff: chargeOff,
      recovery: 0)
  }

  /// Four loans, the tape's last period being 6.
  ///
  /// - A (booked in 0, 6 months, 1,000 yuan): current, 1-30, 31-60, 61-90, 90+, then charged
  ///   off in month 6 with 800 yuan written off;
  /// - B (0, 3 months, 2,000): current, then prepaid in month 2;
  /// - C (0, 3 months, 1,000): 1-30, current, then repaid in month 3;
  /// - D (4, 6 months, 3,000): current, current, still open — observable to month 2 only.
  static var handBuilt: [LoanTapeRow] {
    [
      row("A", origination: 0, 1, .current, term: 6, principal: 1000),
      row("A", origination: 0, 2, .dpd1to30, term: 6, principal: 1000),
      row("A", origination: 0, 3, .dpd31to60, term: 6, principal: 1000),
      row("A", origination: 0, 4, .dpd61to90, term: 6, principal: 1000),
      row("A", origination: 0, 5, .dpd90plus, term: 6, principal: 1000),
      row(
        "A", origination: 0, 6, .dpd90plus, .chargedOff, term: 6,
        principal: 1000, chargeOff: 800),
      row("B", origination: 0, 1, .current, term: 3, principal: 2000),
      row("B", origination: 0, 2, .current, .prepaid, term: 3, principal: 2000),
      row("C", origination: 0, 1, .dpd1to30, term: 3, principal: 1000),
      row("C", origination: 0, 2, .current, term: 3, principal: 1000),
      row("C", origination: 0, 3, .current, .repaid, term: 3, principal: 1000),
      row("D", origination: 4, 1, .current, term: 6, principal: 3000),
      row("D", origination: 4, 2, .current, term: 6, principal: 3000),
    ]
  }

  static func tape(_ rows: [LoanTapeRow]) -> LoanTape {
    var tape = LoanTape()
    for r in rows { tape.append(r) }
    return tape
  }

  /// `loans` one-month loans booked in period 0, each prepaid with probability `share` and
  /// otherwise repaid, drawn from a fixed stream: prepaid.mob01 estimates `share`.
  static func prepaidShare(loans: Int, share: Double, seed: UInt64) -> LoanTape
  {
    var tape = LoanTape()
    tape.reserveCapacity(loans)
    let family = StreamFamily(
      seed: seed, period: 0, purpose: Purpose(rawValue: 4242))
    for i in 0..<loans {
      let prepaid = family.stream(for: UInt64(i)).uniform(at: 0) < share
      tape.append(
        row(
          "L\(i)", origination: 0, 1, .current, prepaid ? .prepaid : .repaid,
          term: 1, principal: 1000))
    }
    return tape
  }
}
