import FenqiCredit

/// The months in which an arm's campaign runs: 1-based periods `start ... end`.
public struct Campaign: Sendable, Equatable {
  /// The first period of the campaign.
  public var start: Int
  /// The last period of the campaign.
  public var end: Int

  /// Creates a campaign window.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// Whether `period` is inside the campaign.
  @inline(__always)
  public func contains(_ period: Int) -> Bool {
    period >= start && period <= end
  }

  /// The campaign's length, months.
  public var length: Int { end - start + 1 }
}

/// A price discount: price′ = max(0, price·(1 − percent) − amount), funded by the lender.
public struct Discount: Sendable, Equatable {
  /// Share off the price.
  public var percent: Double
  /// Yuan off the price.
  public var amount: Double

  /// Creates a discount.
  public init(percent: Double = 0, amount: Double = 0) {
    self.percent = percent
    self.amount = amount
  }

  /// The discounted price, yuan.
  @inline(__always)
  public func apply(_ price: Double) -> Double {
    Swift.max(0, price * (1 - percent) - amount)
  }
}

/// "Instalment discount + lottery": every booking is a ticket that wins `prize` yuan with
/// probability `probability`.
///
/// Customers value the ticket at w(p)·prize (``ProbabilityWeighting``), more than its expected
/// value p·prize; the model treats that perceived value as money off the price when they choose.
public struct Lottery: Sendable, Equatable {
  /// The chance a booking wins.
  public var probability: Double
  /// The prize, yuan.
  public var prize: Double
  /// The weighting function's γ.
  public var gamma: Double

  /// Creates a lottery.
  public init(
    probability: Double, prize: Double,
    gamma: Double = ProbabilityWeighting.gainsGamma
  ) {
    self.probability = probability
    self.prize = prize
    self.gamma = gamma
  }

  /// What a ticket feels worth, yuan.
  public var perceivedValue: Double {
    ProbabilityWeighting.perceivedValue(
      probability: probability, prize: prize, gamma: gamma)
  }
}

/// Time-limited urgency: during the campaign the need rate rises by `pullForward`; the
/// purchases pulled forward are missing from the `dipMonths` months after it, whose need rate
/// falls by pullForward × campaign length ÷ dipMonths (never below zero), so total need is
/// conserved.
public struct Urgency: Sendable, Equatable {
  /// The share of extra need during the campaign.
  public var pullForward: Double
  /// The months that pay it back.
  public var dipMonths: Int

  /// Creates an urgency effect.
  public init(pullForward: Double, dipMonths: Int) {
    self.pullForward = pullForward
    self.dipMonths = dipMonths
  }

  /// The need multiplier of `period` for a campaign.
  public func needMultiplier(period: Int, campaign: Campaign) -> Double {
    if campaign.contains(period) { return 1 + pullForward }
    if period > campaign.end, period <= campaign.end + dipMonths {
      return Swift.max(
        0, 1 - pullForward * Double(campaign.length) / Double(dipMonths))
    }
    return 1
  }
}

/// A membership privilege during the campaign.
///
/// Members of at least `minimumTier` get `offer` (gold members: 12 interest-free periods, say).
public struct TierPrivilege: Sendable, Equatable {
  /// The lowest membership tier (0 = none … 3 = platinum) that qualifies.
  public var minimumTier: Int
  /// The offer they get.
  public var offer: InstalmentProduct

  /// Creates a privilege.
  public init(minimumTier: Int, offer: InstalmentProduct) {
    self.minimumTier = minimumTier
    self.offer = offer
  }
}

/// Membership points: earned per yuan booked and redeemed as a voucher on reaching a threshold;
/// lifetime points lift the membership tier.
public struct PointsProgramme: Sendable, Equatable {
  /// Points per yuan of principal booked.
  public var perYuan: Double
  /// Points that buy one voucher.
  public var redeemAt: Double
  /// The voucher's value, yuan (a cost to the arm when redeemed).
  public var voucher: Double
  /// Lifetime points that reach tiers 1, 2, 3 (ascending); empty: tiers never change.
  public var tierThresholds: [Double]

  /// Creates a programme.
  public init(
    perYuan: Double, redeemAt: Double, voucher: Double,
    tierThresholds: [Double] = []
  ) {
    self.perYuan = perYuan
    self.redeemAt = redeemAt
    self.voucher = voucher
    self.tierThresholds = tierThresholds
  }

  /// The tier that `lifetime` points reach (at least `current`).
  public func tier(lifetime: Double, current: Int) -> Int {
    var t = current
    for (k, threshold) in tierThresholds.enumerated()
    where lifetime >= threshold {
      t = Swift.max(t, k + 1)
    }
    return t
  }
}

/// What an arm does differently for some segments: channel mix, offer and service.
public struct SegmentStrategy: Sendable, Equatable {
  /// The segments (indices into the population's segments) the strategy applies to.
  public var segments: [Int]
  /// Contact probability per scenario channel, replacing the arm's; nil keeps the arm's.
  public var channelIntensity: [Double]?
  /// The offer, replacing the arm's (outside the campaign and in it); nil keeps the arm's.
  public var offer: InstalmentProduct?
  /// Multiplier of points earned (2 = "double points").
  public var pointsMultiplier: Double
  /// Applications above this principal are declined ("smaller amounts"); nil: no cap.
  public var maxPrincipal: Double?
  /// Applicants must bring a guarantor: only `guaranteeTakeUp` of them proceed, and guaranteed
  /// loans miss less (miss logit − 0.5).
  public var guaranteeRequired: Bool
  /// The share of applicants who can bring a guarantor.
  public var guaranteeTakeUp: Double
  /// Added to the split utility ("VIP service").
  public var serviceUtility: Double

  /// Creates a strategy.
  public init(
    segments: [Int], channelIntensity: [Double]? = nil,
    offer: InstalmentProduct? = nil, pointsMultiplier: Double = 1,
    maxPrincipal: Double? = nil, guaranteeRequired: Bool = false,
    guaranteeTakeUp: Double = 0.6, serviceUtility: Double = 0
  ) {
    self.segments = segments
    self.channelIntensity = channelIntensity
    self.offer = offer
    self.pointsMultiplier = pointsMultiplier
    self.maxPrincipal = maxPrincipal
    self.guaranteeRequired = guaranteeRequired
    self.guaranteeTakeUp = guaranteeTakeUp
    self.serviceUtility = serviceUtility
  }
}

/// An arm's marketing: which channels contact whom, the campaign and its promotions.
public struct ArmMarketing: Sendable, Equatable {
  /// Monthly contact probability per scenario channel (0: the arm does not use it).
  public var channelIntensity: [Double]
  /// When the promotions run; nil: no campaign.
  public var campaign: Campaign?
  /// Contact probability per channel during the campaign; nil keeps `channelIntensity`.
  public var campaignChannelIntensity: [Double]? = nil
  /// The offer during the campaign (interest-free periods, first period free); nil: the
  /// arm's regular offer.
  public var campaignOffer: InstalmentProduct?
  /// A discount during the campaign.
  public var discount: Discount?
  /// A lottery during the campaign.
  public var lottery: Lottery?
  /// Urgency during the campaign.
  public var urgency: Urgency?
  /// A membership privilege during the campaign.
  public var tierPrivilege: TierPrivilege?
  /// Points, all run long.
  public var points: PointsProgramme?
  /// Referrals during the campaign.
  public var referral: ReferralProgramme?
  /// Segment strategies, first match wins.
  public var segmentStrategies: [SegmentStrategy]

  /// Creates an arm's marketing.
  public init(
    channelIntensity: [Double], campaign: Campaign? = nil,
    campaignOffer: InstalmentProduct? = nil, discount: Discount? = nil,
    lottery: Lottery? = nil, urgency: Urgency? = nil,
    tierPrivilege: TierPrivilege? = nil, points: PointsProgramme? = nil,
    referral: ReferralProgramme? = nil,
    segmentStrategies: [SegmentStrategy] = []
  ) {
    self.channelIntensity = channelIntensity
    self.campaign = campaign
    self.campaignOffer = campaignOffer
    self.discount = discount
    self.lottery = lottery
    self.urgency = urgency
    self.tierPrivilege = tierPrivilege
    self.points = points
    self.referral = referral
    self.segmentStrategies = segmentStrategies
  }
}
