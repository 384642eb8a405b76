import FenqiCore
import FenqiCredit
import FenqiMarketing
import Foundation

/// A scenario's targeting flattened for the customer loop.
final class TargetingTables: Sendable {
  let settings: TargetingSettings
  /// The offers as variants the loop prices and chooses with.
  let offers: [OfferVariant]
  /// Per arm (nil: not a targeting arm).
  let arms: [ArmTargeting?]
  /// Per offer: its channel's cost per contact (nil: the arm's).
  let contactCost: [Double?]
  /// log(response multiplier × segment affinity) of each offer's channel, [offer · segments +
  /// segment] (0 without a channel).
  let responseLog: [Double]
  let segments: Int
  /// Bandit contexts: the city tiers.
  static let contexts = 5

  init(_ s: Scenario, settings: TargetingSettings) {
    self.settings = settings
    offers = settings.offers.map { offer in
      let v = OfferVariant(product: offer.product, split: s.choice.split)
      return v.applying(
        offer.discount > 0 ? [.discount(Discount(percent: offer.discount))] : []
      )
    }
    arms = s.arms.map(\.targeting)
    contactCost = settings.offers.map {
      $0.channel.map { s.channels[$0].costPerContact }
    }
    let segments = s.population.segments.count
    self.segments = segments
    responseLog = settings.offers.flatMap { offer in
      (0..<segments).map { g -> Double in
        guard let c = offer.channel.map({ s.channels[$0] }) else { return 0 }
        let affinity = c.segmentAffinity.isEmpty ? 1 : c.segmentAffinity[g]
        return log(Swift.max(1e-12, c.responseMultiplier * affinity))
      }
    }
  }

  /// Whether `period` is a pilot month.
  func isPilot(_ period: Int) -> Bool { period <= settings.pilotMonths }
}
