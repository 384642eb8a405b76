import FenqiCredit
import Testing

@Suite struct LoanTapeValidationTests {
  static let header =
    "loan_id,customer_id,segment,origination_period,month_on_book,product,term,principal,apr,balance,dpd_bucket,status,paid,charge_off,recovery"

  /// A data line of loan `id` at month `month`.
  static func line(
    _ id: String, _ month: String, bucket: String = "current",
    status: String = "open", principal: String = "1000", term: String = "12"
  ) -> String {
    "\(id),c,prime,1,\(month),p,\(term),\(principal),0.2,900,\(bucket),\(status),100,0,0"
  }

  static func problems(_ lines: [String]) -> [LoanTapeProblem] {
    do {
      _ = try LoanTapeReader.read(
        text: lines.joined(separator: "\n"), file: "t.csv")
      return []
    } catch {
      return error.problems
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var lines: [String]
    var expected: [LoanTapeProblem]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "ragged row",
      lines: [
        header, line("A", "1"), "A,c,prime,1,2,p,12,1000,0.2,900,current",
      ],
      expected: [
        LoanTapeProblem(
          line: 3, message: "expected 15 cells as in the header, found 11")
      ]),
    Case(
      name: "unknown bucket",
      lines: [header, line("A", "1"), line("A", "2", bucket: "30+")],
      expected: [
        LoanTapeProblem(
          line: 3, column: "dpd_bucket",
          message:
            "expected one of current, 1-30, 31-60, 61-90, 90+, found \"30+\"")
      ]),
    Case(
      name: "unknown status",
      lines: [header, line("A", "1", status: "closed")],
      expected: [
        LoanTapeProblem(
          line: 2, column: "status",
          message:
            "expected one of open, repaid, prepaid, charged_off, found \"closed\""
        )
      ]),
    Case(
      name: "month on book going backwards",
      lines: [
        header, line("A", "1"), line("A", "2"), line("A", "3"), line("A", "2"),
      ],
      expected: [
        LoanTapeProblem(
          line: 5, column: "month_on_book",
          message:
            "month on book 2 goes backwards from 3 on line 4 for loan \"A\"; expected 4"
        )
      ]),
    Case(
      name: "month on book repeating",
      lines: [header, line("A", "1"), line("A", "1")],
      expected: [
        LoanTapeProblem(
          line: 3, column: "month_on_book",
          message:
            "month on book 1 repeats 1 on line 2 for loan \"A\"; expected 2")
      ]),
    Case(
      name: "row after charge-off",
      lines: [
        header, line("A", "1"), line("A", "2", status: "charged_off"),
        line("A", "3"),
      ],
      expected: [
        LoanTapeProblem(
          line: 4,
          message:
            "loan \"A\" has a row after it closed as charged_off on line 3; expected no rows after a terminal status"
        )
      ]),
    Case(
      name: "missing columns",
      lines: [
        "loan_id,customer_id,segment,origination_period,month on book,product,term,principal,balance,dpd_bucket,paid,charge_off,recovery"
      ],
      expected: [
        LoanTapeProblem(
          line: 1,
          message:
            "missing required columns: month_on_book (did you mean \"month on book\"?), apr, status"
        )
      ]),
    Case(
      name: "unparsable and negative numbers",
      lines: [
        header, line("A", "1", principal: "1,000"),
        line("B", "1", principal: "12k"), line("C", "1", principal: "-5"),
      ],
      expected: [
        LoanTapeProblem(
          line: 2, message: "expected 15 cells as in the header, found 16"),
        LoanTapeProblem(
          line: 3, column: "principal",
          message: "expected an amount in yuan > 0, found \"12k\""),
        LoanTapeProblem(
          line: 4, column: "principal",
          message: "expected an amount in yuan > 0, found \"-5\""),
      ]),
    Case(
      name: "month on book below 1 and term out of range",
      lines: [header, line("A", "0", term: "61")],
      expected: [
        LoanTapeProblem(
          line: 2, column: "month_on_book",
          message: "expected an integer ≥ 1, found \"0\""),
        LoanTapeProblem(
          line: 2, column: "term",
          message: "expected an integer number of months in 1…60, found \"61\""),
      ]),
    Case(
      name: "loan rows not consecutive",
      lines: [header, line("A", "1"), line("B", "1"), line("A", "2")],
      expected: [
        LoanTapeProblem(
          line: 4, column: "loan_id",
          message:
            "loan \"A\" appears again after other loans (its rows so far end on line 2); a loan's rows must be consecutive"
        )
      ]),
    Case(
      name: "principal changing within a loan",
      lines: [header, line("A", "1"), line("A", "2", principal: "1200")],
      expected: [
        LoanTapeProblem(
          line: 3, column: "principal",
          message:
            "expected 1000 as on line 2 (the principal of loan \"A\" is the same on every row), found 1200"
        )
      ]),
    Case(
      name: "loan starting after month 1",
      lines: [header, line("A", "3")],
      expected: [
        LoanTapeProblem(
          line: 2, column: "month_on_book",
          message:
            "loan \"A\" starts at month on book 3; expected 1 (a tape holds every month of a loan from its first; leave out loans booked before the tape starts)"
        )
      ]),
  ]

  @Test(arguments: cases)
  func badTapeGivesExactProblems(_ c: Case) {
    #expect(Self.problems(c.lines) == c.expected)
  }

  @Test func problemsStopAtTheLimitAndTheMessageSaysSo() {
    let lines = [Self.header] + (1...30).map { Self.line("L\($0)", "2") }
    do {
      _ = try LoanTapeReader.read(
        text: lines.joined(separator: "\n"), file: "t.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.count == LoanTapeReader.maxProblems)
      #expect(error.problems.last?.line == 21)
      #expect(
        error.message.hasPrefix(
          "t.csv: more than 20 problems; the first 20 (reading stopped there):\n  - line 2, column month_on_book: loan \"L1\" starts"
        ))
    }
  }

  @Test func emptyFileAndBadQuotingAreProblemsOnTheirLine() {
    #expect(
      Self.problems([""]) == [
        LoanTapeProblem(
          line: 1,
          message:
            "the file is empty; expected a header line naming the columns")
      ])
    #expect(
      Self.problems([Self.header, Self.line("A", "1"), "\"B,c"]) == [
        LoanTapeProblem(line: 3, message: "unterminated quoted cell")
      ])
  }
}
