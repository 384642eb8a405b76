import FenqiCore

extension ScenarioFieldDocs {
  /// An arm's own fields.
  static let arms: [String: FieldDoc] = [
    "$.arms": doc(
      "The strategies compared (at most 64): each gets a share of the customers and its own offer, contacts and policies."
    ),
    "$.arms[].name": doc("The arm's name, shown in every report."),
    "$.arms[].allocation": doc(
      "The arm's share of the customers; allocations sum to 1.",
      unit: "fraction"),
    "$.arms[].reachRate": doc(
      "Monthly probability a customer is contacted (arms without `channels` or `targeting`).",
      unit: "fraction a month", typical: "0.2–0.5"),
    "$.arms[].costPerContact": doc("Cost of each contact.", unit: "yuan"),
    "$.arms[].offer": doc("The instalment plan this arm offers."),
    "$.arms[].channels": shaped(
      "Monthly contact probability by channel: {channel: probability} (needs top-level `channels`).",
      map(number(0, 1)), unit: "fraction a month"),
    "$.arms[].campaign": doc(
      "A campaign in some months: its offer, channels and promotions (needs top-level `channels`)."
    ),
    "$.arms[].points": doc("A loyalty-points programme."),
    "$.arms[].points.perYuan": doc(
      "Points earned per yuan financed.", unit: "points per yuan"),
    "$.arms[].points.redeemAt": doc(
      "Points needed for a voucher.", unit: "points"),
    "$.arms[].points.voucher": doc("The voucher's value.", unit: "yuan"),
    "$.arms[].points.tierThresholds": doc(
      "Points at which a customer reaches silver, gold and platinum.",
      unit: "points"),
    "$.arms[].segmentStrategies": doc(
      "Different channels, offers and terms for named segments."),
    "$.arms[].segmentStrategies[].segments": shaped(
      "The segments this strategy serves (segment names).",
      array(typed("string", [("minLength", .number(1))]))),
    "$.arms[].segmentStrategies[].channels": shaped(
      "Monthly contact probability by channel for these segments.",
      map(number(0, 1)),
      unit: "fraction a month"),
    "$.arms[].segmentStrategies[].offer": doc(
      "The plan offered to these segments."),
    "$.arms[].segmentStrategies[].pointsMultiplier": doc(
      "Points multiplier for these segments."),
    "$.arms[].segmentStrategies[].maxPrincipal": doc(
      "Largest amount financed for these segments.", unit: "yuan"),
    "$.arms[].segmentStrategies[].guaranteeRequired": doc(
      "Whether a guarantee is required (firms)."),
    "$.arms[].segmentStrategies[].guaranteeTakeUp": doc(
      "Share of applicants who provide the guarantee.", unit: "fraction"),
    "$.arms[].segmentStrategies[].serviceUtility": doc(
      "Logit gain from the service bundled with the offer.", unit: "logit"),
    "$.arms[].approval": doc(
      "This arm's approval rule, overriding the scenario's fields it names."),
    "$.arms[].coLending": doc("A partner funds a share of each loan."),
    "$.arms[].coLending.partnerShare": doc(
      "Partner's share of each loan's principal.", unit: "fraction",
      typical: "0.3–0.9"),
    "$.arms[].coLending.partnerRate": doc(
      "The partner's yield.", unit: "fraction a year"),
    "$.arms[].coLending.guarantee": doc(
      "Whether the platform guarantees the partner's share (`platform`) or not (`none`)."
    ),
    "$.arms[].coLending.guaranteeFeeRate": doc(
      "Guarantee fee on the partner's share (platform guarantee only).",
      unit: "fraction a year"),
  ]

  /// Offers, wherever they appear (an arm's, a campaign's, a tier privilege's, a segment
  /// strategy's, a targeting offer's).
  static let offers: [String: FieldDoc] = [
    "*.offer": doc(
      "An instalment plan: term, price, interest-free months and fees."),
    "*.termMonths": doc(
      "Number of monthly instalments.", unit: "months", typical: "3, 6, 12, 24"),
    "*.pricing": doc("How the plan is priced."),
    "*.pricing.kind": doc(
      "annualRate (an APR-style rate on the declining balance) or flatMonthlyFee (a fee per month on the original principal)."
    ),
    "*.pricing.rate": doc(
      "The rate: a year's for annualRate, a month's for flatMonthlyFee.",
      unit: "fraction", typical: "0.12–0.24 a year; 0.005–0.01 a month"),
    "*.interestFreePeriods": doc(
      "Instalments without interest or fee (at most the term).", unit: "months"),
    "*.interestFreeFundedBy": doc(
      "Who pays for the interest-free months: lender or merchant."),
    "*.fees": doc(
      "Upfront fees, late fees, penalty interest and early settlement."),
    "*.fees.upfront": doc(
      "An upfront (service) fee: a share, an amount, or both."),
    "*.fees.upfront.share": doc(
      "Fee as a share of the principal.", unit: "fraction"),
    "*.fees.upfront.amount": doc("Flat fee per loan.", unit: "yuan"),
    "*.fees.upfront.financed": doc(
      "Whether the fee is financed (added to the principal) or paid at booking."
    ),
    "*.fees.lateFee": doc("A fee for each missed instalment."),
    "*.fees.lateFee.amount": doc("Fixed part.", unit: "yuan"),
    "*.fees.lateFee.share": doc(
      "Share of the missed instalment.", unit: "fraction"),
    "*.fees.lateFee.cap": doc("Largest late fee.", unit: "yuan"),
    "*.fees.lateFee.graceDays": doc(
      "Days before the fee applies.", unit: "days"),
    "*.fees.penaltyDailyRate": doc(
      "Penalty interest (罚息) on overdue principal.", unit: "fraction a day",
      typical: "0.0005"),
    "*.fees.earlySettlement": doc("What settling early costs."),
    "*.fees.earlySettlement.rule": doc(
      "interestToDate (interest accrued only), fee (a share of the principal settled) or forfeitInterestFree (the interest-free benefit is repaid)."
    ),
    "*.fees.earlySettlement.share": doc(
      "The settlement fee's share of the principal settled.", unit: "fraction"),
  ]

  /// A campaign and its promotions.
  static let campaign: [String: FieldDoc] = [
    "$.arms[].campaign.start": doc(
      "First month of the campaign.", unit: "period"),
    "$.arms[].campaign.end": doc("Last month of the campaign.", unit: "period"),
    "$.arms[].campaign.offer": doc("The plan offered during the campaign."),
    "$.arms[].campaign.channels": shaped(
      "Monthly contact probability by channel during the campaign.",
      map(number(0, 1)),
      unit: "fraction a month"),
    "$.arms[].campaign.firstPeriodFree": doc("The first instalment is free."),
    "$.arms[].campaign.firstPeriodFree.fundedBy": doc(
      "Who pays for it: lender or merchant."),
    "$.arms[].campaign.discount": doc("A price discount."),
    "$.arms[].campaign.discount.percent": doc(
      "Discount as a share of the price.", unit: "fraction"),
    "$.arms[].campaign.discount.amount": doc("Discount in yuan.", unit: "yuan"),
    "$.arms[].campaign.lottery": doc("A prize draw among bookers."),
    "$.arms[].campaign.lottery.probability": doc(
      "Chance of winning.", unit: "fraction"),
    "$.arms[].campaign.lottery.prize": doc("The prize.", unit: "yuan"),
    "$.arms[].campaign.lottery.weightingGamma": doc(
      "Probability-weighting γ (Tversky & Kahneman 1992).", typical: "0.61"),
    "$.arms[].campaign.urgency": doc(
      "Deadline urgency: bookings pulled forward, then a dip."),
    "$.arms[].campaign.urgency.pullForward": doc(
      "Share of later need pulled into the campaign.", unit: "fraction",
      typical: "0.1–0.3"),
    "$.arms[].campaign.urgency.dipMonths": doc(
      "Months of the post-campaign dip.", unit: "months"),
    "$.arms[].campaign.tierPrivilege": doc(
      "A better plan for members from a tier up."),
    "$.arms[].campaign.tierPrivilege.minimumTier": doc(
      "Lowest membership tier (0 none, 1 silver, 2 gold, 3 platinum)."),
    "$.arms[].campaign.tierPrivilege.offer": doc("The privileged plan."),
    "$.arms[].campaign.referral": doc(
      "A referral programme over the social graph."),
    "$.arms[].campaign.referral.steps": doc(
      "Rewards by number of successful referrals."),
    "$.arms[].campaign.referral.steps[].from": doc(
      "Referrals from which this reward applies.", unit: "referrals"),
    "$.arms[].campaign.referral.steps[].reward": doc(
      "Reward per referral.", unit: "yuan"),
    "$.arms[].campaign.referral.inviteBase": doc(
      "Base monthly invitation probability.", unit: "fraction"),
    "$.arms[].campaign.referral.invitePerYuan": doc(
      "Added invitation probability per yuan of reward."),
    "$.arms[].campaign.referral.warmResponse": doc(
      "Response multiplier of an invited friend."),
    "$.arms[].campaign.referral.invitedNeed": doc(
      "Probability an invited friend has a need.", unit: "fraction"),
  ]
}
