import FenqiCore

extension ScenarioFieldDocs {
  /// Targeting policies.
  static let targeting: [String: FieldDoc] = [
    "$.targeting": doc("Offers and the pilot for targeting policies."),
    "$.targeting.offers": doc("The offers a policy chooses among (at most 8)."),
    "$.targeting.offers[].name": doc("The offer's name."),
    "$.targeting.offers[].discount": doc(
      "Lender-funded discount, a share of the price (at most 0.9).",
      unit: "fraction"),
    "$.targeting.offers[].channel": doc(
      "The channel it goes through (its cost and response apply)."),
    "$.targeting.pilotMonths": doc(
      "Months of the random pilot that logs data.", unit: "months"),
    "$.targeting.pilotContactShare": doc(
      "Share contacted in the pilot.", unit: "fraction"),
    "$.targeting.organicSplitOffset": doc(
      "Logit of booking without a contact.", unit: "logit"),
    "$.targeting.organicDigitalAffinity": doc(
      "Its coefficient on digital affinity."),
    "$.targeting.evaluationParts": doc(
      "Disjoint log parts for off-policy intervals."),
    "$.arms[].targeting": doc("The arm's targeting policy."),
    "$.arms[].targeting.policy": doc(
      "random, rule, propensity, uplift, bandit (Thompson sampling) or multiObjective."
    ),
    "$.arms[].targeting.budget": doc(
      "Contacts a month.", unit: "contacts a month"),
    "$.arms[].targeting.learner": doc("The uplift learner: t, s or x."),
    "$.arms[].targeting.ruleOffers": shaped(
      "The rule policy's offer by segment: {segment: offer name}.",
      map(typed("string"))),
    "$.arms[].targeting.weights": doc("The multi-objective score's weights."),
    "$.arms[].targeting.weights.conversion": doc("Weight of booking."),
    "$.arms[].targeting.weights.repayment": doc("Weight of repaying."),
    "$.arms[].targeting.weights.orderValue": doc("Weight of order value."),
    "$.arms[].targeting.weights.loss": doc("Weight of expected loss."),
    "$.arms[].targeting.weights.cost": doc(
      "Weight of contact cost, per thousand yuan."),
  ]

  /// The business layer, lines and recourse.
  static let business: [String: FieldDoc] = [
    "$.business": doc(
      "Purchase categories and merchants, prepaid services, firms, the bureau and customer value."
    ),
    "$.business.categories": doc("Purchase categories."),
    "$.business.categories[].name": doc("The category's name."),
    "$.business.categories[].kind": doc(
      "goods, or prepaidService (paid up front, delivered over months)."),
    "$.business.categories[].priceMedian": doc("Median price.", unit: "yuan"),
    "$.business.categories[].priceSigma": doc("σ of the log price."),
    "$.business.categories[].instalmentPropensity": doc(
      "Share of purchases on instalments.", unit: "fraction"),
    "$.business.categories[].merchantSubsidy": doc(
      "Merchant's subsidy of the price.", unit: "fraction"),
    "$.business.categories[].seasonality": doc("Twelve monthly multipliers."),
    "$.business.categories[].terms": doc("Terms offered, with weights."),
    "$.business.categories[].terms[].months": doc("The term.", unit: "months"),
    "$.business.categories[].terms[].weight": doc("Its weight."),
    "$.business.categories[].needShare": shaped(
      "Weight of this category in each segment's needs: {segment: weight}.",
      map(number(0))),
    "$.business.categories[].merchants": doc(
      "The category's merchants, who may fail."),
    "$.business.categories[].merchants.count": doc(
      "Merchants.", unit: "merchants"),
    "$.business.categories[].merchants.monthlyFailureHazard": doc(
      "Monthly failure probability.", unit: "fraction a month"),
    "$.business.categories[].merchants.sizeSkew": doc(
      "Skew of merchant sizes."),
    "$.business.sectorShocks": doc(
      "Months in which a category or firm sector fails more or earns less."),
    "$.business.sectorShocks[].category": doc("The category hit."),
    "$.business.sectorShocks[].sector": doc("The firm sector hit."),
    "$.business.sectorShocks[].fromMonth": doc("First month.", unit: "period"),
    "$.business.sectorShocks[].toMonth": doc("Last month.", unit: "period"),
    "$.business.sectorShocks[].failureMultiplier": doc(
      "Failure-hazard multiplier."),
    "$.business.sectorShocks[].revenueFactor": doc("Revenue multiplier."),
    "$.business.disputeRate": doc(
      "Share of prepaid customers who dispute when a merchant fails.",
      unit: "fraction"),
    "$.business.firms": doc(
      "Small-firm borrowers: sectors, size, receivables and cash-flow risk."),
    "$.business.firms.sectors": doc("Firm sectors."),
    "$.business.firms.sectors[].name": doc("The sector's name."),
    "$.business.firms.sectors[].share": doc(
      "Share of firms.", unit: "fraction"),
    "$.business.firms.sectors[].peakMonth": doc(
      "Month of peak revenue.", unit: "calendar month"),
    "$.business.firms.sectors[].seasonalAmplitude": doc(
      "Seasonal swing of revenue.", unit: "fraction"),
    "$.business.firms.employees": doc("Employees: log-normal."),
    "$.business.firms.employees.median": doc(
      "Median employees.", unit: "people"),
    "$.business.firms.employees.sigma": doc("σ of the log."),
    "$.business.firms.receivableDays": doc("Days to be paid: uniform."),
    "$.business.firms.receivableDays.min": doc("Fewest days.", unit: "days"),
    "$.business.firms.receivableDays.max": doc("Most days.", unit: "days"),
    "$.business.firms.yearsTrading": doc("Years trading: log-normal."),
    "$.business.firms.yearsTrading.median": doc("Median years.", unit: "years"),
    "$.business.firms.yearsTrading.sigma": doc("σ of the log."),
    "$.business.firms.amplitudeJitter": doc(
      "Firm-to-firm spread of the seasonal swing."),
    "$.business.firms.cashFlowSensitivity": doc(
      "Miss logit per unit of cash-flow shortfall."),
    "$.business.firms.yearsTradingEffect": doc(
      "Miss logit per log year trading."),
    "$.business.firms.sizeEffect": doc("Miss logit per log employee."),
    "$.business.bureau": doc("Bureau events that drop a customer's score."),
    "$.business.bureau.eventLogit": doc(
      "Monthly logit of an adverse event.", unit: "logit"),
    "$.business.bureau.latentRiskWeight": doc(
      "Its coefficient on latent risk."),
    "$.business.bureau.dropPoints": doc("Score points lost.", unit: "points"),
    "$.business.bureau.recoveryRate": doc(
      "Monthly share of the drop recovered.", unit: "fraction a month"),
    "$.business.customerValue": doc("Customer lifetime value."),
    "$.business.customerValue.annualDiscountRate": doc(
      "Discount rate.", unit: "fraction a year"),
    "$.business.customerValue.churnAfterMonths": doc(
      "Months without activity until churn.", unit: "months"),
    "$.arms[].lines": doc(
      "Revolving credit lines: sizing, reviews, raises, cuts and freezes."),
    "$.arms[].lines.initialIncomeMultiple": doc("First line ÷ monthly income."),
    "$.arms[].lines.maxLine": doc("Largest line.", unit: "yuan"),
    "$.arms[].lines.reviewEveryMonths": doc(
      "Months between reviews.", unit: "months"),
    "$.arms[].lines.raise": doc("When a line is raised."),
    "$.arms[].lines.raise.factor": doc("Raise factor."),
    "$.arms[].lines.raise.minCleanMonths": doc(
      "Clean months needed.", unit: "months"),
    "$.arms[].lines.raise.minUtilisation": doc(
      "Utilisation needed.", unit: "fraction"),
    "$.arms[].lines.raise.maxIncomeMultiple": doc(
      "Largest line ÷ income after raises."),
    "$.arms[].lines.cut": doc("When a line is cut."),
    "$.arms[].lines.cut.factor": doc("Cut factor."),
    "$.arms[].lines.cut.monthsPastDue": doc(
      "Months past due that trigger it.", unit: "months"),
    "$.arms[].lines.freeze": doc("When a line is frozen."),
    "$.arms[].lines.freeze.monthsPastDue": doc(
      "Months past due that trigger it.", unit: "months"),
    "$.arms[].lines.freeze.bureauDrop": doc(
      "Score drop that triggers it (0: off).", unit: "points"),
    "$.arms[].lines.freeze.unfreezeCleanMonths": doc(
      "Clean months to unfreeze.", unit: "months"),
    "$.arms[].recourse": doc("Recourse against merchants for prepaid losses."),
    "$.arms[].recourse.clawbackShare": doc(
      "Share clawed back from a failed merchant.", unit: "fraction"),
    "$.arms[].recourse.reserveRate": doc(
      "Merchant reserve held.", unit: "fraction"),
  ]

  /// The experiment.
  static let experiment: [String: FieldDoc] = [
    "$.experiment": doc(
      "An experiment analysed by `fenqi run`: tests, guardrails, intervals."),
    "$.experiment.mode": doc(
      "split (arms get disjoint random customers; estimated with uncertainty) or counterfactual (every customer under every arm, common random numbers)."
    ),
    "$.experiment.control": doc(
      "The control arm's name (default: the first arm)."),
    "$.experiment.alpha": doc(
      "Family-wise level; decisions use Holm-adjusted p-values.",
      typical: "0.05"),
    "$.experiment.stratifyBySegment": doc(
      "Permuted blocks within each segment."),
    "$.experiment.prePeriods": doc(
      "Months of pre-period spend as the CUPED covariate.", unit: "months"),
    "$.experiment.clusterSize": doc(
      "Customers per randomisation cluster.", unit: "customers"),
    "$.experiment.replicates": doc(
      "Seeds the experiment runs under, for the economics' intervals.",
      typical: "5–10"),
    "$.experiment.sequential": doc("Monthly sequential monitoring (mSPRT)."),
    "$.experiment.sequential.relativeEffect": doc(
      "The mixing SD as a fraction of the control's value.", unit: "fraction"),
    "$.experiment.metrics": doc("The metrics tested; the first is primary."),
    "$.experiment.metrics[].name": doc(
      "conversion, approval_rate, average_order_value, gmv_per_customer, net_income_per_customer, dpd30_plus_rate, bad_debt_rate, …"
    ),
    "$.experiment.metrics[].guardrail": doc("Makes the metric a guardrail."),
    "$.experiment.metrics[].guardrail.maxIncrease": doc(
      "The largest tolerated absolute increase."),
  ]
}
