/// A loan tape held as columns: one entry per row (one loan at the end of one month on book),
/// with loan, customer, segment and product names interned into tables.
///
/// Build one by appending rows (`var tape = LoanTape(); tape.append(row)`), or read a CSV file
/// with ``LoanTapeReader``; write one with ``LoanTapeWriter``. Rows keep the order they were
/// appended in: a simulation may append month by month, interleaving loans. Readers of a file
/// instead require each loan's rows to be consecutive, so ``LoanTapeWriter`` writes loan by
/// loan (see ``rowsByLoan()``).
///
/// Columns beyond the required ones (``LoanTapeColumn``), such as application attributes, are
/// kept by name as optional text in ``extraColumns``.
///
/// Money in yuan, rates as fractions, time in months (see ``LoanTapeRow``).
public struct LoanTape: Sendable, Equatable {
  /// An optional text column kept by name (an application attribute, a score, a channel).
  public struct ExtraColumn: Sendable, Equatable {
    /// The header name.
    public var name: String
    /// One value per row; nil for an empty cell or a row appended without it.
    public var values: [String?]
  }

  /// Loan identifiers, in the order each loan first appears; ``loan`` indexes it.
  public private(set) var loanIDs: [String] = []
  /// Customer identifiers, in first-appearance order; ``customer`` indexes it.
  public private(set) var customerIDs: [String] = []
  /// Segment names, in first-appearance order; ``segment`` indexes it.
  public private(set) var segmentNames: [String] = []
  /// Product names, in first-appearance order; ``product`` indexes it.
  public private(set) var productNames: [String] = []

  /// Per row: the loan, an index into ``loanIDs``.
  public private(set) var loan: [Int32] = []
  /// Per row: the borrower, an index into ``customerIDs``.
  public private(set) var customer: [Int32] = []
  /// Per row: the segment, an index into ``segmentNames``.
  public private(set) var segment: [Int32] = []
  /// Per row: the product, an index into ``productNames``.
  public private(set) var product: [Int32] = []
  /// Per row: the loan's origination period, a month index.
  public private(set) var originationPeriod: [Int32] = []
  /// Per row: months since origination, ≥ 1.
  public private(set) var monthOnBook: [Int32] = []
  /// Per row: the loan's term, months.
  public private(set) var termMonths: [Int32] = []
  /// Per row: the amount financed at origination, yuan.
  public private(set) var principal: [Double] = []
  /// Per row: the offer's annual rate, a fraction.
  public private(set) var apr: [Double] = []
  /// Per row: outstanding principal at the end of the month, yuan.
  public private(set) var balance: [Double] = []
  /// Per row: the delinquency bucket at the end of the month.
  public private(set) var bucket: [DelinquencyBucket] = []
  /// Per row: the status at the end of the month.
  public private(set) var status: [LoanStatus] = []
  /// Per row: everything the borrower paid this month, yuan.
  public private(set) var paid: [Double] = []
  /// Per row: principal written off this month, yuan.
  public private(set) var chargeOff: [Double] = []
  /// Per row: recoveries credited this month, yuan.
  public private(set) var recovery: [Double] = []
  /// The columns beyond the required ones, in header order.
  public private(set) var extraColumns: [ExtraColumn] = []

  private var loanIndex: [String: Int32] = [:]
  private var customerIndex: [String: Int32] = [:]
  private var segmentIndex: [String: Int32] = [:]
  private var productIndex: [String: Int32] = [:]

  /// Creates an empty tape.
  public init() {}

  /// The number of rows.
  public var count: Int { loan.count }

  /// The number of distinct loans.
  public var loanCount: Int { loanIDs.count }

  /// Reserves room for `rows` rows in every column.
  public mutating func reserveCapacity(_ rows: Int) {
    loan.reserveCapacity(rows)
    customer.reserveCapacity(rows)
    segment.reserveCapacity(rows)
    product.reserveCapacity(rows)
    originationPeriod.reserveCapacity(rows)
    monthOnBook.reserveCapacity(rows)
    termMonths.reserveCapacity(rows)
    principal.reserveCapacity(rows)
    apr.reserveCapacity(rows)
    balance.reserveCapacity(rows)
    bucket.reserveCapacity(rows)
    status.reserveCapacity(rows)
    paid.reserveCapacity(rows)
    chargeOff.reserveCapacity(rows)
    recovery.reserveCapacity(rows)
  }

  /// Appends a row; every extra column gets nil for it.
  ///
  /// Rows may come in any order (a simulation appends month by month). Nothing is validated
  /// here: ``LoanTapeReader`` checks files, and the writer keeps what it is given.
  /// - Complexity: amortised O(1); one dictionary lookup per name.
  public mutating func append(_ row: LoanTapeRow) {
    appendInterned(
      loan: Self.intern(row.loanID, &loanIDs, &loanIndex),
      customer: Self.intern(row.customerID, &customerIDs, &customerIndex),
      segment: Self.intern(row.segment, &segmentNames, &segmentIndex),
      product: Self.intern(row.product, &productNames, &productIndex),
      values: Values(row))
    for c in extraColumns.indices { extraColumns[c].values.append(nil) }
  }

  /// Appends a row with a value for each extra column, in ``extraColumns`` order.
  ///
  /// - Precondition: `extras.count == extraColumns.count`.
  public mutating func append(_ row: LoanTapeRow, extras: [String?]) {
    precondition(
      extras.count == extraColumns.count,
      "append(_:extras:) got \(extras.count) extra values for \(extraColumns.count) extra columns"
    )
    append(row)
    for (c, v) in extras.enumerated() {
      extraColumns[c].values[count - 1] = v
    }
  }

  /// Adds an optional text column named `name`, nil for the rows already on the tape.
  ///
  /// - Precondition: `name` is not a required column's or another extra column's name.
  public mutating func addExtraColumn(named name: String) {
    precondition(
      LoanTapeColumn(rawValue: name) == nil
        && !extraColumns.contains { $0.name == name },
      "addExtraColumn(named:): '\(name)' is already a column")
    extraColumns.append(
      ExtraColumn(name: name, values: Array(repeating: nil, count: count)))
  }

  /// The row at `index` as a value.
  ///
  /// - Precondition: `0 <= index < count`.
  public subscript(index: Int) -> LoanTapeRow {
    LoanTapeRow(
      loanID: loanIDs[Int(loan[index])],
      customerID: customerIDs[Int(customer[index])],
      segment: segmentNames[Int(segment[index])],
      originationPeriod: Int(originationPeriod[index]),
      monthOnBook: Int(monthOnBook[index]),
      product: productNames[Int(product[index])],
      termMonths: Int(termMonths[index]), principal: principal[index],
      apr: apr[index], balance: balance[index], bucket: bucket[index],
      status: status[index], paid: paid[index], chargeOff: chargeOff[index],
      recovery: recovery[index])
  }

  // MARK: - Interning

  /// The index of `name` in `table`, adding it when new.
  @inline(__always)
  static func intern(
    _ name: String, _ table: inout [String], _ index: inout [String: Int32]
  ) -> Int32 {
    if let i = index[name] { return i }
    let i = Int32(table.count)
    table.append(name)
    index[name] = i
    return i
  }

  /// The index of a loan identifier already on the tape, if any.
  func loanIndex(of id: String) -> Int32? { loanIndex[id] }

  /// Interns a loan identifier (for the reader, which checks it is new first).
  mutating func internLoan(_ id: String) -> Int32 {
    Self.intern(id, &loanIDs, &loanIndex)
  }

  /// Interns a customer identifier.
  mutating func internCustomer(_ id: String) -> Int32 {
    Self.intern(id, &customerIDs, &customerIndex)
  }

  /// Interns a segment name.
  mutating func internSegment(_ name: String) -> Int32 {
    Self.intern(name, &segmentNames, &segmentIndex)
  }

  /// Interns a product name.
  mutating func internProduct(_ name: String) -> Int32 {
    Self.intern(name, &productNames, &productIndex)
  }

  /// The numbers of one row, for appending without building its strings.
  struct Values {
    var originationPeriod: Int32
    var monthOnBook: Int32
    var termMonths: Int32
    var principal: Double
    var apr: Double
    var balance: Double
    var bucket: DelinquencyBucket
    var status: LoanStatus
    var paid: Double
    var chargeOff: Double
    var recovery: Double

    init(
      originationPeriod: Int32, monthOnBook: Int32, termMonths: Int32,
      principal: Double, apr: Double, balance: Double,
      bucket: DelinquencyBucket, status: LoanStatus, paid: Double,
      chargeOff: Double, recovery: Double
    ) {
      self.originationPeriod = originationPeriod
      self.monthOnBook = monthOnBook
      self.termMonths = termMonths
      self.principal = principal
      self.apr = apr
      self.balance = balance
      self.bucket = bucket
      self.status = status
      self.paid = paid
      self.chargeOff = chargeOff
      self.recovery = recovery
    }

    init(_ row: LoanTapeRow) {
      self.init(
        originationPeriod: Int32(clamping: row.originationPeriod),
        monthOnBook: Int32(clamping: row.monthOnBook),
        termMonths: Int32(clamping: row.termMonths), principal: row.principal,
        apr: row.apr, balance: row.balance, bucket: row.bucket,
        status: row.status, paid: row.paid, chargeOff: row.chargeOff,
        recovery: row.recovery)
    }
  }

  /// Appends the values of a row whose names are already interned; extra columns untouched.
  mutating func appendInterned(
    loan l: Int32, customer c: Int32, segment s: Int32, product p: Int32,
    values v: Values
  ) {
    loan.append(l)
    customer.append(c)
    segment.append(s)
    product.append(p)
    originationPeriod.append(v.originationPeriod)
    monthOnBook.append(v.monthOnBook)
    termMonths.append(v.termMonths)
    principal.append(v.principal)
    apr.append(v.apr)
    balance.append(v.balance)
    bucket.append(v.bucket)
    status.append(v.status)
    paid.append(v.paid)
    chargeOff.append(v.chargeOff)
    recovery.append(v.recovery)
  }

  /// Sets up the extra columns of a file being read (the tape must be empty).
  mutating func setExtraColumns(_ names: [String]) {
    extraColumns = names.map { ExtraColumn(name: $0, values: []) }
  }

  /// Appends one value to extra column `c` (the reader appends one per row per column).
  mutating func appendExtra(_ value: String?, column c: Int) {
    extraColumns[c].values.append(value)
  }
}
