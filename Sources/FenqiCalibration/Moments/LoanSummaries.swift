import FenqiCredit

/// What the moments need of each loan, computed once from a tape so that each bootstrap
/// replicate costs O(loans + months) instead of O(rows × months).
///
/// Loans are in tape order (``LoanTape/loanIDs``). A loan's rows are taken in the order they
/// were appended, as months 1, 2, … (the reader checks that a file's are).
struct LoanSummaries: Sendable {
  /// Loans on the tape.
  var count = 0
  /// The tape's last calendar month: max(origination period + month on book) over its rows.
  var lastPeriod = 0
  /// The largest ``observedTo``.
  var months = 0
  /// The last month on book at which each loan's state is known: for a closed loan the tape's
  /// last period minus its origination period (it keeps its final state), for an open loan its
  /// last row's month.
  var observedTo: [Int32] = []
  /// The first month on book in bucket 31-60 or worse (0: never).
  var first30: [Int32] = []
  /// The first month on book in bucket 90+ (0: never).
  var first90: [Int32] = []
  /// The month on book of the prepaid row (0: never).
  var prepaidAt: [Int32] = []
  /// Principal at origination, yuan.
  var principal: [Double] = []
  /// The loan's position in ``terms``.
  var termSlot: [Int32] = []
  /// The distinct terms, ascending, months.
  var terms: [Int] = []
  /// Loan i's charge-offs are events `chargeOffStart[i]..<chargeOffStart[i + 1]`.
  var chargeOffStart: [Int32] = [0]
  /// The month on book of each charge-off event.
  var chargeOffMonth: [Int32] = []
  /// The principal written off in each event, yuan.
  var chargeOffAmount: [Double] = []
  /// Loan i's transitions are entries `transitionStart[i]..<transitionStart[i + 1]`.
  var transitionStart: [Int32] = [0]
  /// The cell of each entry: from-bucket × ``RollTarget`` count + target.
  var transitionCell: [UInt8] = []
  /// How many of the loan's months made that transition.
  var transitionCount: [Double] = []

  /// Cells in the roll matrix: 5 buckets × 8 targets.
  static let cells =
    DelinquencyBucket.allCases.count * RollTarget.allCases.count

  /// Summarises every loan of `tape`.
  ///
  /// - Complexity: O(rows).
  init(_ tape: LoanTape) {
    let (rows, starts) = tape.rowsByLoan()
    count = tape.loanCount
    for r in 0..<tape.count {
      lastPeriod = max(
        lastPeriod, Int(tape.originationPeriod[r] + tape.monthOnBook[r]))
    }
    // Terms are few: mark them in a table by month (a set only for the unusual ones).
    var seen = [Bool](repeating: false, count: 61)
    var unusual = Set<Int>()
    for t in tape.termMonths {
      if t >= 0 && t <= 60 {
        seen[Int(t)] = true
      } else {
        unusual.insert(Int(t))
      }
    }
    let termList = (seen.indices.filter { seen[$0] } + unusual).sorted()
    terms = termList
    var slotOfTerm: [Int: Int32] = [:]
    for (i, t) in termList.enumerated() { slotOfTerm[t] = Int32(i) }
    observedTo.reserveCapacity(count)
    first30.reserveCapacity(count)
    first90.reserveCapacity(count)
    prepaidAt.reserveCapacity(count)
    principal.reserveCapacity(count)
    termSlot.reserveCapacity(count)
    var cellCounts = [UInt32](repeating: 0, count: Self.cells)
    let targets = RollTarget.allCases.count
    for i in 0..<count {
      // Every loan on a tape has at least one row.
      let loanRows = rows[starts[i]..<starts[i + 1]]
      let firstRow = rows[starts[i]]
      let lastRow = rows[starts[i + 1] - 1]
      var f30: Int32 = 0
      var f90: Int32 = 0
      var prepaid: Int32 = 0
      var from = DelinquencyBucket.current
      for r in loanRows {
        let month = tape.monthOnBook[r]
        let bucket = tape.bucket[r]
        let status = tape.status[r]
        if f30 == 0, bucket >= .dpd31to60 { f30 = month }
        if f90 == 0, bucket == .dpd90plus { f90 = month }
        if status == .prepaid, prepaid == 0 { prepaid = month }
        if tape.chargeOff[r] > 0 {
          chargeOffMonth.append(month)
          chargeOffAmount.append(tape.chargeOff[r])
        }
        let to = RollTarget(bucket: bucket, status: status)
        cellCounts[Int(from.rawValue) * targets + Int(to.rawValue)] += 1
        from = bucket
      }
      for (cell, n) in cellCounts.enumerated() where n > 0 {
        transitionCell.append(UInt8(cell))
        transitionCount.append(Double(n))
        cellCounts[cell] = 0
      }
      transitionStart.append(Int32(transitionCell.count))
      chargeOffStart.append(Int32(chargeOffMonth.count))
      let origination = Int(tape.originationPeriod[firstRow])
      let closed = tape.status[lastRow].isTerminal
      let observed =
        closed ? lastPeriod - origination : Int(tape.monthOnBook[lastRow])
      observedTo.append(Int32(observed))
      months = max(months, observed)
      first30.append(f30)
      first90.append(f90)
      prepaidAt.append(prepaid)
      principal.append(tape.principal[firstRow])
      termSlot.append(slotOfTerm[Int(tape.termMonths[firstRow]), default: 0])
    }
  }
}
