/// The problems found so far in a loan-tape file, up to ``LoanTapeReader/maxProblems``.
struct LoanTapeProblems: Error {
  /// The problems kept, in file order.
  private(set) var list: [LoanTapeProblem] = []
  /// Whether a problem beyond the limit was found (reading should stop).
  private(set) var overflowed = false
  /// Every problem reported, kept or not.
  private(set) var found = 0

  var isEmpty: Bool { list.isEmpty }

  /// Whether reading should stop.
  var isFull: Bool { overflowed }

  /// Records a problem; past the limit, only notes that there were more.
  mutating func report(
    line: Int, column: LoanTapeColumn? = nil, message: String
  ) {
    report(line: line, columnName: column?.name, message: message)
  }

  /// Records a problem in a column given by name.
  mutating func report(line: Int, columnName: String?, message: String) {
    found += 1
    guard list.count < LoanTapeReader.maxProblems else {
      overflowed = true
      return
    }
    list.append(
      LoanTapeProblem(line: line, column: columnName, message: message))
  }
}
