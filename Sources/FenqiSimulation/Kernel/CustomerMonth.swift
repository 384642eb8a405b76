import FenqiCore
import FenqiCredit

/// One customer's month as the stages fill it in: who, and whether and how they were reached.
///
/// ``Purchase`` carries a need onwards. A value on the stack, made afresh for
/// every customer-month, so the loop allocates nothing; it holds no counted reference, so making
/// and dropping it costs nothing either.
struct CustomerMonth {
  /// The customer's index in the chunk.
  let i: Int
  /// The customer's arm.
  let a: Int
  /// The customer's segment.
  let seg: Int
  /// The customer's draws this month (positions in ``CustomerMonthDraw``).
  let stream: RandomStream
  /// How the customer's arm reaches customers this month.
  let route: ContactRoute

  // Reach.
  var reached = false
  /// The best contact's (log response, channel) for channel arms; nil: none.
  var contact: (Double, Int)? = nil
  /// The targeting plan's offer, or −1 for no contact.
  var planned = -1
  /// The customer's row in the lender's propensity sample, or −1.
  var propensityRow = -1

  /// 0 for a consumer, 1 for a firm.
  var kind = 0
  @inline(__always)
  init(
    i: Int, arm: Int, segment: Int, stream: RandomStream, route: ContactRoute
  ) {
    self.i = i
    a = arm
    seg = segment
    self.stream = stream
    self.route = route
  }
}

/// A need on its way to a purchase: where it is bought, what it costs and on which terms.
///
/// Made only for the customers who have a need this month.
struct Purchase {
  /// The need's category (−1 without `business`) and merchant slot.
  var category = -1
  var merchant = 0
  var listPrice = 0.0
  /// What the purchase costs after any promotion's price cut, yuan.
  var price = 0.0
  /// The upfront fee on it, yuan (0 without one).
  var upfrontFee = 0.0
  /// Whether a flat upfront fee would push this purchase's true APR over the regulatory cap, so
  /// the plan is not offered on it.
  var overCap = false
  /// The loan's principal: the price, plus the upfront fee when that is financed, yuan.
  var principal = 0.0
  /// The offer variant's index (``MonthView/offer(of:_:)``), −1 for the arm's plain offer.
  ///
  /// An index, not a reference: a counted field would cost a retain and a release.
  var offer = -1
  var terms: PlanTerms
  /// principal × the terms' payment per yuan, yuan a month.
  var instalment = 0.0
  /// The felt price ÷ monthly income.
  var priceToIncome = 0.0

  @inline(__always)
  init(terms: PlanTerms) { self.terms = terms }
}

/// What a customer with a need does with the offer.
enum PurchaseChoice {
  /// Applies for the instalment plan.
  case split
  /// Pays the whole price now.
  case payInFull
  /// Buys nothing from us.
  case walkAway
}
