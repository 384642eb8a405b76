/// A line of the incremental economics (`economics.csv`'s `item` column).
public enum EconomicsItem: String, Sendable, CaseIterable {
  /// Loans booked (count).
  case bookings
  /// Gross merchandise value, yuan.
  case gmv
  /// Principal booked, yuan.
  case bookedPrincipal = "booked_principal"
  /// Interest, upfront fees and fees (late fees, penalty interest, settlement fees), yuan.
  case interestAndFees = "interest_and_fees"
  /// Merchant payments for merchant-funded interest-free periods, yuan.
  case merchantSubsidy = "merchant_subsidy"
  /// Contact costs: channel contacts and generic contacts, yuan.
  case contactCost = "contact_cost"
  /// Partner (affiliate) fees per acquisition, yuan.
  case partnerFees = "partner_fees"
  /// Lender-funded discounts, yuan.
  case discounts
  /// Lottery prizes, yuan.
  case prizes
  /// Referral cash back, yuan.
  case referralRewards = "referral_rewards"
  /// Point vouchers redeemed, yuan.
  case vouchers
  /// Every marketing cost above, yuan.
  case marketingCost = "marketing_cost"
  /// The platform's credit loss: charge-offs − recoveries + disputes − clawbacks, yuan.
  case creditLoss = "credit_loss"
  /// Collections cost on delinquent loans, yuan.
  case collectionsCost = "collections_cost"
  /// Funding: the platform's cost of funds plus a co-lending partner's yield less guarantee
  /// fees, yuan.
  case fundingCost = "funding_cost"
  /// Net income: interest and fees + subsidy − marketing − credit loss − collections − funding,
  /// yuan.
  case netIncome = "net_income"
  /// Net income discounted to the run's start at the annual discount rate, yuan.
  case npv
  /// Incremental marketing cost ÷ incremental bookings, yuan.
  case costPerIncrementalBooking = "cost_per_incremental_booking"
  /// Incremental NPV (at the window: net income) ÷ incremental marketing cost.
  case incrementalROI = "incremental_roi"
  /// Incremental bookings ÷ the control's bookings, a fraction.
  case bookingUplift = "booking_uplift"
  /// The booking uplift at which the incremental NPV is zero, holding the margin of an
  /// incremental booking and the marketing spend, a fraction.
  case breakEvenUplift = "break_even_uplift"
  /// Bookings missing from the months after the campaign against control (count).
  case displacedBookings = "displaced_bookings"
  /// The relative fall in bookings in the months after the campaign against control — the
  /// measured pull-forward, beside the urgency input's need-rate dip, a fraction.
  case postCampaignDip = "post_campaign_dip"
  /// Displaced bookings ÷ the campaign months' incremental bookings, a fraction.
  case displacedShare = "displaced_share"
  /// Principal charged off ÷ principal booked, for the arm's loans booked in the campaign months
  /// (the promo-acquired cohort), a fraction.
  case cohortLossRate = "cohort_loss_rate"
  /// The same for the incremental loans: (charged off − control's) ÷ (booked − control's).
  case incrementalCohortLossRate = "incremental_cohort_loss_rate"
  /// Principal still outstanding at the horizon's end, yuan.
  case residualBalance = "residual_balance"
  /// A channel's incremental bookings (count).
  case channelBookings = "channel_incremental_bookings"
  /// A channel's incremental cost, yuan.
  case channelCost = "channel_incremental_cost"
  /// A channel's incremental bookings × the lifetime value of an incremental booking before
  /// marketing, yuan.
  case channelValue = "channel_incremental_value"
  /// (Channel incremental value − its incremental cost) ÷ its incremental cost.
  case channelROI = "channel_roi"

  /// The item's unit, for tables.
  public var unit: String {
    switch self {
    case .bookings, .displacedBookings, .channelBookings: "count"
    case .incrementalROI, .channelROI: "ratio"
    case .bookingUplift, .breakEvenUplift, .postCampaignDip, .displacedShare,
      .cohortLossRate, .incrementalCohortLossRate:
      "fraction"
    default: "yuan"
    }
  }

  /// The money lines that add up to net income, with their sign.
  public static let netIncomeTerms: [(EconomicsItem, Double)] = [
    (.interestAndFees, 1), (.merchantSubsidy, 1), (.marketingCost, -1),
    (.creditLoss, -1), (.collectionsCost, -1), (.fundingCost, -1),
  ]

  /// The marketing costs that add up to ``marketingCost``.
  public static let marketingTerms: [EconomicsItem] = [
    .contactCost, .partnerFees, .discounts, .prizes, .referralRewards,
    .vouchers,
  ]

  /// The lines summed over periods (flows and counts), in table order.
  public static let flows: [EconomicsItem] =
    [
      .bookings, .gmv, .bookedPrincipal, .interestAndFees, .merchantSubsidy,
    ] + marketingTerms + [
      .marketingCost, .creditLoss, .collectionsCost, .fundingCost, .netIncome,
      .npv,
    ]
}

/// Where a figure is read: at the planning window's end or over the loans' lifetime.
public enum EconomicsHorizon: String, Sendable, CaseIterable {
  /// Up to the end of the planning window.
  case window
  /// Up to the end of the run-off.
  case lifetime
}
