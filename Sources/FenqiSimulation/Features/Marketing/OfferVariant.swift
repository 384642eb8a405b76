import FenqiCore
import FenqiCredit
import FenqiMarketing
import Foundation

/// One offer as the customer loop sees it: plan terms and split utility, plus what its
/// promotions did to it.
///
/// The kernel reads only the generic hooks — ``financedPrice(_:)``, ``feltPrice(_:)``,
/// ``utilityBonus``, ``admits(price:stream:)`` and ``missLogitShift`` — so a promotion that
/// acts on the price, the felt price or the utility is a new ``Promotion`` case and nothing
/// else.
struct OfferVariant: Sendable {
  var terms: PlanTerms
  /// Whether the lender funds the interest-free periods (their interest is forgone).
  var lenderFunded: Bool
  var splitConstant: Double
  /// Nominal annual rate, fraction.
  var rate: Double
  /// Money off what is financed, lender-funded (nil: none).
  var discount: Discount? = nil
  /// Yuan the customer feels as money off without it being financed less (a lottery ticket).
  var feltValue = 0.0
  /// A prize draw at booking: (chance, prize in yuan); nil: none.
  var prizeDraw: (probability: Double, prize: Double)? = nil
  /// Added to the split utility of a contacted customer.
  var utilityBonus = 0.0
  /// Applications above this principal are declined, yuan.
  var maxPrincipal = Double.infinity
  /// The share of applicants who meet the offer's condition (a guarantor); 1: all.
  var conditionTakeUp = 1.0
  /// Added to the booked loan's miss logit (a guarantor: −0.5).
  var missLogitShift = 0.0
  /// Multiplier of points earned.
  var pointsMultiplier = 1.0

  /// A plain variant: terms and split constant, no promotion attached.
  init(
    terms: PlanTerms, lenderFunded: Bool, splitConstant: Double, rate: Double
  ) {
    self.terms = terms
    self.lenderFunded = lenderFunded
    self.splitConstant = splitConstant
    self.rate = rate
  }

  /// A plain variant of `product`: its terms and split constant, no promotion attached.
  init(product: InstalmentProduct, split: SplitUtility) {
    let rate = EffectiveRate.of(product)?.nominalAnnualRate ?? 0
    self.init(
      terms: Amortization.terms(of: product),
      lenderFunded: product.subsidyFunder == .lender,
      splitConstant: split.intercept + split.annualRate * rate
        + split.interestFreePeriods * Double(product.interestFreePeriods),
      rate: rate)
  }

  /// This variant with `promotions` applied in order.
  func applying(_ promotions: [Promotion]) -> OfferVariant {
    var v = self
    for p in promotions { p.apply(to: &v) }
    return v
  }

  /// What is financed of a `listPrice` purchase, yuan.
  @inline(__always)
  func financedPrice(_ listPrice: Double) -> Double {
    discount?.apply(listPrice) ?? listPrice
  }

  /// The price the customer weighs when choosing, yuan: what is financed less what the
  /// promotions make them feel they get back, never below 0.
  @inline(__always)
  func feltPrice(_ financed: Double) -> Double {
    Swift.max(0, financed - feltValue)
  }

  /// Whether an approved application of `price` yuan meets the offer's own conditions: under
  /// the principal cap, and (drawn) able to meet its condition.
  @inline(__always)
  func admits(price: Double, stream: RandomStream) -> Bool {
    !(price > maxPrincipal
      || (conditionTakeUp < 1
        && stream.uniform(at: CustomerMonthDraw.guarantor) >= conditionTakeUp))
  }
}
