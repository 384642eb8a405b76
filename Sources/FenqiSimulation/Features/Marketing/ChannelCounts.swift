/// One channel's funnel and costs for one arm in one period (money in yuan).
public struct ChannelCounts: Sendable, Equatable {
  /// Customers the arm targeted through the channel (eligible and drawn), before capacity.
  public var reached: Double = 0
  /// Customers the channel actually contacted (within capacity).
  public var contacted: Double = 0
  /// Contacted customers who chose to split (responded) and applied.
  public var applied: Double = 0
  /// Loans booked from the channel's contacts (attributed to the best-responding contact).
  public var booked: Double = 0
  /// Principal of those loans.
  public var bookedPrincipal: Double = 0
  /// Contacts × cost per contact.
  public var contactCost: Double = 0
  /// Partner fees: cost per acquisition plus revenue share (referral cash back for the
  /// referral channel).
  public var partnerFees: Double = 0
  /// Customers who opted out of the channel after a contact.
  public var optOuts: Double = 0
  /// Opt-outs that were complaints.
  public var complaints: Double = 0

  /// Creates zero counts.
  public init() {}

  /// Adds another chunk's counts.
  public mutating func add(_ o: ChannelCounts) {
    reached += o.reached
    contacted += o.contacted
    applied += o.applied
    booked += o.booked
    bookedPrincipal += o.bookedPrincipal
    contactCost += o.contactCost
    partnerFees += o.partnerFees
    optOuts += o.optOuts
    complaints += o.complaints
  }

  /// Contact cost plus partner fees.
  public var cost: Double { contactCost + partnerFees }
}

/// Marketing costs by kind and the campaign's other counts, for one arm in one period (yuan).
public struct MarketingCounts: Sendable, Equatable {
  /// Per scenario channel, then one more for referral (warm) contacts.
  public var channels: [ChannelCounts] = []
  /// Discounts paid (price − discounted price), lender-funded.
  public var discountCost: Double = 0
  /// Lottery prizes paid.
  public var lotteryCost: Double = 0
  /// Referral cash back paid (the referral channel's fees).
  public var referralCost: Double { channels.last?.partnerFees ?? 0 }
  /// Point vouchers redeemed.
  public var pointsCost: Double = 0
  /// Interest and fees forgone on lender-funded interest-free periods (already missing from
  /// interest income; shown, not subtracted again).
  public var interestForgone: Double = 0
  /// Referral invitations sent.
  public var invites: Double = 0
  /// Invitations not sent because the friend is in another arm.
  public var invitesAcrossArms: Double = 0
  /// Contacted customers by contacts received this period: 1, 2, 3, 4 or more.
  public var customersByContacts: [Double] = [0, 0, 0, 0]
  /// Opt-outs among them.
  public var optOutsByContacts: [Double] = [0, 0, 0, 0]
  /// Lottery winners.
  public var lotteryWinners: Double = 0
  /// Vouchers redeemed.
  public var vouchers: Double = 0
  /// Membership tier upgrades.
  public var tierUpgrades: Double = 0
  /// Applicants declined for lack of a guarantor or above a segment's principal cap.
  public var strategyDeclines: Double = 0

  /// Creates zero counts for `channels` channels (plus referral).
  public init(channels: Int = 0) {
    self.channels = [ChannelCounts](
      repeating: ChannelCounts(), count: channels == 0 ? 0 : channels + 1)
  }

  /// Adds another chunk's counts.
  public mutating func add(_ o: MarketingCounts) {
    if channels.count < o.channels.count {
      channels += [ChannelCounts](
        repeating: ChannelCounts(), count: o.channels.count - channels.count)
    }
    for i in o.channels.indices { channels[i].add(o.channels[i]) }
    discountCost += o.discountCost
    lotteryCost += o.lotteryCost
    pointsCost += o.pointsCost
    interestForgone += o.interestForgone
    invites += o.invites
    invitesAcrossArms += o.invitesAcrossArms
    for k in 0..<4 {
      customersByContacts[k] += o.customersByContacts[k]
      optOutsByContacts[k] += o.optOutsByContacts[k]
    }
    lotteryWinners += o.lotteryWinners
    vouchers += o.vouchers
    tierUpgrades += o.tierUpgrades
    strategyDeclines += o.strategyDeclines
  }

  /// Channel contact costs and partner fees.
  public var channelCost: Double { channels.reduce(0) { $0 + $1.cost } }
  /// Everything marketing spent beyond the generic channel's contacts (channel costs include
  /// referral rewards).
  public var total: Double {
    channelCost + discountCost + lotteryCost + pointsCost
  }
}
