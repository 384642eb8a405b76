import FenqiCore

/// One pass over a loan-tape file: the header, then every row's cells, then the row's place in its
/// loan's sequence (``LoanRun``).
///
/// Rows are appended to ``tape`` only while no problem has been found; after that the reader only
/// looks for more problems.
struct LoanTapeParser {
  var scanner: CSVScanner
  var cells: [CSVCell] = []
  /// The problems found.
  var problems = LoanTapeProblems()
  /// The tape read so far.
  var tape = LoanTape()
  private var slots = Slots()
  private var run = LoanRun()
  /// Per loan (tape order): the line of its latest row.
  private var loanLastLine: [Int] = []
  /// The last customer, segment and product cells interned (see ``NameTable``).
  var lastNames = [InternedCell](repeating: InternedCell(), count: 3)
  private let bucketNames = DelinquencyBucket.allCases.map {
    Array($0.name.utf8)
  }
  private let statusNames = LoanStatus.allCases.map { Array($0.name.utf8) }

  /// The cell index of each required column, and the extra columns'.
  private struct Slots {
    var loanID = 0, customerID = 0, segment = 0, originationPeriod = 0
    var monthOnBook = 0, product = 0, term = 0, principal = 0, apr = 0
    var balance = 0, bucket = 0, status = 0, paid = 0, chargeOff = 0
    var recovery = 0
    var extras: [Int] = []
    var width = 0
  }

  init(bytes: [UInt8]) {
    scanner = CSVScanner(bytes: bytes)
  }

  /// Reads the whole file, or up to the problem limit.
  mutating func parse() {
    do throws(CSVFailure) {
      guard try scanner.next(into: &cells) else {
        problems.report(
          line: 1,
          message:
            "the file is empty; expected a header line naming the columns")
        return
      }
    } catch {
      problems.report(line: error.line, message: error.message)
      return
    }
    switch LoanTapeHeader.read(cells, scanner: scanner) {
    case .failure(let found):
      problems = found
      return
    case .success(let header):
      place(header)
    }
    while !problems.isFull {
      do throws(CSVFailure) {
        guard try scanner.next(into: &cells) else { return }
      } catch {
        problems.report(line: error.line, message: error.message)
        return
      }
      readRow()
    }
  }

  private mutating func place(_ header: LoanTapeHeader) {
    var at: [LoanTapeColumn: Int] = [:]
    for (c, i) in zip(LoanTapeColumn.allCases, header.required) { at[c] = i }
    slots.loanID = at[.loanID, default: 0]
    slots.customerID = at[.customerID, default: 0]
    slots.segment = at[.segment, default: 0]
    slots.originationPeriod = at[.originationPeriod, default: 0]
    slots.monthOnBook = at[.monthOnBook, default: 0]
    slots.product = at[.product, default: 0]
    slots.term = at[.term, default: 0]
    slots.principal = at[.principal, default: 0]
    slots.apr = at[.apr, default: 0]
    slots.balance = at[.balance, default: 0]
    slots.bucket = at[.bucket, default: 0]
    slots.status = at[.status, default: 0]
    slots.paid = at[.paid, default: 0]
    slots.chargeOff = at[.chargeOff, default: 0]
    slots.recovery = at[.recovery, default: 0]
    slots.extras = header.extras.map(\.index)
    slots.width = header.width
    tape.setExtraColumns(header.extras.map(\.name))
  }

  // MARK: - One row

  private mutating func readRow() {
    let line = scanner.line
    guard cells.count == slots.width else {
      problems.report(
        line: line,
        message:
          "expected \(slots.width) cells as in the header, found \(cells.count)"
      )
      run.lenient = true
      return
    }
    let id = name(slots.loanID, .loanID, line, "a loan id")
    let customer = nonEmpty(
      slots.customerID, .customerID, line, "a customer id")
    let segment = nonEmpty(slots.segment, .segment, line, "a segment name")
    let product = nonEmpty(slots.product, .product, line, "a product name")
    let origination = integer(
      slots.originationPeriod, .originationPeriod, line, 0...10_000_000,
      "an integer month index ≥ 0")
    let month = integer(
      slots.monthOnBook, .monthOnBook, line, 1...10_000, "an integer ≥ 1")
    let term = integer(
      slots.term, .term, line, 1...60, "an integer number of months in 1…60")
    let principal = amount(slots.principal, .principal, line, positive: true)
    let apr = number(
      slots.apr, .apr, line, "a fraction in [0, 10] (24% is written 0.24)"
    ) { $0 >= 0 && $0 <= 10 }
    let balance = amount(slots.balance, .balance, line)
    let paid = amount(slots.paid, .paid, line)
    let chargeOff = amount(slots.chargeOff, .chargeOff, line)
    let recovery = amount(slots.recovery, .recovery, line)
    let bucket = named(slots.bucket, .bucket, line, bucketNames).flatMap {
      DelinquencyBucket(rawValue: UInt8($0))
    }
    let status = named(slots.status, .status, line, statusNames).flatMap {
      LoanStatus(rawValue: UInt8($0))
    }
    guard let id else {
      run.lenient = true
      return
    }
    let loan = place(id: id, line: line)
    check(
      loan: loan, line: line, month: month, status: status,
      origination: origination, term: term, principal: principal, apr: apr)
    guard problems.found == 0, let customer, let segment, let product,
      let origination, let month, let term, let principal, let apr,
      let balance, let paid, let chargeOff, let recovery, let bucket,
      let status
    else { return }
    tape.appendInterned(
      loan: loan,
      customer: intern(customer, .customer),
      segment: intern(segment, .segment),
      product: intern(product, .product),
      values: LoanTape.Values(
        originationPeriod: origination, monthOnBook: month, termMonths: term,
        principal: principal, apr: apr, balance: balance, bucket: bucket,
        status: status, paid: paid, chargeOff: chargeOff, recovery: recovery))
    for (c, slot) in slots.extras.enumerated() {
      let cell = cells[slot]
      tape.appendExtra(
        scanner.isBlank(cell) ? nil : scanner.text(of: cell), column: c)
    }
  }

  /// The loan of a row with id cell `id`: the current loan, a new one, or (reported) one whose
  /// rows appeared before other loans'.
  private mutating func place(id cell: CSVCell, line: Int) -> Int32 {
    let range = CSVCellRange(
      start: cell.start, end: cell.end, quoted: cell.quoted)
    if run.loan >= 0, sameBytes(range, run.idCell) {
      run.idCell = range
      return run.loan
    }
    let text = scanner.text(of: cell)
    if run.loan >= 0, tape.loanIDs[Int(run.loan)] == text {
      run.idCell = range
      return run.loan
    }
    if let earlier = tape.loanIndex(of: text) {
      let previous = loanLastLine[Int(earlier)]
      problems.report(
        line: line, column: .loanID,
        message:
          "loan \(quoted(text)) appears again after other loans (its rows so far end on line \(previous)); a loan's rows must be consecutive"
      )
      run = LoanRun(loan: earlier, idCell: range, firstLine: line)
      run.reappeared = true
      return earlier
    }
    let loan = tape.internLoan(text)
    loanLastLine.append(line)
    let lenient = run.lenient
    run = LoanRun(loan: loan, idCell: range, firstLine: line)
    run.lenient = lenient
    return loan
  }

  /// Checks a row's place in its loan (month on book, closure, constant terms) and moves the
  /// run on to it.
  private mutating func check(
    loan: Int32, line: Int, month: Int32?, status: LoanStatus?,
    origination: Int32?, term: Int32?, principal: Double?, apr: Double?
  ) {
    loanLastLine[Int(loan)] = line
    let first = run.lastLine == 0
    let name = quoted(tape.loanIDs[Int(loan)])
    if !run.reappeared && !run.lenient {
      if first {
        if let month, month != 1 {
          problems.report(
            line: line, column: .monthOnBook,
            message:
              "loan \(name) starts at month on book \(month); expected 1 (a tape holds every month of a loan from its first; leave out loans booked before the tape starts)"
          )
        }
      } else if let closed = run.closed {
        problems.report(
          line: line,
          message:
            "loan \(name) has a row after it closed as \(closed.status.name) on line \(closed.line); expected no rows after a terminal status"
        )
      } else if let month, let last = run.lastMonthOnBook, month != last + 1 {
        let how =
          month == last
          ? "repeats" : month < last ? "goes backwards from" : "skips after"
        problems.report(
          line: line, column: .monthOnBook,
          message:
            "month on book \(month) \(how) \(last) on line \(run.lastLine) for loan \(name); expected \(last + 1)"
        )
      }
    }
    if !run.reappeared {
      run.originationPeriod = constant(
        run.originationPeriod, origination, .originationPeriod, line, name)
      run.termMonths = constant(run.termMonths, term, .term, line, name)
      run.principal = constant(run.principal, principal, .principal, line, name)
      run.apr = constant(run.apr, apr, .apr, line, name)
    }
    run.lastLine = line
    run.lastMonthOnBook = month
    if run.closed == nil, let status, status.isTerminal {
      run.closed = (line, status)
    }
    run.lenient = month == nil || status == nil
  }

  /// A loan's first value of a column (`kept`, or this row's when none was read yet); reports
  /// a row that changes it.
  private mutating func constant<T: Equatable & CustomStringConvertible>(
    _ kept: (T, line: Int)?, _ value: T?, _ column: LoanTapeColumn,
    _ line: Int, _ loan: String
  ) -> (T, line: Int)? {
    func shown(_ v: T) -> String {
      (v as? Double).map(JSONWriter.format) ?? v.description
    }
    guard let value else { return kept }
    guard let (first, firstLine) = kept else { return (value, line) }
    if value != first {
      problems.report(
        line: line, column: column,
        message:
          "expected \(shown(first)) as on line \(firstLine) (the \(column.name) of loan \(loan) is the same on every row), found \(shown(value))"
      )
    }
    return kept
  }
}
