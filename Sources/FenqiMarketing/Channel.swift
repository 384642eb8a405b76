/// A marketing channel: how customers are contacted, at what cost and capacity.
///
/// Also how well they respond. Money in yuan; rates as fractions.
public struct Channel: Sendable, Equatable {
  /// The kinds of channel the seed's strategy names.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Push notifications in the lender's app.
    case appPush
    /// A mini-program inside a super-app.
    case miniProgram
    /// A social-media feed whose recommendation engine ranks customers by propensity.
    case socialFeed
    /// SMS and phone outreach.
    case smsPhone
    /// "Scan to split" terminals in offline stores, with trained staff.
    case offlineStore
    /// A partner bank's co-branded card.
    case partnerBank
    /// An e-commerce partner's checkout.
    case ecommercePartner

    /// Whether the channel is a partner paid per acquisition or by revenue share.
    public var isPartner: Bool {
      self == .partnerBank || self == .ecommercePartner
    }
  }

  /// The channel's name in the scenario and in `channels.csv`.
  public var name: String
  /// What kind of channel it is.
  public var kind: Kind
  /// Most contacts the channel can make per period across the population (nil: unlimited).
  public var capacityPerPeriod: Int?
  /// Cost per contact, yuan.
  public var costPerContact: Double
  /// Partner fee per booked loan, yuan.
  public var costPerAcquisition: Double
  /// Partner share of each booked loan's principal, a fraction.
  public var revenueShare: Double
  /// Multiplies the split odds of a customer this channel contacts.
  public var responseMultiplier: Double
  /// Multiplies the contact probability of customers in hidden (fraud) segments: how exposed
  /// the channel is to fraud.
  public var fraudExposure: Double
  /// Multiplier of contact probability and response odds per segment (1 when absent),
  /// parallel to the population's segments.
  public var segmentAffinity: [Double]
  /// At most this many contacts of one customer in any window of `window` months.
  public var frequencyCap: FrequencyCap?
  /// Ranks customers by propensity and contacts the best first (a recommendation engine).
  public var ranksByPropensity: Bool

  /// Creates a channel.
  public init(
    name: String, kind: Kind, capacityPerPeriod: Int? = nil,
    costPerContact: Double = 0, costPerAcquisition: Double = 0,
    revenueShare: Double = 0, responseMultiplier: Double = 1,
    fraudExposure: Double = 1, segmentAffinity: [Double] = [],
    frequencyCap: FrequencyCap? = nil, ranksByPropensity: Bool = false
  ) {
    self.name = name
    self.kind = kind
    self.capacityPerPeriod = capacityPerPeriod
    self.costPerContact = costPerContact
    self.costPerAcquisition = costPerAcquisition
    self.revenueShare = revenueShare
    self.responseMultiplier = responseMultiplier
    self.fraudExposure = fraudExposure
    self.segmentAffinity = segmentAffinity
    self.frequencyCap = frequencyCap
    self.ranksByPropensity = ranksByPropensity
  }
}
