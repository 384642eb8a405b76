/// One arm's results over the whole run, with the lender's standard ratios (fractions; money in
/// yuan).
public struct ArmSummary: Sendable, Equatable {
  /// The arm's name.
  public var name: String
  /// Customers assigned to the arm.
  public var customers: Int
  /// Totals over all periods (balances: at the last period).
  public var totals: ArmPeriodCounts
  /// Recoveries received over the run.
  public var recoveries: Double
  /// Recoveries still due after the horizon on charge-offs made in it.
  public var pendingRecoveries: Double
  /// Funding cost over the run.
  public var fundingCost: Double
  /// Marketing cost over the run.
  public var marketingCost: Double
  /// Net income over the run.
  public var netIncome: Double
  /// Co-lending: the partner's yield paid over the run.
  public var partnerInterest = 0.0
  /// Co-lending with the platform's guarantee: guarantee fees earned over the run.
  public var guaranteeFees = 0.0
  /// Co-lending without a guarantee: the partner's share of the credit losses.
  public var partnerCreditLoss = 0.0
  /// The mean of the end-of-period balances over the run.
  public var averageBalance: Double
  /// Periods simulated.
  public var periods: Int
  /// Outstanding principal of the seasoned book at the start of period 1, yuan (0 without
  /// seasoning).
  public var openingBalance = 0.0
  /// Seasoned loans open at the start of period 1 (0 without seasoning).
  public var openingLoans = 0.0
  /// Customers who carried a seasoned loan into period 1 (0 without seasoning).
  public var seasonedBorrowers = 0.0

  /// Borrowers of the run: customers with a loan on the book at some point in it (new
  /// borrowers plus those who carried a seasoned loan in).
  public var borrowers: Double { totals.newBorrowers + seasonedBorrowers }

  /// Bookings ÷ customer-contacts (monthly conversion of reached customers).
  public var conversion: Double { ratio(totals.bookings, totals.reached) }
  /// Approvals ÷ applications.
  public var approvalRate: Double {
    ratio(totals.approvals, totals.applications)
  }
  /// Booked principal ÷ bookings, yuan.
  public var averageOrderValue: Double {
    ratio(totals.bookedPrincipal, totals.bookings)
  }
  /// Instalments paid ÷ instalments due.
  public var repaymentRate: Double {
    ratio(totals.book.instalmentsPaid, totals.book.instalmentsDue)
  }
  /// The balance by bucket (current, 1–30, 31–60, 61–90, 90+ days past due) at the window's last
  /// period, when a run-off follows it (empty otherwise: the run's last period is the window's).
  public var windowBalance: [Double] = []

  /// The balance by bucket the delinquency ratios read: at the window's last period, before a
  /// run-off empties the book.
  var stockBalance: [Double] {
    if windowBalance.count == 5 { return windowBalance }
    let b = totals.book.balance
    return [b.0, b.1, b.2, b.3, b.4]
  }

  /// Balance more than 30 days past due ÷ total balance, at the window's last period.
  public var dpd30PlusRate: Double {
    let b = stockBalance
    return ratio(b[2] + b[3] + b[4], b.reduce(0, +))
  }
  /// Balance 90+ days past due ÷ total balance, at the window's last period.
  public var dpd90PlusRate: Double {
    let b = stockBalance
    return ratio(b[4], b.reduce(0, +))
  }
  /// Principal charged off ÷ principal exposed over the run: originated, plus the seasoned
  /// book's opening balance.
  public var badDebtRate: Double {
    ratio(
      totals.book.chargeOffPrincipal, totals.bookedPrincipal + openingBalance)
  }
  /// Principal charged off ÷ average balance, annualised (× 12 / periods).
  public var annualisedChargeOffRate: Double {
    ratio(totals.book.chargeOffPrincipal, averageBalance) * 12
      / Double(max(periods, 1))
  }
  /// Net income ÷ marketing cost; 0 when nothing was spent.
  public var marketingROI: Double { ratio(netIncome, marketingCost) }

  private func ratio(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }
}
