import FenqiCore

extension ScenarioFieldDocs {
  /// Channels and marketing.
  static let marketing: [String: FieldDoc] = [
    "$.channels": doc(
      "Marketing channels (at most 15), each with its costs, capacity and reach."
    ),
    "$.channels[].name": doc(
      "The channel's name, used by arms' `channels` and campaigns."),
    "$.channels[].kind": doc(
      "What the channel is: app, miniProgram, socialFeed, smsPhone, offlineStore, partnerBank or ecommercePartner."
    ),
    "$.channels[].capacityPerPeriod": shaped(
      "Most contacts a month, or null for unlimited.",
      anyOf(number(0), typed("null")),
      unit: "contacts a month"),
    "$.channels[].costPerContact": doc(
      "Cost of each contact.", unit: "yuan", typical: "0.05 SMS – 5 phone"),
    "$.channels[].costPerAcquisition": doc(
      "Cost of each booking it brings.", unit: "yuan"),
    "$.channels[].revenueShare": doc(
      "Share of the loan's income paid to the channel's partner.",
      unit: "fraction"),
    "$.channels[].responseMultiplier": doc(
      "Multiplier of a contact's effect on need.", typical: "0.5–2"),
    "$.channels[].fraudExposure": doc(
      "Multiplier of fraudsters' presence among its contacts."),
    "$.channels[].affinity": shaped(
      "Response multiplier by segment: {segment: multiplier}.", map(number(0))),
    "$.channels[].frequencyCap": doc(
      "At most `contacts` contacts in any `months` months."),
    "$.channels[].frequencyCap.contacts": doc(
      "Contacts allowed.", unit: "contacts"),
    "$.channels[].frequencyCap.months": doc("The window.", unit: "months"),
    "$.channels[].ranksByPropensity": doc(
      "Whether the channel contacts the likeliest bookers first (true for socialFeed by default)."
    ),
    "$.marketing": doc(
      "Contact fatigue, the festival calendar and the social graph of referrals."
    ),
    "$.marketing.fatigue": doc(
      "Fatigue from repeated contacts: it decays, damps response and drives opt-outs."
    ),
    "$.marketing.fatigue.halfLifeMonths": doc(
      "Half-life of fatigue.", unit: "months"),
    "$.marketing.fatigue.lambda": doc("Response damping per unit of fatigue."),
    "$.marketing.fatigue.optOutBase": doc(
      "Monthly opt-out probability.", unit: "fraction a month"),
    "$.marketing.fatigue.optOutPerFatigue": doc(
      "Added opt-out probability per unit of fatigue."),
    "$.marketing.fatigue.complaintShare": doc(
      "Share of opt-outs that complain.", unit: "fraction"),
    "$.marketing.calendar": shaped(
      "Festivals: \"chinaRetail\" (Spring Festival, 618, Double 11, Double 12) or a list of {name, month, demand, competition}.",
      anyOf(
        typed("string", [("enum", .array([.string("chinaRetail")]))]),
        array(
          typed(
            "object",
            [
              (
                "properties",
                .object([
                  ("name", typed("string")), ("month", number(1, 12)),
                  ("demand", number(0)),
                  ("competition", number(0)),
                ])
              ), ("required", .array([.string("name"), .string("month")])),
              ("additionalProperties", .bool(false)),
            ])))),
    "$.marketing.socialGraph": doc(
      "The referral network (scale-free communities)."),
    "$.marketing.socialGraph.meanDegree": doc(
      "Average friends per customer.", unit: "friends"),
    "$.marketing.socialGraph.tailExponent": doc(
      "Power-law exponent of the degree distribution."),
    "$.marketing.socialGraph.communityMedian": doc(
      "Median community size.", unit: "customers"),
    "$.marketing.socialGraph.bridgeShare": doc(
      "Share of links that bridge communities.", unit: "fraction"),
  ]

  /// The lender's decision stack and an arm's risk policy.
  static let riskStack: [String: FieldDoc] = [
    "$.riskStack": doc(
      "The lender's decision stack (fraud screen, PD model, pricing, AHP lines, calibration, re-training), replacing the approval rule."
    ),
    "$.riskStack.burnIn": doc(
      "The historical book the first models are trained on."),
    "$.riskStack.burnIn.customers": doc(
      "Customers in the history.", unit: "customers"),
    "$.riskStack.burnIn.months": doc("Months of history.", unit: "months"),
    "$.riskStack.burnIn.outcomeMonths": doc(
      "Months after booking in which 90+ DPD counts as bad.", unit: "months"),
    "$.riskStack.fraud": doc("Fraudsters and the fraud screen."),
    "$.riskStack.fraud.share": doc(
      "Share of customers who are fraudsters.", unit: "fraction"),
    "$.riskStack.fraud.ringShare": doc(
      "Share of fraudsters in rings sharing devices.", unit: "fraction"),
    "$.riskStack.fraud.ringSize": doc(
      "Fraudsters per ring.", unit: "customers"),
    "$.riskStack.fraud.applyRate": doc(
      "A fraudster's monthly application probability.", unit: "fraction a month"
    ),
    "$.riskStack.fraud.amountMultiplier": doc(
      "Their amount ÷ an ordinary amount."),
    "$.riskStack.fraud.maxApplications3m": doc(
      "Rule: most applications to us in 3 months."),
    "$.riskStack.fraud.maxExternalApplications": doc(
      "Rule: most applications elsewhere (bureau)."),
    "$.riskStack.fraud.maxDeviceApplicants": doc(
      "Rule: most applicants per device."),
    "$.riskStack.fraud.anomalyThreshold": doc(
      "Isolation-forest score at or above which an application is declined.",
      typical: "0.6–0.7"),
    "$.riskStack.fraud.forestTrees": doc("Trees in the isolation forest."),
    "$.riskStack.pdModel": doc(
      "The PD model: gbdt, scorecard or mlp (an mlp gives no reasons)."),
    "$.riskStack.propensityModel": doc(
      "The propensity model: gbdt, scorecard or mlp."),
    "$.riskStack.model": doc("Both models' first fit."),
    "$.riskStack.model.trees": doc("Boosting rounds.", unit: "trees"),
    "$.riskStack.model.leaves": doc("Leaves per tree."),
    "$.riskStack.model.maxDepth": doc("Largest tree depth."),
    "$.riskStack.model.learningRate": doc("Shrinkage.", typical: "0.05–0.2"),
    "$.riskStack.model.minDataInLeaf": doc("Fewest rows in a leaf."),
    "$.riskStack.pricing": doc(
      "Risk-based pricing: expected loss + costs + margin, against a competitor."
    ),
    "$.riskStack.pricing.operatingCost": doc(
      "Operating cost.", unit: "fraction a year"),
    "$.riskStack.pricing.margin": doc(
      "Target margin.", unit: "fraction a year"),
    "$.riskStack.pricing.competitorRate": doc(
      "The competitor's rate.", unit: "fraction a year"),
    "$.riskStack.pricing.competitorWeight": doc(
      "Pull of the price towards the competitor's.", unit: "fraction"),
    "$.riskStack.pricing.aprCap": doc(
      "Highest price.", unit: "fraction a year"),
    "$.riskStack.pricing.declineAboveCap": doc(
      "Whether applicants priced above the cap are declined."),
    "$.riskStack.pricing.acceptanceIntercept": doc(
      "Logit of taking up the price at rate 0.", unit: "logit"),
    "$.riskStack.pricing.acceptanceSlope": doc(
      "Logit lost per unit of annual rate."),
    "$.riskStack.creditLines": doc(
      "Credit lines by the analytic hierarchy process (Saaty)."),
    "$.riskStack.creditLines.criteria": shaped(
      "The criteria weighed (names).", array(typed("string"))),
    "$.riskStack.creditLines.pairwise": shaped(
      "Saaty's pairwise-comparison matrix over the criteria (rows of numbers; consistency ratio < 0.1).",
      array(array(number(0)))),
    "$.riskStack.creditLines.tiers": doc("Line tiers by composite score."),
    "$.riskStack.creditLines.tiers[].minimumScore": doc(
      "Lowest composite score of the tier."),
    "$.riskStack.creditLines.tiers[].line": doc(
      "The tier's line.", unit: "yuan"),
    "$.riskStack.calibration": doc(
      "Monte-Carlo threshold calibration to a loss appetite."),
    "$.riskStack.calibration.confidence": doc(
      "Confidence levels calibrated.", unit: "fractions"),
    "$.riskStack.calibration.draws": doc("Monte-Carlo draws."),
    "$.riskStack.calibration.assetCorrelation": doc(
      "Asset correlation of the loss simulation."),
    "$.riskStack.retraining": doc(
      "The feedback loop: models re-trained on the lender's own book."),
    "$.riskStack.retraining.everyMonths": doc(
      "Months between re-trainings (0: never).", unit: "months"),
    "$.riskStack.retraining.trees": doc("Trees added each time."),
    "$.riskStack.drift": doc(
      "Drift alarms: PSI of the scores and CSI per feature against the training book."
    ),
    "$.riskStack.drift.watch": doc(
      "PSI (or CSI) at or above which a watch alarm is raised."),
    "$.riskStack.drift.act": doc(
      "PSI (or CSI) at or above which an act alarm is raised (above watch)."),
    "$.riskStack.drift.action": doc(
      "What an act alarm on the score PSI does: none, freezeRetraining or fallBack (the last stable model)."
    ),
    "$.riskStack.rejectInference": doc(
      "Reject inference: declined applicants added to each PD re-training."),
    "$.riskStack.rejectInference.method": doc(
      "none, parcelling (the booked bad rate of the reject's score decile) or fuzzy (the reject's own PD)."
    ),
    "$.riskStack.rejectInference.badRateFactor": doc(
      "Multiplies a reject's inferred probability of going bad (capped at 1)."),
    "$.riskStack.explanations": doc(
      "A sample of decisions with reasons in decisions.csv."),
    "$.riskStack.explanations.declineShare": doc(
      "Share of declines explained.", unit: "fraction"),
    "$.riskStack.explanations.approvalShare": doc(
      "Share of approvals explained.", unit: "fraction"),
    "$.riskStack.explanations.reasons": doc("Reasons per decision."),
    "$.arms[].risk": doc("How this arm decides (with a riskStack)."),
    "$.arms[].risk.decision": doc(
      "model (the PD model and threshold), rule (the approval rule) or approveAll."
    ),
    "$.arms[].risk.riskAppetite": shaped(
      "Loss-rate appetite per calibration confidence level, or null for a fixed threshold.",
      anyOf(array(number(0, 1)), typed("null")), unit: "fractions"),
    "$.arms[].risk.fixedThreshold": doc(
      "PD threshold when not calibrated.", unit: "probability"),
    "$.arms[].risk.fraudScreen": doc("Whether the fraud screen runs."),
    "$.arms[].risk.riskBasedPricing": doc("Whether prices follow risk."),
    "$.arms[].risk.operational": doc(
      "Operational failures to test the stack against."),
    "$.arms[].risk.operational.incomeErrorShare": doc(
      "Share of forms with an income typo.", unit: "fraction"),
    "$.arms[].risk.operational.incomeErrorFactor": doc("The typo's factor."),
    "$.arms[].risk.operational.misconfiguredMonths": shaped(
      "[first, last] months of a misconfigured threshold.",
      array(number(1), count: 2)),
    "$.arms[].risk.operational.misconfiguredThreshold": doc(
      "The wrong threshold.", unit: "probability"),
    "$.arms[].risk.operational.outageMonths": shaped(
      "[first, last] months the model is down (the rule decides).",
      array(number(1), count: 2)),
  ]
}
