/// The open loans of a block of customers, stored as columns (struct of arrays), in booking order.
///
/// Money in yuan. Closed loans (repaid, prepaid, charged off) are removed by
/// ``roll(_:openLoans:totals:)``, which keeps the survivors in booking order.
public struct LoanBook: Sendable {
  /// The local index of the borrower within the customer block.
  public internal(set) var customer: [UInt32] = []
  /// The borrower's booking ordinal; keys the loan's random stream among the borrower's loans.
  public internal(set) var ordinal: [UInt16] = []
  /// The arm the loan was booked under.
  public internal(set) var arm: [UInt8] = []
  /// The borrower's segment.
  public internal(set) var segment: [UInt8] = []
  /// Months past due (0 = current).
  public internal(set) var monthsPastDue: [UInt8] = []
  /// Instalments still to pay.
  public internal(set) var remaining: [UInt8] = []
  /// The term, months.
  public internal(set) var term: [UInt8] = []
  /// Interest-free periods at the start of an APR plan.
  public internal(set) var interestFreePeriods: [UInt8] = []
  /// The period the loan was booked in.
  public internal(set) var bookedPeriod: [UInt16] = []
  /// Outstanding principal.
  public internal(set) var principal: [Double] = []
  /// The level instalment.
  public internal(set) var instalment: [Double] = []
  /// Monthly rate on the declining balance (APR plans).
  public internal(set) var monthlyRate: [Double] = []
  /// Flat fee per instalment (flat plans).
  public internal(set) var feePerInstalment: [Double] = []
  /// Static miss logit (see ``RepaymentHazard``).
  public internal(set) var missLogit: [Float] = []
  /// Static roll logit.
  public internal(set) var rollLogit: [Float] = []
  /// Miss probability with a zero macro shift, σ(missLogit), cached at booking.
  public internal(set) var missProbability: [Float] = []
  /// Roll probability with a zero macro shift, σ(rollLogit).
  public internal(set) var rollProbability: [Float] = []
  /// Cure probability of a delinquent loan per month.
  public internal(set) var cureProbability: [Float] = []
  /// Prepayment probability of a current loan per month.
  public internal(set) var prepaymentProbability: [Float] = []
  /// The merchant that sold what the loan finances, 1-based (0: no merchant agent).
  public internal(set) var merchant: [UInt16] = []
  /// The loan's fee schedule: an index into ``feeSchedules`` (0: no fees).
  public internal(set) var feeSchedule: [UInt8] = []
  /// Late fees and penalty interest charged and not yet paid, yuan.
  public internal(set) var arrears: [Float] = []
  /// The fee schedules of the book's loans; the first is ``ProductFees/none``.
  public internal(set) var feeSchedules: [ProductFees] = [.none]
  /// Per borrower (local index): whether a late fee was ever charged (grown on demand).
  public internal(set) var chargedLateFee: [Bool] = []
  /// Per loan when the book records a tape: the loan's slot in the ``LoanTapeLog`` (−1: not
  /// sampled); empty otherwise.
  public internal(set) var tapeSlot: [Int32] = []
  /// Whether loans carry a tape slot (set before the first booking).
  public var recordsTape = false

  /// Creates an empty book with room for `capacity` loans.
  public init(capacity: Int = 0) {
    reserveCapacity(capacity)
  }

  /// The number of open loans.
  public var count: Int { customer.count }

  /// Bytes of column storage per loan.
  public static let bytesPerLoan =
    4 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 8 * 4 + 4 * 6 + 2 + 1 + 4

  /// The number of per-loan columns (``bytesPerLoan`` sums their element sizes).
  public static let columnCount = 22

  /// Reserves room so that booking up to `capacity` loans allocates nothing.
  public mutating func reserveCapacity(_ capacity: Int) {
    customer.reserveCapacity(capacity)
    ordinal.reserveCapacity(capacity)
    arm.reserveCapacity(capacity)
    segment.reserveCapacity(capacity)
    monthsPastDue.reserveCapacity(capacity)
    remaining.reserveCapacity(capacity)
    term.reserveCapacity(capacity)
    interestFreePeriods.reserveCapacity(capacity)
    bookedPeriod.reserveCapacity(capacity)
    principal.reserveCapacity(capacity)
    instalment.reserveCapacity(capacity)
    monthlyRate.reserveCapacity(capacity)
    feePerInstalment.reserveCapacity(capacity)
    missLogit.reserveCapacity(capacity)
    rollLogit.reserveCapacity(capacity)
    missProbability.reserveCapacity(capacity)
    rollProbability.reserveCapacity(capacity)
    cureProbability.reserveCapacity(capacity)
    prepaymentProbability.reserveCapacity(capacity)
    merchant.reserveCapacity(capacity)
    feeSchedule.reserveCapacity(capacity)
    arrears.reserveCapacity(capacity)
  }

  /// Books a new, current loan.
  ///
  /// - Parameters:
  ///   - local: the borrower's index within the customer block.
  ///   - ordinal: the borrower's booking count, keying the loan's random stream.
  ///   - arm: the arm the loan is booked under.
  ///   - segment: the borrower's segment.
  ///   - period: the booking period.
  ///   - principal: the amount financed, yuan.
  ///   - terms: the product's per-yuan terms.
  ///   - missLogit: the static miss logit (see ``RepaymentHazard``).
  ///   - rollLogit: the static roll logit.
  ///   - cureProbability: the monthly cure probability when delinquent.
  ///   - prepaymentProbability: the monthly prepayment probability when current.
  ///   - merchant: the selling merchant, 1-based (0: none).
  public mutating func book(
    customer local: Int, ordinal: UInt16, arm: UInt8, segment: UInt8 = 0,
    period: Int,
    principal: Double, terms: PlanTerms,
    missLogit: Double, rollLogit: Double, cureProbability: Double,
    prepaymentProbability: Double, merchant: UInt16 = 0
  ) {
    self.merchant.append(merchant)
    if recordsTape { tapeSlot.append(-1) }
    feeSchedule.append(terms.fees.isEmpty ? 0 : scheduleIndex(terms.fees))
    arrears.append(0)
    customer.append(UInt32(local))
    self.ordinal.append(ordinal)
    self.arm.append(arm)
    self.segment.append(segment)
    monthsPastDue.append(0)
    remaining.append(UInt8(terms.termMonths))
    term.append(UInt8(terms.termMonths))
    interestFreePeriods.append(UInt8(terms.interestFreePeriods))
    bookedPeriod.append(UInt16(period))
    self.principal.append(principal)
    instalment.append(principal * terms.paymentPerYuan)
    monthlyRate.append(terms.monthlyRate)
    feePerInstalment.append(principal * terms.feePerInstalmentPerYuan)
    self.missLogit.append(Float(missLogit))
    self.rollLogit.append(Float(rollLogit))
    missProbability.append(Float(1 / (1 + _exp(-missLogit))))
    rollProbability.append(Float(1 / (1 + _exp(-rollLogit))))
    self.cureProbability.append(Float(cureProbability))
    self.prepaymentProbability.append(Float(prepaymentProbability))
  }

  /// Drops every loan from index `count` on.
  mutating func truncate(to count: Int) {
    let n = self.count - count
    guard n > 0 else { return }
    customer.removeLast(n)
    ordinal.removeLast(n)
    arm.removeLast(n)
    segment.removeLast(n)
    monthsPastDue.removeLast(n)
    remaining.removeLast(n)
    term.removeLast(n)
    interestFreePeriods.removeLast(n)
    bookedPeriod.removeLast(n)
    principal.removeLast(n)
    instalment.removeLast(n)
    monthlyRate.removeLast(n)
    feePerInstalment.removeLast(n)
    missLogit.removeLast(n)
    rollLogit.removeLast(n)
    missProbability.removeLast(n)
    rollProbability.removeLast(n)
    cureProbability.removeLast(n)
    prepaymentProbability.removeLast(n)
    merchant.removeLast(n)
    feeSchedule.removeLast(n)
    arrears.removeLast(n)
    if !tapeSlot.isEmpty { tapeSlot.removeLast(n) }
  }

  /// Gives the last booked loan its tape slot.
  public mutating func setLastTapeSlot(_ slot: Int32) {
    tapeSlot[tapeSlot.count - 1] = slot
  }

  /// Maps every loan's tape slot through `newSlot` (−1 stays −1), after a tape log dropped slots.
  mutating func renumberTapeSlots(_ newSlot: [Int32]) {
    for j in tapeSlot.indices where tapeSlot[j] >= 0 {
      tapeSlot[j] = newSlot[Int(tapeSlot[j])]
    }
  }

  /// The index of `fees` in ``feeSchedules``, added when new (a book holds at most 255).
  mutating func scheduleIndex(_ fees: ProductFees) -> UInt8 {
    if let k = feeSchedules.firstIndex(of: fees) { return UInt8(k) }
    precondition(
      feeSchedules.count < 255, "more than 254 fee schedules in one book")
    feeSchedules.append(fees)
    return UInt8(feeSchedules.count - 1)
  }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _exp(_ x: Double) -> Double { Glibc.exp(x) }
#else
import Foundation
@inline(__always) func _exp(_ x: Double) -> Double { Foundation.exp(x) }
#endif
