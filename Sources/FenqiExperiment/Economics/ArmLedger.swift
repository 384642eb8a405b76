import FenqiSimulation

/// One arm's money and counts over periods 1…h of a run (yuan and counts), with the campaign
/// cohort's figures the incremental economics compares.
public struct ArmLedger: Sendable, Equatable {
  /// Customers in the arm.
  public var customers: Double
  /// Each flow of ``EconomicsItem/flows``, summed over the periods.
  public var flows: [EconomicsItem: Double] = [:]
  /// Bookings per channel (the scenario's channels, then referral), summed over the periods.
  public var channelBookings: [Double] = []
  /// Cost per channel (contacts and partner fees), yuan.
  public var channelCost: [Double] = []
  /// Bookings in the campaign months.
  public var campaignBookings = 0.0
  /// Bookings in the months after the campaign.
  public var postCampaignBookings = 0.0
  /// Principal booked in the campaign months, yuan.
  public var cohortPrincipal = 0.0
  /// Principal of those loans charged off by period h, yuan.
  public var cohortChargeOff = 0.0
  /// Principal outstanding at period h, yuan.
  public var residualBalance = 0.0

  /// The value of a flow (0 when absent).
  public subscript(_ item: EconomicsItem) -> Double { flows[item] ?? 0 }

  /// Arm `a`'s figures over periods 1…`h` of `result`.
  ///
  /// - Parameters:
  ///   - result: the run.
  ///   - a: the arm's index.
  ///   - h: the last period counted (1-based).
  ///   - campaign: the campaign months (1-based) the cohort is booked in.
  ///   - after: the months after the campaign in which displaced bookings are counted.
  public init(
    _ result: RunResult, arm a: Int, through h: Int, campaign: ClosedRange<Int>,
    after: ClosedRange<Int>?
  ) {
    let s = result.scenario
    customers = Double(result.arms[a].customers)
    for t in 0..<min(h, result.periods.count) {
      let m = result.periods[t][a]
      add(m, arm: s.arms[a], discount: s.discountFactor(period: t + 1))
      let period = t + 1
      if campaign.contains(period) {
        campaignBookings += m.counts.bookings
        cohortPrincipal += m.counts.bookedPrincipal
        for mob in 1...max(1, h - period) where period + mob <= h {
          cohortChargeOff += result.ledger.principal(
            arm: a, origin: period, monthsOnBook: mob)
        }
      }
      if after?.contains(period) == true {
        postCampaignBookings += m.counts.bookings
      }
      residualBalance = m.counts.book.totalBalance
    }
  }

  /// Adds one period's money to the flows.
  private mutating func add(_ m: PeriodMetrics, arm: Arm, discount: Double) {
    let c = m.counts
    let k = c.marketing
    var lines: [EconomicsItem: Double] = [
      .bookings: c.bookings, .gmv: c.gmv, .bookedPrincipal: c.bookedPrincipal,
      .interestAndFees: c.book.interestIncome + c.upfrontFees
        + c.book.feeIncome,
      .merchantSubsidy: c.merchantSubsidy,
      .partnerFees: k.channels.dropLast().reduce(0) { $0 + $1.partnerFees },
      .discounts: k.discountCost
        + (arm.targeting != nil ? c.targeting.discountCost : 0),
      .prizes: k.lotteryCost, .referralRewards: k.referralCost,
      .vouchers: k.pointsCost, .marketingCost: m.marketingCost,
      .creditLoss: m.creditLoss, .collectionsCost: c.book.collectionsCost,
      .fundingCost: m.fundingCost + m.partnerInterest - m.guaranteeFees,
      .netIncome: m.netIncome, .npv: m.netIncome * discount,
    ]
    // Contacts are what marketing spent beyond the named costs.
    lines[.contactCost] =
      m.marketingCost
      - EconomicsItem.marketingTerms.dropFirst().reduce(0) {
        $0 + (lines[$1] ?? 0)
      }
    for (item, value) in lines { flows[item, default: 0] += value }
    if channelBookings.count < k.channels.count {
      channelBookings = .init(repeating: 0, count: k.channels.count)
      channelCost = channelBookings
    }
    for (j, ch) in k.channels.enumerated() {
      channelBookings[j] += ch.booked
      channelCost[j] += ch.cost
    }
  }
}
