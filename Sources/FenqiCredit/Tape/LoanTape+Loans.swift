extension LoanTape {
  /// The rows of every loan, grouped: loans in ``loanIDs`` order (first appearance), each
  /// loan's rows in the order they were appended.
  ///
  /// Loan `i`'s rows are `rows[starts[i]..<starts[i + 1]]`. On a tape read from a file (whose
  /// loans are consecutive already) `rows` is `0..<count`.
  ///
  /// - Returns: `rows`, every row index once, and `starts`, ``loanCount`` + 1 offsets into it.
  /// - Complexity: O(``count``), a counting sort by loan.
  public func rowsByLoan() -> (rows: [Int], starts: [Int]) {
    let loans = loanCount
    var starts = [Int](repeating: 0, count: loans + 1)
    for l in loan { starts[Int(l) + 1] += 1 }
    for i in 0..<loans { starts[i + 1] += starts[i] }
    if isGroupedByLoan { return (Array(0..<count), starts) }
    var next = starts
    var rows = [Int](repeating: 0, count: count)
    for (r, l) in loan.enumerated() {
      rows[next[Int(l)]] = r
      next[Int(l)] += 1
    }
    return (rows, starts)
  }

  /// Whether each loan's rows are consecutive and loans appear in ``loanIDs`` order.
  public var isGroupedByLoan: Bool {
    var expected: Int32 = 0
    for l in loan where l != expected - 1 {
      guard l == expected else { return false }
      expected += 1
    }
    return true
  }
}
