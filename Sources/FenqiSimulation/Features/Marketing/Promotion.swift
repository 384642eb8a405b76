import FenqiMarketing

/// One promotion, one case per kind; each applies itself to an ``OfferVariant``.
///
/// Adding a kind that acts on the price, the felt price or the split utility means a case here,
/// its `apply`, and its decoding (`ScenarioDecoder+Campaign.swift`); the kernel reads only the
/// variant's generic hooks.
enum Promotion: Sendable, Equatable {
  /// Money off what is financed, lender-funded.
  case discount(Discount)
  /// Every booking is a ticket; it feels like w(p)·prize off the price (probability weighting,
  /// Tversky–Kahneman 1992) and costs the prize when drawn.
  case lottery(Lottery)
  /// A better service (VIP): added to the split utility.
  case service(utility: Double)
  /// Applications above `principal` yuan are declined ("smaller amounts").
  case principalCap(Double)
  /// Applicants must bring a guarantor: only `takeUp` of them can; guaranteed loans miss less.
  case guarantor(takeUp: Double)
  /// Points earned are multiplied ("double points").
  case points(multiplier: Double)

  /// Applies the promotion to `v`.
  func apply(to v: inout OfferVariant) {
    switch self {
    case .discount(let d):
      v.discount = d
    case .lottery(let l):
      v.feltValue += l.perceivedValue
      v.prizeDraw = (l.probability, l.prize)
    case .service(let utility):
      v.utilityBonus += utility
    case .principalCap(let cap):
      v.maxPrincipal = Swift.min(v.maxPrincipal, cap)
    case .guarantor(let takeUp):
      v.conditionTakeUp = takeUp
      // Guaranteed loans miss less: miss logit − 0.5 (the seed's guarantor effect).
      v.missLogitShift -= 0.5
    case .points(let multiplier):
      v.pointsMultiplier *= multiplier
    }
  }

  /// The promotions of an arm's offer in one phase for one segment: the campaign's (in the
  /// campaign) and the segment strategy's (all the time).
  static func of(
    _ m: ArmMarketing?, inCampaign: Bool, strategy: SegmentStrategy?
  ) -> [Promotion] {
    var list: [Promotion] = []
    if inCampaign {
      if let d = m?.discount { list.append(.discount(d)) }
      if let l = m?.lottery { list.append(.lottery(l)) }
    }
    if let s = strategy {
      if s.serviceUtility != 0 {
        list.append(.service(utility: s.serviceUtility))
      }
      if let cap = s.maxPrincipal { list.append(.principalCap(cap)) }
      if s.guaranteeRequired {
        list.append(.guarantor(takeUp: s.guaranteeTakeUp))
      }
      if s.pointsMultiplier != 1 {
        list.append(.points(multiplier: s.pointsMultiplier))
      }
    }
    return list
  }
}
