import FenqiCredit

/// Everything counted for one arm in one period.
///
/// Money in yuan. Chunks each fill their own and the engine adds them up in chunk order.
public struct ArmPeriodCounts: Sendable, Equatable {
  /// Customers contacted with the arm's offer.
  public var reached: Double = 0
  /// Customers with a purchase need.
  public var needs: Double = 0
  /// Customers who chose to split and applied.
  public var applications: Double = 0
  /// Customers who paid in full.
  public var paidInFull: Double = 0
  /// Applications approved.
  public var approvals: Double = 0
  /// Applications declined.
  public var declines: Double = 0
  /// Loans booked.
  public var bookings: Double = 0
  /// Gross merchandise value: purchases split or paid in full.
  public var gmv: Double = 0
  /// Principal of the loans booked.
  public var bookedPrincipal: Double = 0
  /// Merchant payments for merchant-funded interest-free periods, received at booking.
  public var merchantSubsidy: Double = 0
  /// Upfront (service) fees charged at booking: paid then, or financed with the loan.
  public var upfrontFees: Double = 0
  /// Purchases the plan was not offered on because its flat upfront fee would push the true
  /// APR of so small a loan over the regulatory cap.
  public var capRefusals: Double = 0
  /// Customers who took their first loan.
  public var newBorrowers: Double = 0
  /// The loan book's movements and end-of-period balances (new loans included).
  public var book = LoanBookTotals()
  /// Channels, campaign costs and referrals (empty without channels).
  public var marketing = MarketingCounts()
  /// Expected credit loss at the period end (zero without a macro path).
  public var provisions = ProvisionTotals()
  /// The decision stack's counts (zero without a risk stack).
  public var risk = RiskCounts()
  /// A targeting arm's contacts and their truth (empty elsewhere).
  public var targeting = TargetingCounts()
  /// Categories, merchants, firms, lines and customer value (zero without `business`).
  public var business = BusinessCounts()

  /// Creates zero counts.
  public init() {}

  /// Adds another chunk's counts.
  public mutating func add(_ o: ArmPeriodCounts) {
    reached += o.reached
    needs += o.needs
    applications += o.applications
    paidInFull += o.paidInFull
    approvals += o.approvals
    declines += o.declines
    bookings += o.bookings
    gmv += o.gmv
    bookedPrincipal += o.bookedPrincipal
    merchantSubsidy += o.merchantSubsidy
    upfrontFees += o.upfrontFees
    capRefusals += o.capRefusals
    newBorrowers += o.newBorrowers
    book.add(o.book)
    marketing.add(o.marketing)
    provisions.add(o.provisions)
    risk.add(o.risk)
    targeting.add(o.targeting)
    business.add(o.business)
  }
}
