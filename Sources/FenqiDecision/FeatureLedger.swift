/// The lender's running record of every customer of a block, updated from the event stream
/// (contacts, applications, bookings, repayments) as each month happens, and turned into a
/// feature row on demand.
///
/// Columnar: eight monthly slots per customer for each event kind (a ring indexed by period mod
/// 8, so rolling 1/3/6-month windows over completed months are sums of slots), plus recency
/// stamps, outstanding balance and credit line. Nothing is allocated per customer per month.
public struct FeatureLedger: Sendable {
  static let slots = 8
  /// Months with no event, as recency.
  public static let never = 99.0

  var applications: [UInt8]
  var bookings: [UInt8]
  var contacts: [UInt8]
  var missed: [UInt8]
  var bookedPrincipal: [Float]
  var lastBooking: [UInt16]
  var lastMiss: [UInt16]
  var firstBooking: [UInt16]
  /// Each customer's outstanding principal with the lender after this month's roll, yuan.
  public internal(set) var balance: [Float]
  /// Each customer's credit line, yuan (0 until the first decision sets it).
  public var line: [Float]
  /// Bit k set: the customer was 90+ days past due on some loan k months ago (bit 0 = this month).
  public internal(set) var badBits: [UInt32]

  /// An empty ledger for `count` customers.
  public init(count: Int) {
    applications = .init(repeating: 0, count: count * Self.slots)
    bookings = applications
    contacts = applications
    missed = applications
    bookedPrincipal = .init(repeating: 0, count: count * Self.slots)
    lastBooking = .init(repeating: 0, count: count)
    lastMiss = lastBooking
    firstBooking = lastBooking
    balance = .init(repeating: 0, count: count)
    line = balance
    badBits = .init(repeating: 0, count: count)
  }

  /// The number of customers.
  public var count: Int { balance.count }

  /// Bytes per customer.
  public static let bytesPerCustomer = slots * 8 + 6 + 12

  /// Starts month `period` (1-based): clears its slots.
  public mutating func beginPeriod(_ period: Int) {
    let s = period & (Self.slots - 1)
    for i in 0..<count {
      let k = i * Self.slots + s
      applications[k] = 0
      bookings[k] = 0
      contacts[k] = 0
      missed[k] = 0
      bookedPrincipal[k] = 0
    }
  }

  /// Records the roll's news for customer `i`: months past due on the worst loan, what they owe.
  ///
  /// A missed or late instalment counts as a missed payment; 3+ months behind is "bad".
  @inline(__always)
  public mutating func recordRepayment(
    _ i: Int, period: Int, worstPastDue: UInt8, balance owed: Float
  ) {
    balance[i] = owed
    badBits[i] = (badBits[i] << 1) | (worstPastDue >= 3 ? 1 : 0)
    if worstPastDue > 0 {
      let k = i * Self.slots + (period & (Self.slots - 1))
      missed[k] &+= 1
      lastMiss[i] = UInt16(period)
    }
  }

  /// Records a marketing contact of customer `i` this month.
  @inline(__always)
  public mutating func recordContact(_ i: Int, period: Int) {
    contacts[i * Self.slots + (period & (Self.slots - 1))] &+= 1
  }

  /// Records an application by customer `i` this month (after its features were read).
  @inline(__always)
  public mutating func recordApplication(_ i: Int, period: Int) {
    applications[i * Self.slots + (period & (Self.slots - 1))] &+= 1
  }

  /// Records a booked loan of `principal` yuan for customer `i` this month.
  @inline(__always)
  public mutating func recordBooking(_ i: Int, period: Int, principal: Double) {
    let k = i * Self.slots + (period & (Self.slots - 1))
    bookings[k] &+= 1
    bookedPrincipal[k] += Float(principal)
    balance[i] += Float(principal)
    lastBooking[i] = UInt16(period)
    if firstBooking[i] == 0 { firstBooking[i] = UInt16(period) }
  }

  /// Whether customer `i` went 90+ days past due in any of the `months` months before this one
  /// (this month included).
  @inline(__always)
  public func wentBad(_ i: Int, withinLast months: Int) -> Bool {
    badBits[i] & ((1 << UInt32(months)) - 1) != 0
  }

  /// Sum of `column`'s slots over the `months` completed months before `period`.
  @inline(__always)
  func window<T: BinaryInteger>(
    _ column: [T], _ i: Int, period: Int, months: Int
  )
    -> Double
  {
    var s = 0
    for m in 1...months {
      s += Int(column[i * Self.slots + ((period - m) & (Self.slots - 1))])
    }
    return Double(s)
  }

  /// Writes customer `i`'s feature row for month `period` into `row` (``LenderFeature/count``
  /// values): the application's fields (or NaN when `application` is nil, for a propensity
  /// row), rolling counts over completed months, recency, trend, utilisation and tenure.
  public func fill(
    _ row: UnsafeMutablePointer<Double>, customer i: Int, period: Int,
    application: ApplicationData?, profile: ApplicationData
  ) {
    typealias F = LenderFeature
    Self.fillForm(row, application: application, profile: profile)
    let apps1 = window(applications, i, period: period, months: 1)
    let apps6 = window(applications, i, period: period, months: 6)
    row[F.applications1m.rawValue] = apps1
    row[F.applications3m.rawValue] = window(
      applications, i, period: period, months: 3)
    row[F.applications6m.rawValue] = apps6
    row[F.bookings6m.rawValue] = window(bookings, i, period: period, months: 6)
    var principal = 0.0
    for m in 1...6 {
      principal += Double(
        bookedPrincipal[i * Self.slots + ((period - m) & (Self.slots - 1))])
    }
    row[F.bookedPrincipal6m.rawValue] = principal
    row[F.contacts3m.rawValue] = window(contacts, i, period: period, months: 3)
    // This month's roll has happened: its misses count as the latest month.
    row[F.missedPayments3m.rawValue] =
      window(missed, i, period: period + 1, months: 3)
    row[F.missedPayments6m.rawValue] =
      window(missed, i, period: period + 1, months: 6)
    row[F.monthsSinceLastBooking.rawValue] =
      lastBooking[i] == 0 ? Self.never : Double(period - Int(lastBooking[i]))
    row[F.monthsSinceLastMiss.rawValue] =
      lastMiss[i] == 0 ? Self.never : Double(period - Int(lastMiss[i]))
    row[F.applicationTrend.rawValue] = Self.applicationTrend(
      applications1m: apps1, applications6m: apps6)
    row[F.lineUtilisation.rawValue] =
      line[i] > 0 ? Double(balance[i] / line[i]) : 0
    row[F.tenureMonths.rawValue] =
      firstBooking[i] == 0 ? 0 : Double(period - Int(firstBooking[i]))
  }

  /// Writes the form's and the bureau's features of a row (``profile``) and the application's
  /// (or NaN when `application` is nil, for a propensity row), with the derived burden features.
  ///
  /// The one place these columns are computed: the simulator's rows and the decision service's
  /// requests both come through here.
  public static func fillForm(
    _ row: UnsafeMutablePointer<Double>, application: ApplicationData?,
    profile: ApplicationData
  ) {
    typealias F = LenderFeature
    let nan = Double.nan
    row[F.declaredIncome.rawValue] = profile.declaredIncome
    row[F.bureauScore.rawValue] = profile.bureauScore
    row[F.debtToIncome.rawValue] = profile.debtToIncome
    row[F.creditHistoryMonths.rawValue] = profile.creditHistoryMonths
    row[F.priorDelinquencies.rawValue] = profile.priorDelinquencies
    row[F.age.rawValue] = profile.age
    row[F.cityTier.rawValue] = profile.cityTier
    row[F.openLoans.rawValue] = profile.openLoans
    if let a = application {
      let income = Swift.max(a.declaredIncome, 1)
      row[F.requestedAmount.rawValue] = a.requestedAmount
      row[F.termMonths.rawValue] = a.termMonths
      row[F.instalmentToIncome.rawValue] = a.instalment / income
      // Cross feature: instalment ÷ income × term.
      row[F.burdenTimesTerm.rawValue] = a.instalment / income * a.termMonths
      row[F.externalApplications3m.rawValue] = a.externalApplications
      row[F.deviceApplicants.rawValue] = a.deviceApplicants
    } else {
      for f in F.allCases where !f.isKnownBeforeApplying {
        row[f.rawValue] = nan
      }
    }
  }

  /// The application trend: applications last month minus the six-month monthly average.
  @inline(__always)
  public static func applicationTrend(
    applications1m: Double, applications6m: Double
  )
    -> Double
  {
    applications1m - applications6m / 6
  }
}
