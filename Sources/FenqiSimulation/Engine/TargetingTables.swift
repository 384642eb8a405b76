import FenqiCore
import FenqiCredit
import FenqiMarketing

extension Purpose {
  /// Thompson-sampling draws of the bandit policy (entity = customer).
  public static let targetingBandit = Purpose(rawValue: 72)
}

/// A scenario's targeting flattened for the customer loop.
struct TargetingTables: Sendable {
  let settings: TargetingSettings
  /// The offers as variants the loop prices and chooses with.
  let offers: [SharedOfferVariant]
  /// Per arm (nil: not a targeting arm).
  let arms: [ArmTargeting?]
  /// Bandit contexts: the city tiers.
  static let contexts = 5

  init(_ s: Scenario, settings: TargetingSettings) {
    self.settings = settings
    offers = settings.offers.map { offer in
      var v = OfferVariant(product: offer.product, split: s.choice.split)
      if offer.discount > 0 { v.discount = Discount(percent: offer.discount) }
      return SharedOfferVariant(v)
    }
    arms = s.arms.map(\.targeting)
  }

  /// Whether `period` is a pilot month.
  func isPilot(_ period: Int) -> Bool { period <= settings.pilotMonths }
}
