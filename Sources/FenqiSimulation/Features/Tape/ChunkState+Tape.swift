import FenqiCore
import FenqiCredit

/// The loan tape: sampling booked loans and keeping their monthly rows (see ``LoanTapeLog``).
extension ChunkState {
  /// Offers the loan just booked for customer `i` to the tape sample: its key is a uniform from
  /// the stream (seed, customer, 0, ``Purpose/loanTapeSample``) at its booking ordinal, so the
  /// sample does not depend on chunking or threads.
  mutating func sampleForTape(
    _ i: Int, arm a: Int, segment seg: Int, period: Int, principal: Double,
    terms: PlanTerms
  ) {
    let customer = customers.firstIndex + i
    let key = StreamFamily(seed: tapeSeed, period: 0, purpose: .loanTapeSample)
      .stream(for: UInt64(customer))
      .uniform(at: UInt64(bookingCount[i]))
    let slot = tape.open(
      key: key, customer: customer, ordinal: bookingCount[i],
      segment: UInt8(seg), arm: UInt8(a), period: period, principal: principal,
      terms: terms)
    loans.setLastTapeSlot(slot)
  }
}
