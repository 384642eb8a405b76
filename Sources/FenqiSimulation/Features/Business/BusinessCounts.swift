/// One borrower kind's counts for one arm and month (people or firms).
///
/// Money in yuan. Flows are the month's; stocks (customers, borrowers, balances, lines) are at the
/// month's end.
public struct KindCounts: Sendable, Equatable {
  /// Customers of the kind (stock).
  public var customers: Double = 0
  /// Purchases made, split or paid in full.
  public var purchases: Double = 0
  /// Purchases paid in full.
  public var cashOrders: Double = 0
  /// Their order value (list price).
  public var cashOrderValue: Double = 0
  /// Purchases split into instalments (booked loans).
  public var instalmentOrders: Double = 0
  /// Their order value (list price).
  public var instalmentOrderValue: Double = 0
  /// Principal booked.
  public var bookedPrincipal: Double = 0
  /// Borrowers owing at the month's start with nothing past due.
  public var currentBorrowers: Double = 0
  /// Of those, borrowers past due at the month's end (first-time delinquency flow).
  public var newlyDelinquent: Double = 0
  /// Borrowers owing at the month's end.
  public var borrowers: Double = 0
  /// Borrowers past due at the month's end.
  public var delinquentBorrowers: Double = 0
  /// Outstanding principal at the month's end.
  public var balance: Double = 0
  /// Principal written off (charge-offs and disputes).
  public var writtenOff: Double = 0
  /// Net cash flow: interest and fees, merchant subsidies, recoveries and clawbacks, less
  /// write-offs, funding and contact costs.
  public var netCashFlow: Double = 0
  /// The net cash flow discounted to the run's start.
  public var discountedCashFlow: Double = 0
  /// Firms only: the sum of each firm's cash-received index this month (÷ customers = mean).
  public var cashIndexSum: Double = 0
  /// Customers holding a line (stock).
  public var lines: Double = 0
  /// The sum of their lines (stock).
  public var lineTotal: Double = 0
  /// The sum of their balances (stock).
  public var lineUsed: Double = 0
  /// Frozen lines (stock).
  public var frozen: Double = 0
  /// Lines reviewed this month.
  public var reviews: Double = 0
  /// Lines raised.
  public var raises: Double = 0
  /// Lines cut.
  public var cuts: Double = 0
  /// Lines frozen this month.
  public var freezes: Double = 0
  /// Freezes lifted.
  public var unfreezes: Double = 0
  /// Applications approved by the rules but declined for the line (frozen or too small).
  public var lineDeclines: Double = 0
  /// Needs lost because every merchant of the category had failed.
  public var lostNeeds: Double = 0

  /// Creates zero counts.
  public init() {}

  /// Adds another chunk's counts.
  public mutating func add(_ o: KindCounts) {
    customers += o.customers
    purchases += o.purchases
    cashOrders += o.cashOrders
    cashOrderValue += o.cashOrderValue
    instalmentOrders += o.instalmentOrders
    instalmentOrderValue += o.instalmentOrderValue
    bookedPrincipal += o.bookedPrincipal
    currentBorrowers += o.currentBorrowers
    newlyDelinquent += o.newlyDelinquent
    borrowers += o.borrowers
    delinquentBorrowers += o.delinquentBorrowers
    balance += o.balance
    writtenOff += o.writtenOff
    netCashFlow += o.netCashFlow
    discountedCashFlow += o.discountedCashFlow
    cashIndexSum += o.cashIndexSum
    lines += o.lines
    lineTotal += o.lineTotal
    lineUsed += o.lineUsed
    frozen += o.frozen
    reviews += o.reviews
    raises += o.raises
    cuts += o.cuts
    freezes += o.freezes
    unfreezes += o.unfreezes
    lineDeclines += o.lineDeclines
    lostNeeds += o.lostNeeds
  }
}

/// The business layer's counts for one arm and month, people and firms apart.
public struct BusinessCounts: Sendable, Equatable {
  /// People.
  public var person = KindCounts()
  /// Firms.
  public var firm = KindCounts()

  /// Creates zero counts.
  public init() {}

  /// The counts of a kind (0 = person, 1 = firm).
  public subscript(kind: Int) -> KindCounts {
    get { kind == 0 ? person : firm }
    // In place, so that a count bumped in the customer loop does not copy the kind's counts.
    _modify {
      if kind == 0 { yield &person } else { yield &firm }
    }
    set {
      if kind == 0 { person = newValue } else { firm = newValue }
    }
  }

  /// Adds another chunk's counts.
  public mutating func add(_ o: BusinessCounts) {
    person.add(o.person)
    firm.add(o.firm)
  }
}
