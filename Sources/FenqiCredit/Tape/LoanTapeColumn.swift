/// A required column of a loan-tape CSV file, named as the header spells it.
///
/// The cases are listed in the order ``LoanTapeWriter`` writes them; a file may give them in
/// any order. Money is yuan, rates are fractions, time is months.
public enum LoanTapeColumn: String, Sendable, CaseIterable {
  /// `loan_id`: the loan's identifier, non-empty; a loan's rows are consecutive.
  case loanID = "loan_id"
  /// `customer_id`: the borrower's identifier, non-empty.
  case customerID = "customer_id"
  /// `segment`: the borrower's segment name, non-empty.
  case segment
  /// `origination_period`: the month the loan was booked, an integer month index ≥ 0 (not
  /// YYYYMM: month on book k of the loan falls in calendar month origination_period + k).
  case originationPeriod = "origination_period"
  /// `month_on_book`: months since origination, an integer ≥ 1; 1 is the first instalment's
  /// month.
  case monthOnBook = "month_on_book"
  /// `product`: the product's name, non-empty.
  case product
  /// `term`: the loan's term, an integer number of months in 1…60.
  case term
  /// `principal`: the amount financed at origination, yuan > 0.
  case principal
  /// `apr`: the offer's annual rate, a fraction in [0, 10] (24% is written 0.24).
  case apr
  /// `balance`: outstanding principal at the end of the month, yuan ≥ 0.
  case balance
  /// `dpd_bucket`: `current`, `1-30`, `31-60`, `61-90` or `90+` at the end of the month.
  case bucket = "dpd_bucket"
  /// `status`: `open`, `repaid`, `prepaid` or `charged_off` at the end of the month.
  case status
  /// `paid`: everything the borrower paid this month, yuan ≥ 0.
  case paid
  /// `charge_off`: principal written off this month, yuan ≥ 0.
  case chargeOff = "charge_off"
  /// `recovery`: recoveries on written-off principal credited this month, yuan ≥ 0.
  case recovery

  /// The header name (`loan_id`, `dpd_bucket`, …).
  public var name: String { rawValue }
}
