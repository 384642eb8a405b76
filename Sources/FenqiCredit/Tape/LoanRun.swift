/// What the reader remembers of the loan whose rows it is reading, to check the next row.
struct LoanRun {
  /// The loan's index in ``LoanTape/loanIDs``, or -1 before the first row.
  var loan: Int32 = -1
  /// The id cell of the loan's latest row, for a byte comparison with the next row's.
  var idCell = CSVCellRange()
  /// The line of the loan's first row.
  var firstLine = 0
  /// The line of the loan's latest row.
  var lastLine = 0
  /// The month on book of the latest row, if it could be read.
  var lastMonthOnBook: Int32?
  /// The line and status of a terminal row, once one was read.
  var closed: (line: Int, status: LoanStatus)?
  /// The values that must not change within a loan, with the line they were first read on.
  var originationPeriod: (Int32, line: Int)?
  var termMonths: (Int32, line: Int)?
  var principal: (Double, line: Int)?
  var apr: (Double, line: Int)?
  /// The previous row could not be placed (ragged, or its id or month unreadable), so the next
  /// row's place in the sequence is not checked.
  var lenient = false
  /// The loan reappeared after other loans (already reported): its rows are not checked further.
  var reappeared = false
}

/// A cell's byte range and quoting, comparable without building a string.
struct CSVCellRange: Equatable {
  var start = 0
  var end = 0
  var quoted = false
}
