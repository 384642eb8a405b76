import FenqiCore
import FenqiSimulation

/// The fee columns of a run whose offers charge fees (column names in the README): upfront fees,
/// late fees and their incidence, penalty interest, and what was collected and written off.
public enum FeeResultTables {
  /// Fee columns appended to `periods.csv`.
  static let periodColumns = [
    "upfront_fees", "cap_refusals", "late_fees", "late_fee_instalments",
    "late_fee_borrowers",
    "penalty_interest", "arrears_collected", "arrears_written_off",
    "settlement_fees", "partial_prepayments", "prepayment_income_forgone",
    "fee_income",
  ]

  /// Fee columns appended to `arms.csv` and `summary.json`: the period columns' totals, then the
  /// late fee's incidence and weight.
  static let armColumns =
    periodColumns + [
      "borrowers", "late_fee_borrower_share", "late_fee_instalment_share",
      "late_fees_share_of_financed",
    ]

  /// The period columns' values of one arm's counts.
  static func values(_ c: ArmPeriodCounts) -> [Double] {
    let b = c.book
    return [
      c.upfrontFees, c.capRefusals, b.lateFees, b.lateFeeInstalments,
      b.lateFeeBorrowers,
      b.penaltyInterest, b.arrearsCollected, b.arrearsWrittenOff,
      b.settlementFees, b.partialPrepayments, b.prepaymentIncomeForgone,
      feeIncome(c),
    ]
  }

  /// The arm columns' values of one arm's run totals.
  static func values(_ s: ArmSummary) -> [Double] {
    let c = s.totals
    let b = c.book
    return values(c) + [
      s.borrowers, ratio(b.lateFeeBorrowers, s.borrowers),
      ratio(b.lateFeeInstalments, b.instalmentsDue),
      ratio(b.lateFees, c.bookedPrincipal),
    ]
  }

  /// Fee income in net income: upfront fees, late fees and penalty interest charged, less the
  /// arrears written off with charged-off loans, plus early-settlement costs paid.
  public static func feeIncome(_ c: ArmPeriodCounts) -> Double {
    c.upfrontFees + c.book.feeIncome
  }

  /// a ÷ b, NaN when b is 0.
  static func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
}
