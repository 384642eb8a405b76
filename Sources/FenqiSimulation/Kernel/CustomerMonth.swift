import FenqiCore
import FenqiCredit

/// One customer's month as it passes through the stages.
///
/// Who they are, how they were reached, what they need and what they were offered: a value on
/// the stack, so the loop allocates nothing per customer.
struct CustomerMonth {
  /// The customer's index in the chunk.
  let i: Int
  /// Their arm.
  let a: Int
  /// Their segment.
  let seg: Int
  /// Their customer-month stream (counters in ``CustomerMonthDraw``).
  let stream: RandomStream
  /// Whether the arm contacts through channels.
  let channelArm: Bool
  /// Whether the arm follows a targeting policy.
  let targetingArm: Bool

  /// The targeting plan's offer, or −1.
  var planned = -1
  /// Whether any contact reached them this month.
  var reached = false
  /// The best contact's (log response, channel) for channel arms.
  var contact: (Double, Int)? = nil
  /// Their row in the lender's propensity log, or −1.
  var propensityRow = -1
  /// Purchases (0) or firm purchases (1).
  var kind = 0
  /// The need's category (−1 without a business layer) and merchant slot.
  var category = -1
  var merchant = 0
  /// Monthly income, the list price and the financed price (yuan).
  var income = 0.0
  var listPrice = 0.0
  var price = 0.0
  /// The offer variant they were given, if any.
  var variant: SharedOfferVariant? = nil
  /// The terms of the loan on offer.
  var terms: PlanTerms
  /// The monthly instalment (yuan).
  var instalment = 0.0

  @inline(__always)
  init(
    _ i: Int, arm a: Int, segment seg: Int, stream: RandomStream,
    view m: MonthView
  ) {
    self.i = i
    self.a = a
    self.seg = seg
    self.stream = stream
    channelArm = m.channelArms[a]
    targetingArm = !m.targetingArms.isEmpty && m.targetingArms[a]
    terms = m.armTerms[a]
  }
}

/// What a customer with a need chose.
enum Choice {
  case split, payInFull, neither
}
