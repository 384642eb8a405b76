import FenqiCore
import FenqiSimulation

/// The co-lending columns of a run whose arms share their loans with a funding partner.
///
/// Column names are in the README. Every other money column is the platform's.
public enum CoLendingResultTables {
  /// Columns appended to `periods.csv`, `arms.csv` and `summary.json`.
  static let columns = [
    "partner_funded_balance", "partner_interest", "guarantee_fees",
    "partner_credit_loss",
  ]

  /// One arm's month: the partner's share of the month-end balance, its yield, the guarantee
  /// fees and its share of the credit loss.
  static func values(_ m: PeriodMetrics, _ co: CoLending?) -> [Double] {
    [
      m.counts.book.totalBalance * (co?.partnerShare ?? 0), m.partnerInterest,
      m.guaranteeFees, m.partnerCreditLoss,
    ]
  }

  /// One arm's run: the last month's partner balance and the run's totals.
  static func values(_ s: ArmSummary, _ co: CoLending?) -> [Double] {
    [
      s.totals.book.totalBalance * (co?.partnerShare ?? 0), s.partnerInterest,
      s.guaranteeFees, s.partnerCreditLoss,
    ]
  }
}
