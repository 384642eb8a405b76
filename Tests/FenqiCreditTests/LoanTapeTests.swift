import FenqiCredit
import Testing

@Suite struct LoanTapeTests {
  /// A row of loan `id` at month on book `month`.
  static func row(
    _ id: String, _ month: Int, bucket: DelinquencyBucket = .current,
    status: LoanStatus = .open, principal: Double = 1200, balance: Double = 0,
    chargeOff: Double = 0, customer: String? = nil
  ) -> LoanTapeRow {
    LoanTapeRow(
      loanID: id, customerID: customer ?? "c-" + id, segment: "prime",
      originationPeriod: 3, monthOnBook: month, product: "12m APR",
      termMonths: 12, principal: principal, apr: 0.239_999_9,
      balance: balance, bucket: bucket, status: status, paid: 105.123,
      chargeOff: chargeOff, recovery: 0)
  }

  @Test func appendedRowsReadBackAndNamesAreInterned() {
    var tape = LoanTape()
    tape.append(Self.row("L1", 1, customer: "c"))
    tape.append(Self.row("L2", 1, customer: "c"))
    tape.append(Self.row("L1", 2, bucket: .dpd1to30, customer: "c"))
    #expect(tape.count == 3)
    #expect(tape.loanCount == 2)
    #expect(tape.customerIDs == ["c"])
    #expect(tape.segmentNames == ["prime"])
    #expect(tape[2] == Self.row("L1", 2, bucket: .dpd1to30, customer: "c"))
    #expect(tape.loan == [0, 1, 0])
    #expect(!tape.isGroupedByLoan)
    let (rows, starts) = tape.rowsByLoan()
    #expect(rows == [0, 2, 1])
    #expect(starts == [0, 2, 3])
  }

  @Test func writerGroupsLoansAndFormatsNumbersFixed() {
    var tape = LoanTape()
    tape.append(Self.row("L1", 1, balance: 1000.005))
    tape.append(Self.row("L,2", 1, balance: -0.001))
    tape.append(Self.row("L1", 2, balance: 900))
    let lines = LoanTapeWriter.csv(tape).split(separator: "\n")
    #expect(
      lines[0]
        == "loan_id,customer_id,segment,origination_period,month_on_book,product,term,principal,apr,balance,dpd_bucket,status,paid,charge_off,recovery"
    )
    #expect(
      lines[1]
        == "L1,c-L1,prime,3,1,12m APR,12,1200.00,0.240000,1000.01,current,open,105.12,0.00,0.00"
    )
    #expect(lines[2].hasPrefix("L1,c-L1,prime,3,2,"))
    #expect(lines[3].hasPrefix("\"L,2\",\"c-L,2\",prime,3,1,"))
    #expect(lines[3].contains(",0.240000,0.00,current,"))
  }

  @Test func writtenTapeReadsBackWithItsExtraColumns() throws {
    var tape = LoanTape()
    tape.addExtraColumn(named: "income")
    tape.addExtraColumn(named: "channel")
    tape.append(Self.row("L1", 1), extras: ["8000", "app"])
    tape.append(Self.row("L1", 2, bucket: .dpd1to30), extras: ["8000", nil])
    tape.append(
      Self.row("L1", 3, status: .chargedOff, chargeOff: 612.5),
      extras: ["8000", "say \"hi\""])
    tape.append(Self.row("L2", 1, status: .prepaid), extras: [nil, "web"])
    let text = LoanTapeWriter.csv(tape)
    let back = try LoanTapeReader.read(text: text)
    #expect(back.count == 4)
    #expect(back.extraColumns.map(\.name) == ["income", "channel"])
    #expect(back.extraColumns[1].values == ["app", nil, "say \"hi\"", "web"])
    #expect(back[2].chargeOff == 612.5)
    #expect(back[0].paid == 105.12)
    #expect(back[0].apr == 0.24)
    #expect(LoanTapeWriter.csv(back) == text)
  }

  @Test func columnsMayComeInAnyOrderWithExtrasBetween() throws {
    let text = """
      status,dpd_bucket,score,loan_id,customer_id,segment,origination_period,month_on_book,product,term,principal,apr,balance,paid,charge_off,recovery
      open,current,612,A,c1,near-prime,2,1,6m,6,3000,0.18,2500,520,0,0
      repaid, current ,,A,c1,near-prime,2,2,6m,6,3000,0.18,0,2540,0,0
      """
    let tape = try LoanTapeReader.read(text: text)
    #expect(tape.count == 2)
    #expect(tape[1].status == .repaid)
    #expect(tape[1].bucket == .current)
    #expect(tape.extraColumns[0].name == "score")
    #expect(tape.extraColumns[0].values == ["612", nil])
  }

  @Test func headerOnlyIsAnEmptyTape() throws {
    let header = LoanTapeColumn.allCases.map(\.name).joined(separator: ",")
    let tape = try LoanTapeReader.read(text: header + "\n")
    #expect(tape.count == 0)
    #expect(LoanTapeWriter.csv(tape) == header + "\n")
  }
}
