import FenqiCredit

/// A run's loan tape: the monthly rows of exactly `limit` booked loans (or every loan, when fewer
/// were booked), chosen by the smallest sampling keys over all chunks.
///
/// Loans booked in the run's last period have no month on book and are not sampled.
///
/// Loans are in order of origination period, then customer, then booking ordinal; each loan's
/// rows run from month on book 1 to the month it closed or the run's last period. Identifiers
/// are the customer's index (`customer_id`) and customer-ordinal (`loan_id`); the product is
/// the arm's name and `apr` the true APR of the loan's terms (IRR, upfront fee included).
public struct LoanTapeSample: Sendable {
  /// The number of loans sampled.
  public let loanCount: Int
  /// The number of rows.
  public var count: Int { rowChunk.count }

  private let logs: [LoanTapeLog]
  private let rowChunk: [Int32]
  private let rowIndex: [Int32]
  private let segmentNames: [String]
  private let armNames: [String]
  /// The true APR of each chunk's terms, by terms index.
  private let aprs: [[Double]]

  /// Merges the chunks' logs and keeps the `limit` loans with the smallest keys.
  init(_ logs: [LoanTapeLog], limit: Int, scenario: Scenario) {
    self.logs = logs
    segmentNames = scenario.population.segments.map(\.name)
    armNames = scenario.arms.map(\.name)
    aprs = logs.map { $0.terms.map(Self.trueAPR) }
    var slots: [(key: Double, chunk: Int32, slot: Int32)] = []
    for (c, log) in logs.enumerated() {
      for s in 0..<log.slotCount {
        slots.append((log.key[s], Int32(c), Int32(s)))
      }
    }
    slots.sort { ($0.key, $0.chunk, $0.slot) < ($1.key, $1.chunk, $1.slot) }
    var chosen = Array(slots.prefix(limit))
    chosen.sort { a, b in
      let la = logs[Int(a.chunk)]
      let lb = logs[Int(b.chunk)]
      return (
        la.bookedPeriod[Int(a.slot)], la.customer[Int(a.slot)],
        la.ordinal[Int(a.slot)]
      )
        < (
          lb.bookedPeriod[Int(b.slot)], lb.customer[Int(b.slot)],
          lb.ordinal[Int(b.slot)]
        )
    }
    loanCount = chosen.count
    let rowsBySlot = logs.map(Self.rowsBySlot)
    var rowChunk: [Int32] = []
    var rowIndex: [Int32] = []
    for loan in chosen {
      for r in rowsBySlot[Int(loan.chunk)][Int(loan.slot)] {
        rowChunk.append(loan.chunk)
        rowIndex.append(r)
      }
    }
    self.rowChunk = rowChunk
    self.rowIndex = rowIndex
  }

  /// Each slot's row indices, in period order.
  private static func rowsBySlot(_ log: LoanTapeLog) -> [[Int32]] {
    var out = [[Int32]](repeating: [], count: log.slotCount)
    for r in log.rowSlot.indices {
      out[Int(log.rowSlot[r])].append(Int32(r))
    }
    return out
  }

  /// The true APR of per-yuan terms: the IRR of what the borrower receives per yuan financed
  /// against the level instalments, as a nominal annual rate (0 when it has no solution).
  static func trueAPR(_ terms: PlanTerms) -> Double {
    let s = terms.fees.upfrontShare
    let received = terms.fees.upfrontFinanced ? 1 / (1 + s) : 1 - s
    let payments = [Double](
      repeating: terms.paymentPerYuan, count: terms.termMonths)
    return EffectiveRate.of(principal: received, payments: payments)?
      .nominalAnnualRate ?? 0
  }

  /// The sample as a loan tape (see ``LoanTapeWriter`` for its CSV form).
  public func loanTape() -> LoanTape {
    var tape = LoanTape()
    tape.reserveCapacity(count)
    for k in 0..<count { tape.append(row(k)) }
    return tape
  }

  /// Row `k`.
  public func row(_ k: Int) -> LoanTapeRow {
    let log = logs[Int(rowChunk[k])]
    let r = Int(rowIndex[k])
    let s = Int(log.rowSlot[r])
    let terms = log.terms[Int(log.termsIndex[s])]
    let booked = Int(log.bookedPeriod[s])
    return LoanTapeRow(
      loanID: "\(log.customer[s])-\(log.ordinal[s])",
      customerID: String(log.customer[s]),
      segment: segmentNames[Int(log.segment[s])],
      originationPeriod: booked,
      monthOnBook: Int(log.rowPeriod[r]) - booked,
      product: armNames[Int(log.arm[s])], termMonths: terms.termMonths,
      principal: log.principal[s],
      apr: aprs[Int(rowChunk[k])][Int(log.termsIndex[s])],
      balance: log.rowBalance[r],
      bucket: DelinquencyBucket(monthsPastDue: log.rowMonthsPastDue[r]),
      status: log.rowStatus[r], paid: log.rowPaid[r],
      chargeOff: log.rowChargeOff[r], recovery: log.rowRecovery[r])
  }
}
