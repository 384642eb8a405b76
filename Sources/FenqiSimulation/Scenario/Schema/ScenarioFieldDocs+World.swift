import FenqiCore

extension ScenarioFieldDocs {
  /// Demand, choice, repayment, macro, approval, economics, seasoning and horizon.
  static let world: [String: FieldDoc] = [
    "$.demand": doc("When customers need credit."),
    "$.demand.seasonality": doc(
      "Twelve need-rate multipliers, January first.",
      typical: "0.8–1.4; all 1 for none"),
    "$.choice": doc("How a customer who needs a purchase chooses how to pay."),
    "$.choice.split": doc(
      "The logit of choosing instalments: an intercept plus coefficients on what the offer costs the customer."
    ),
    "$.choice.split.intercept": doc(
      "Base logit of choosing instalments.", unit: "logit"),
    "$.choice.split.priceToIncome": doc(
      "Coefficient on price ÷ monthly income.", unit: "logit per unit"),
    "$.choice.split.instalmentToIncome": doc(
      "Coefficient on the instalment ÷ monthly income.", unit: "logit per unit"),
    "$.choice.split.annualRate": doc(
      "Coefficient on the offer's annual rate.", unit: "logit per unit rate",
      typical: "−5 to −15"),
    "$.choice.split.interestFreePeriods": doc(
      "Coefficient on the number of interest-free months.",
      unit: "logit per month"),
    "$.choice.split.digitalAffinity": doc(
      "Coefficient on digital affinity.", unit: "logit per unit"),
    "$.choice.split.priceSensitivityRate": doc(
      "Coefficient on price sensitivity × the annual rate.",
      unit: "logit per unit"),
    "$.choice.payInFull": shaped(
      "The logit of paying in full instead ({intercept, priceToIncome}), or null for no pay-in-full option.",
      anyOf(
        typed(
          "object",
          [
            (
              "properties",
              .object([("intercept", number()), ("priceToIncome", number())])
            ),
            ("additionalProperties", .bool(false)),
          ]), typed("null"))),
    "$.repayment": doc(
      "How loans are repaid, go delinquent, cure, prepay and are recovered."),
    "$.repayment.miss": doc("The logit of missing a payment in a month."),
    "$.repayment.miss.intercept": doc(
      "Base logit of a missed payment.", unit: "logit", typical: "−4 to −2.5"),
    "$.repayment.miss.latentRisk": doc(
      "Coefficient on latent risk.", unit: "logit per sd"),
    "$.repayment.miss.burden": doc(
      "Coefficient on debt service ÷ income.", unit: "logit per unit"),
    "$.repayment.miss.macro": doc(
      "Coefficient on the macro factor.", unit: "logit per unit"),
    "$.repayment.roll": doc(
      "The logit of a delinquent loan rolling to the next bucket."),
    "$.repayment.roll.intercept": doc("Base logit of rolling.", unit: "logit"),
    "$.repayment.roll.latentRisk": doc(
      "Coefficient on latent risk.", unit: "logit per sd"),
    "$.repayment.roll.macro": doc(
      "Coefficient on the macro factor.", unit: "logit per unit"),
    "$.repayment.roll.byBucket": doc(
      "Logit shifts of rolling out of 1–30, 31–60, 61–90 and 90+ days past due.",
      unit: "logit"),
    "$.repayment.cure": doc("Cure by bucket."),
    "$.repayment.cure.byBucket": doc(
      "Logit shifts of the segment's cure probability in 1–30 … 90+ days past due.",
      unit: "logit"),
    "*.collections": doc(
      "Collections: logit shifts on every delinquent loan and their cost; an arm's own replaces the scenario's."
    ),
    "*.collections.cureShift": doc("Logit shift of curing.", unit: "logit"),
    "*.collections.rollShift": doc("Logit shift of rolling.", unit: "logit"),
    "*.collections.costPerDelinquentLoan": doc(
      "Cost of collecting each delinquent loan each month.",
      unit: "yuan a month"),
    "$.repayment.chargeOffDaysPastDue": doc(
      "Days past due at which a loan is charged off.", unit: "days",
      typical: "180 (90 for aggressive books)"),
    "$.repayment.lossGivenDefault": doc(
      "Share of a charged-off balance never recovered.", unit: "fraction",
      typical: "0.7–0.9 unsecured"),
    "$.repayment.recoveryLagMonths": doc(
      "Months from charge-off to the recovery's cash.", unit: "months"),
    "$.repayment.prepayment": doc(
      "Partial prepayment and how the cost of settling early damps it."),
    "$.repayment.prepayment.partialShare": doc(
      "Share of prepayments that repay only part of the balance.",
      unit: "fraction"),
    "$.repayment.prepayment.partialFraction": doc(
      "The part of the balance a partial prepayment repays.", unit: "fraction"),
    "$.repayment.prepayment.costElasticity": doc(
      "Prepayment rate × exp(−elasticity × cost of settling per yuan).",
      typical: "20–60"),
    "$.macro": doc(
      "The economy: a systematic factor, macro paths, sector mix, shocks and the Vasicek link."
    ),
    "$.macro.systematicFactor": doc(
      "A constant shift of the miss and roll logits (× their `macro` coefficients).",
      unit: "logit"),
    "$.macro.unemployment": shaped(
      "Unemployment: a constant or a monthly path at least `periods` long.",
      numberOrPath,
      unit: "fraction"),
    "$.macro.benchmarkRate": shaped(
      "The benchmark lending rate (LPR): a constant or a monthly path.",
      numberOrPath,
      unit: "fraction a year"),
    "$.macro.confidence": shaped(
      "Consumer confidence index: a constant or a monthly path.", numberOrPath,
      unit: "index (100 = neutral)"),
    "$.macro.confidenceElasticity": doc(
      "Need rate × (confidence ÷ month 1's)^elasticity.", typical: "0.5–1.5"),
    "$.macro.sectors": doc(
      "The purchase mix by category and category stress paths."),
    "$.macro.sectors.mix": shaped(
      "Each purchase's category by share: {category: share}, summing to 1.",
      map(number(0, 1)), unit: "fractions"),
    "$.macro.sectors.stress": shaped(
      "Monthly default-probability multipliers by category: {category: [multiplier, …]}.",
      map(array(number(0)))),
    "$.macro.shocks": doc("Named shocks applied to the macro path."),
    "$.macro.shocks[].kind": doc(
      "recession (unemployment up by `points`), sectorCollapse (a category stops), aprCap (a regulatory cap), channelBan (a channel closes), rateRise (the benchmark rate up)."
    ),
    "$.macro.shocks[].start": doc(
      "The month the shock starts.", unit: "period"),
    "$.macro.shocks[].rampMonths": doc(
      "Months to reach full strength.", unit: "months"),
    "$.macro.shocks[].points": doc(
      "Size: unemployment or rate points added.",
      unit: "fraction (0.02 = 2 points)"),
    "$.macro.shocks[].holdMonths": doc(
      "Months held at full strength.", unit: "months"),
    "$.macro.shocks[].recoveryMonths": doc(
      "Months to fade back.", unit: "months"),
    "$.macro.shocks[].sector": doc("The category that collapses."),
    "$.macro.shocks[].stopShare": doc(
      "Share of the category's merchants that stop.", unit: "fraction"),
    "$.macro.shocks[].cap": doc(
      "The APR cap imposed.", unit: "fraction a year", typical: "0.24"),
    "$.macro.shocks[].channel": doc("The channel banned."),
    "$.macro.vasicek": doc(
      "The one-factor (Vasicek) link from the macro path to default probabilities, and its asset correlation."
    ),
    "$.macro.vasicek.rho": shaped(
      "Asset correlation ρ: one number, or {\"default\": ρ, segment: ρ}.",
      anyOf(number(0, 0.999999), map(number(0, 0.999999))), unit: "fraction"),
    "$.macro.vasicek.unemploymentSensitivity": doc(
      "Factor loading of unemployment (per point above its start); `fenqi satellite` fits it from a tape.",
      typical: "0.1–0.3"),
    "$.macro.vasicek.rateSensitivity": doc(
      "Factor loading of the benchmark rate."),
    "$.macro.vasicek.confidenceSensitivity": doc(
      "Factor loading of consumer confidence."),
    "$.macro.vasicek.persistence": doc(
      "AR(1) persistence of the stress noise: year to year (annual generator) or month to month.",
      typical: "0.5–0.8"),
    "$.macro.vasicek.generator": doc(
      "annual (one factor draw per path and year, held twelve months) or monthly (AR(1) month to month)."
    ),
    "$.macro.scenarioSet": doc(
      "The weighted scenario set of `fenqi stress` (default baseline 0.55, adverse 0.35, severelyAdverse 0.10)."
    ),
    "$.macro.scenarioSet[].name": doc("The member's name."),
    "$.macro.scenarioSet[].weight": doc(
      "Its probability; the weights sum to 1.", unit: "fraction"),
    "$.macro.scenarioSet[].severity": doc(
      "The shocks' severity: 0 none, 1 as stated, 2 twice the recession and rate-rise points."
    ),
    "$.approval": doc(
      "The foundation's approval rule (replaced by `riskStack` when there is one)."
    ),
    "*.approval.minimumCreditScore": doc(
      "Lowest bureau score approved.", unit: "points"),
    "*.approval.maxOpenLoans": doc(
      "Most loans a customer may hold open.", unit: "loans"),
    "*.approval.maxDebtToIncome": shaped(
      "Most debt service ÷ income after the new instalment, or null for no limit.",
      anyOf(number(0), typed("null")), unit: "fraction"),
    "$.economics": doc("The lender's funding and the regulatory APR cap."),
    "$.economics.annualFundingRate": doc(
      "Cost of funds.", unit: "fraction a year", typical: "0.03–0.06"),
    "$.economics.aprCap": doc(
      "Regulatory APR cap on every offer's true APR (IRR including upfront fees).",
      unit: "fraction a year", typical: "0.24 or 0.36"),
    "$.assignment": doc("How customers are assigned to arms."),
    "$.assignment.salt": doc(
      "The salt of the assignment hash (default: the scenario's name)."),
    "$.seasoning": doc(
      "Start from a seasoned book: months of history simulated before period 1 (not beside riskStack, targeting or business)."
    ),
    "$.seasoning.burnInMonths": doc(
      "Months of history.", unit: "months", typical: "12–24"),
    "$.seasoning.reachRate": doc(
      "Monthly contact rate during the burn-in.", unit: "fraction a month"),
    "$.horizon": doc(
      "Months after the window in which the book runs off, and the NPV discount rate."
    ),
    "$.horizon.runOff": shaped(
      "Months simulated after the window with no contacts or new loans: a number, or \"matured\" (the longest term + months to charge-off + the recovery lag + 1).",
      anyOf(
        typed("integer", [("minimum", .number(0)), ("maximum", .number(120))]),
        typed("string", [("enum", .array([.string("matured")]))])),
      unit: "months"),
    "$.horizon.discountRate": doc(
      "Annual discount rate of NPVs (default: the cost of funds).",
      unit: "fraction a year"),
  ]
}
