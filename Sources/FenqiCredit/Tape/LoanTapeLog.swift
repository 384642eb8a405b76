/// The monthly performance of a sample of a customer block's loans, recorded as the book rolls
/// (columns; see ``LoanTapeRow`` for what each row means).
///
/// Each sampled loan has a slot: its identity and terms at booking, and a random key. Rows refer
/// to their loan's slot. To sample exactly `limit` loans from a run whatever its chunking, every
/// block keeps its loans with the smallest keys (``prune(limit:book:)`` drops the rest once there
/// are more than twice as many), and the run keeps the `limit` smallest keys over all blocks:
/// the global sample is a subset of the union of every block's own smallest.
public struct LoanTapeLog: Sendable {
  /// Whether loans are recorded at all.
  public var isRecording: Bool { limit > 0 }
  /// The number of loans the run samples (0: no tape).
  public let limit: Int

  // Per slot: the loan at booking.
  /// The sampling key: a uniform draw from the loan's own stream.
  public internal(set) var key: [Double] = []
  /// The borrower's global customer index.
  public internal(set) var customer: [Int] = []
  /// The borrower's booking ordinal.
  public internal(set) var ordinal: [UInt16] = []
  /// The borrower's segment.
  public internal(set) var segment: [UInt8] = []
  /// The arm the loan was booked under.
  public internal(set) var arm: [UInt8] = []
  /// The booking period.
  public internal(set) var bookedPeriod: [UInt16] = []
  /// The amount financed, yuan.
  public internal(set) var principal: [Double] = []
  /// An index into ``terms``.
  public internal(set) var termsIndex: [UInt16] = []
  /// The distinct per-yuan terms of the sampled loans.
  public internal(set) var terms: [PlanTerms] = []

  // Per row.
  /// The row's loan slot.
  public internal(set) var rowSlot: [Int32] = []
  /// The row's period.
  public internal(set) var rowPeriod: [UInt16] = []
  /// Months past due at the end of the month.
  public internal(set) var rowMonthsPastDue: [UInt8] = []
  /// The loan's status at the end of the month.
  public internal(set) var rowStatus: [LoanStatus] = []
  /// Outstanding principal at the end of the month, yuan.
  public internal(set) var rowBalance: [Double] = []
  /// Paid this month, yuan.
  public internal(set) var rowPaid: [Double] = []
  /// Principal charged off this month, yuan.
  public internal(set) var rowChargeOff: [Double] = []
  /// Recoveries on this month's charge-off, yuan.
  public internal(set) var rowRecovery: [Double] = []

  /// A log that samples up to `limit` loans (0: records nothing).
  public init(limit: Int) { self.limit = limit }

  /// The number of slots (sampled loans still kept).
  public var slotCount: Int { key.count }

  /// Records a newly booked loan; returns its slot.
  public mutating func open(
    key: Double, customer: Int, ordinal: UInt16, segment: UInt8, arm: UInt8,
    period: Int, principal: Double, terms loanTerms: PlanTerms
  ) -> Int32 {
    self.key.append(key)
    self.customer.append(customer)
    self.ordinal.append(ordinal)
    self.segment.append(segment)
    self.arm.append(arm)
    bookedPeriod.append(UInt16(period))
    self.principal.append(principal)
    if let k = terms.lastIndex(of: loanTerms) {
      termsIndex.append(UInt16(k))
    } else {
      terms.append(loanTerms)
      termsIndex.append(UInt16(terms.count - 1))
    }
    return Int32(self.key.count - 1)
  }

  /// Records one month of a sampled loan.
  @inline(__always)
  mutating func record(
    slot: Int32, period: Int, monthsPastDue: UInt8, status: LoanStatus,
    balance: Double, paid: Double, chargeOff: Double, recovery: Double
  ) {
    rowSlot.append(slot)
    rowPeriod.append(UInt16(period))
    rowMonthsPastDue.append(monthsPastDue)
    rowStatus.append(status)
    rowBalance.append(balance)
    rowPaid.append(paid)
    rowChargeOff.append(chargeOff)
    rowRecovery.append(recovery)
  }

  /// Keeps only the `limit` loans with the smallest keys once more than twice that many are held,
  /// renumbering slots here and in `book`.
  public mutating func prune(book: inout LoanBook) {
    guard isRecording, slotCount > 2 * limit else { return }
    let keep = Self.smallest(key, count: limit)
    var newSlot = [Int32](repeating: -1, count: slotCount)
    var next: Int32 = 0
    for s in 0..<slotCount where keep[s] {
      newSlot[s] = next
      next += 1
    }
    compactSlots(keep)
    compactRows(newSlot)
    book.renumberTapeSlots(newSlot)
  }

  /// Whether each key is among the `count` smallest (ties broken by position).
  static func smallest(_ keys: [Double], count: Int) -> [Bool] {
    let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
    var keep = [Bool](repeating: false, count: keys.count)
    for s in order.prefix(count) { keep[s] = true }
    return keep
  }

  private mutating func compactSlots(_ keep: [Bool]) {
    func filter<T>(_ a: inout [T]) {
      var w = 0
      for s in a.indices where keep[s] {
        a[w] = a[s]
        w += 1
      }
      a.removeLast(a.count - w)
    }
    filter(&key)
    filter(&customer)
    filter(&ordinal)
    filter(&segment)
    filter(&arm)
    filter(&bookedPeriod)
    filter(&principal)
    filter(&termsIndex)
  }

  private mutating func compactRows(_ newSlot: [Int32]) {
    var w = 0
    for r in rowSlot.indices {
      let s = newSlot[Int(rowSlot[r])]
      guard s >= 0 else { continue }
      rowSlot[w] = s
      rowPeriod[w] = rowPeriod[r]
      rowMonthsPastDue[w] = rowMonthsPastDue[r]
      rowStatus[w] = rowStatus[r]
      rowBalance[w] = rowBalance[r]
      rowPaid[w] = rowPaid[r]
      rowChargeOff[w] = rowChargeOff[r]
      rowRecovery[w] = rowRecovery[r]
      w += 1
    }
    let n = rowSlot.count - w
    rowSlot.removeLast(n)
    rowPeriod.removeLast(n)
    rowMonthsPastDue.removeLast(n)
    rowStatus.removeLast(n)
    rowBalance.removeLast(n)
    rowPaid.removeLast(n)
    rowChargeOff.removeLast(n)
    rowRecovery.removeLast(n)
  }
}
