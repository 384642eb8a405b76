import FenqiCore
import FenqiPopulation

/// Documents that make the scenario decoder read every section and every variant.
///
/// Each margin kind for every attribute, each shock, each promotion: the generated schema then
/// covers what the templates leave out. They need not be valid scenarios (one names a sample file that does
/// not exist): the recorder notes what the decoder asks for, valid or not.
enum ScenarioSchemaProbes {
  /// The probes' JSON texts.
  static let documents: [String] = [
    // the world: repayment, macro shocks of every kind, channels, a campaign with every promotion, fees, co-lending, an experiment, seasoning and a horizon
    """
      {"name": "probe-world", "description": "every section of the world", "seed": 1, "periods": \
      12, "startMonth": 1, "population": {"size": 1000, "correlations": [{"between": \
      ["latentRisk", "creditScore"], "rho": -0.6}], "segments": [{"name": "segmentNormal", \
      "share": 1, "hidden": false, "borrower": "person", "behaviour": {"needRate": 0.1, \
      "priceMedian": 3000, "priceSigma": 0.8, "splitOffset": 0, "missOffset": 0, "rollOffset": 0, \
      "cureProbability": 0.3, "prepaymentRate": 0.01, "needHeterogeneity": 0.5, \
      "priceIncomeElasticity": 0.3}}]}, "demand": {"seasonality": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, \
      1, 1]}, "choice": {"split": {"intercept": 0, "priceToIncome": 0, "instalmentToIncome": 0, \
      "annualRate": -8, "interestFreePeriods": 0.2, "digitalAffinity": 0, "priceSensitivityRate": \
      0}, "payInFull": {"intercept": 0, "priceToIncome": 0}}, "repayment": {"miss": {"intercept": \
      -3, "latentRisk": 1, "burden": 1, "macro": 1}, "roll": {"intercept": 0, "latentRisk": 1, \
      "macro": 1, "byBucket": [0, 0, 0, 0]}, "cure": {"byBucket": [0, 0, 0, 0]}, "collections": \
      {"cureShift": 0, "rollShift": 0, "costPerDelinquentLoan": 5}, "chargeOffDaysPastDue": 180, \
      "lossGivenDefault": 0.85, "recoveryLagMonths": 3, "prepayment": {"partialShare": 0.2, \
      "partialFraction": 0.5, "costElasticity": 40}}, "macro": {"systematicFactor": 0, \
      "unemployment": [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], \
      "benchmarkRate": 0.035, "confidence": 100, "confidenceElasticity": 1, "sectors": {"mix": \
      {"3C": 0.5, "luxury": 0.5}, "stress": {"luxury": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}}, \
      "shocks": [{"kind": "recession", "start": 3, "rampMonths": 3, "points": 0.02, "holdMonths": \
      3, "recoveryMonths": 6}, {"kind": "sectorCollapse", "start": 4, "sector": "luxury", \
      "stopShare": 0.5}, {"kind": "aprCap", "start": 5, "cap": 0.24}, {"kind": "channelBan", \
      "start": 6, "channel": "sms"}, {"kind": "rateRise", "start": 7, "points": 0.01}], "vasicek":\
       {"rho": {"default": 0.04, "segmentBeta": 0.05}, "unemploymentSensitivity": 0.75, \
      "rateSensitivity": 0.1, "confidenceSensitivity": 0.2, "persistence": 0.6, "generator": \
      "annual"}, "scenarioSet": [{"name": "baseline", "weight": 0.6, "severity": 0}, {"name": \
      "adverse", "weight": 0.4, "severity": 1}]}, "approval": \
      {"minimumCreditScore": 550, "maxOpenLoans": 1, "maxDebtToIncome": 0.6}, "economics": \
      {"annualFundingRate": 0.04, "aprCap": 0.36}, "assignment": {"salt": "probe"}, "horizon": \
      {"runOff": 6, "discountRate": 0.05}, "channels": [{"name": "sms", "kind": "smsPhone", \
      "capacityPerPeriod": 100000, "costPerContact": 0.05, "costPerAcquisition": 10, \
      "revenueShare": 0, "responseMultiplier": 1, "fraudExposure": 1, "affinity": \
      {"segmentNormal": 1}, "frequencyCap": {"contacts": 2, "months": 1}, "ranksByPropensity": \
      false}], "marketing": {"fatigue": {"halfLifeMonths": 1.5, "lambda": 0.2, "optOutBase": \
      0.001, "optOutPerFatigue": 0.004, "complaintShare": 0.1}, "calendar": [{"name": "Double 11",\
       "month": 11, "demand": 1.5, "competition": 1.2}], "socialGraph": {"meanDegree": 6, \
      "tailExponent": 2.5, "communityMedian": 40, "bridgeShare": 0.15}}, "arms": [{"name": \
      "control", "allocation": 0.5, "costPerContact": 0, "offer": {"termMonths": 12, "pricing": \
      {"kind": "flatMonthlyFee", "rate": 0.006}, "interestFreePeriods": 0, "interestFreeFundedBy":\
       "lender", "fees": {"upfront": {"share": 0.01, "amount": 10, "financed": false}, "lateFee": \
      {"amount": 20, "share": 0.01, "cap": 100, "graceDays": 3}, "penaltyDailyRate": 0.0005, \
      "earlySettlement": {"rule": "fee", "share": 0.01}}}, "approval": {"minimumCreditScore": 560,\
       "maxOpenLoans": 2, "maxDebtToIncome": null}, "collections": {"cureShift": 0.1, "rollShift":\
       0, "costPerDelinquentLoan": 5}, "coLending": {"partnerShare": 0.5, "partnerRate": 0.06, \
      "guarantee": "platform", "guaranteeFeeRate": 0.01}, "channels": {"sms": 0.3}, "points": \
      {"perYuan": 1, "redeemAt": 1000, "voucher": 10, "tierThresholds": [1000, 5000, 20000]}, \
      "campaign": {"start": 2, "end": 3, "channels": {"sms": 0.5}, "offer": {"termMonths": 6, \
      "pricing": {"kind": "annualRate", "rate": 0.12}}, "firstPeriodFree": {"fundedBy": \
      "merchant"}, "discount": {"percent": 0.05, "amount": 0}, "lottery": {"probability": 0.01, \
      "prize": 1000, "weightingGamma": 0.61}, "urgency": {"pullForward": 0.2, "dipMonths": 2}, \
      "tierPrivilege": {"minimumTier": 2, "offer": {"termMonths": 12, "pricing": {"kind": \
      "annualRate", "rate": 0.1}}}, "referral": {"steps": [{"from": 1, "reward": 20}], \
      "inviteBase": 0.02, "invitePerYuan": 0.001, "warmResponse": 2, "invitedNeed": 0.3}}, \
      "segmentStrategies": [{"segments": ["segmentNormal"], "channels": {"sms": 0.2}, "offer": \
      {"termMonths": 12, "pricing": {"kind": "annualRate", "rate": 0.18}}, "pointsMultiplier": 1, \
      "maxPrincipal": 50000, "guaranteeRequired": false, "guaranteeTakeUp": 0.6, "serviceUtility":\
       0}]}, {"name": "treatment", "allocation": 0.5, "reachRate": 0.3, "offer": {"termMonths": \
      12, "pricing": {"kind": "annualRate", "rate": 0.18}, "fees": {"earlySettlement": {"rule": \
      "forfeitInterestFree"}}}}], "experiment": {"mode": "split", "control": "control", "alpha": \
      0.05, "stratifyBySegment": false, "prePeriods": 0, "clusterSize": 10, "replicates": 1, \
      "sequential": {"relativeEffect": 0.1}, "metrics": [{"name": "conversion"}, {"name": \
      "bad_debt_rate", "guardrail": {"maxIncrease": 0.01}}]}, "seasoning": {"burnInMonths": 12, \
      "reachRate": 0.3}}
    """,
    // the lender's decision stack with every setting, and targeting with every policy setting
    """
      {"name": "probe-stack", "seed": 1, "periods": 12, "population": {"size": 1000, "segments": \
      [{"name": "mainstream", "share": 0.5, "behaviour": {"needRate": 0.1, "priceMedian": 3000}}, \
      {"name": "smallFirms", "share": 0.5, "borrower": "firm", "behaviour": {"needRate": 0.1, \
      "priceMedian": 30000}}]}, "choice": {"split": {"intercept": 0}}, "repayment": {"miss": \
      {"intercept": -3}, "roll": {"intercept": 0}, "lossGivenDefault": 0.85}, "approval": \
      {"minimumCreditScore": 550}, "economics": {"annualFundingRate": 0.04}, "riskStack": \
      {"burnIn": {"customers": 2000, "months": 12, "outcomeMonths": 6}, "fraud": {"share": 0.0015,\
       "ringShare": 0.5, "ringSize": 6, "applyRate": 0.3, "amountMultiplier": 3, \
      "maxApplications3m": 4, "maxExternalApplications": 6, "maxDeviceApplicants": 3, \
      "anomalyThreshold": 0.62, "forestTrees": 100}, "pdModel": "gbdt", "propensityModel": "gbdt",\
       "model": {"trees": 40, "leaves": 15, "maxDepth": 5, "learningRate": 0.15, "minDataInLeaf": \
      50}, "pricing": {"operatingCost": 0.04, "margin": 0.04, "competitorRate": 0.18, \
      "competitorWeight": 0.3, "aprCap": 0.24, "declineAboveCap": false, "acceptanceIntercept": 3,\
       "acceptanceSlope": 12}, "creditLines": {"criteria": ["creditScore", "income"], "pairwise": \
      [[1, 2], [0.5, 1]], "tiers": [{"minimumScore": 0.2, "line": 3000}]}, "calibration": \
      {"confidence": [0.95, 0.99], "draws": 1000, "assetCorrelation": 0.12}, "retraining": \
      {"everyMonths": 3, "trees": 10}, "drift": {"watch": 0.1, "act": 0.25, "action": "none"}, \
      "rejectInference": {"method": "fuzzy", "badRateFactor": 1}, "explanations": \
      {"declineShare": 0.02, "approvalShare": 0.002, "reasons": 3}}, "targeting": \
      {"offers": [{"name": "standard", "termMonths": 12, \
      "pricing": {"kind": "annualRate", "rate": 0.18}, "interestFreePeriods": 0, \
      "interestFreeFundedBy": "lender", "discount": 0.1, "channel": "app", "fees": {"upfront": \
      {"share": 0.01}}}], "pilotMonths": 3, "pilotContactShare": 0.5, "organicSplitOffset": -4, \
      "organicDigitalAffinity": 4.5, "evaluationParts": 20}, "channels": [{"name": "app", "kind": \
      "app"}], "arms": [{"name": "model", "allocation": 0.5, "costPerContact": 0.5, "offer": \
      {"termMonths": 12, "pricing": {"kind": "annualRate", "rate": 0.18}}, "risk": {"decision": \
      "model", "riskAppetite": [0.06, 0.09], "fixedThreshold": 0.1, "fraudScreen": true, \
      "riskBasedPricing": true, "operational": {"incomeErrorShare": 0.01, "incomeErrorFactor": 10,\
       "misconfiguredMonths": [2, 3], "misconfiguredThreshold": 0.9, "outageMonths": [4, 5]}}, \
      "targeting": {"policy": "multiObjective", "budget": 0.2, "learner": "t", "weights": \
      {"conversion": 1, "repayment": 1, "orderValue": 0.2, "loss": 1, "cost": 1}}}, {"name": \
      "rule", "allocation": 0.5, "offer": {"termMonths": 12, "pricing": {"kind": "annualRate", \
      "rate": 0.18}}, "targeting": {"policy": "rule", "budget": 0.2, "ruleOffers": {"mainstream": \
      "standard"}}}]}
    """,
    // the business layer: prepaid categories with merchants, firms, sector shocks, the bureau, customer value, lines and recourse
    """
      {"name": "probe-stack", "seed": 1, "periods": 12, "population": {"size": 1000, "segments": \
      [{"name": "mainstream", "share": 0.5, "behaviour": {"needRate": 0.1, "priceMedian": 3000}}, \
      {"name": "smallFirms", "share": 0.5, "borrower": "firm", "behaviour": {"needRate": 0.1, \
      "priceMedian": 30000}}]}, "choice": {"split": {"intercept": 0}}, "repayment": {"miss": \
      {"intercept": -3}, "roll": {"intercept": 0}, "lossGivenDefault": 0.85}, "approval": \
      {"minimumCreditScore": 550}, "economics": {"annualFundingRate": 0.04}, "business": \
      {"disputeRate": 0.85, "categories": [{"name": "education", "kind": "prepaidService", \
      "priceMedian": 12000, "priceSigma": 0.5, "instalmentPropensity": 0.8, "terms": [{"months": \
      12, "weight": 3}], "merchantSubsidy": 0.5, "seasonality": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, \
      1], "needShare": {"mainstream": 1, "smallFirms": 1}, "merchants": {"count": 120, \
      "monthlyFailureHazard": 0.003, "sizeSkew": 0.8}}], "sectorShocks": [{"sector": \
      "manufacturing", "fromMonth": 5, "toMonth": 9, "revenueFactor": 0.55, "failureMultiplier": \
      2}, {"category": "education", "fromMonth": 5, "toMonth": 9, "revenueFactor": 0.7}], "firms":\
       {"sectors": [{"name": "manufacturing", "share": 1, "peakMonth": 11, "seasonalAmplitude": \
      0.3}], "employees": {"median": 12, "sigma": 0.8}, "receivableDays": {"min": 30, "max": 90}, \
      "yearsTrading": {"median": 6, "sigma": 0.7}, "amplitudeJitter": 0.5, "cashFlowSensitivity": \
      2, "yearsTradingEffect": 0.3, "sizeEffect": 0.2}, "bureau": {"eventLogit": -5.5, \
      "latentRiskWeight": 1, "dropPoints": 60, "recoveryRate": 0.05}, "customerValue": \
      {"annualDiscountRate": 0.12, "churnAfterMonths": 6}}, "arms": [{"name": "lines", \
      "allocation": 1, "reachRate": 1, "offer": {"termMonths": 12, "pricing": {"kind": \
      "annualRate", "rate": 0.12}}, "lines": {"initialIncomeMultiple": 1.5, "maxLine": 400000, \
      "reviewEveryMonths": 3, "raise": {"factor": 1.5, "minCleanMonths": 3, "minUtilisation": 0.2,\
       "maxIncomeMultiple": 4}, "cut": {"factor": 0.7, "monthsPastDue": 2}, "freeze": \
      {"monthsPastDue": 3, "bureauDrop": 0, "unfreezeCleanMonths": 3}}, "recourse": \
      {"clawbackShare": 0.9, "reserveRate": 0.15}}]}
    """,
    // a population drawn from a sample, latent risk from a column
    """
      {"name": "probe-stack", "seed": 1, "periods": 12, "population": {"size": 1000, "segments": \
      [{"name": "mainstream", "share": 0.5, "behaviour": {"needRate": 0.1, "priceMedian": 3000}}, \
      {"name": "smallFirms", "share": 0.5, "borrower": "firm", "behaviour": {"needRate": 0.1, \
      "priceMedian": 30000}}], "fromSample": {"file": "sample.csv", "columns": {"monthlyIncome": \
      "income"}, "segment": "segment", "latentRisk": {"fromColumn": "score", "higherIsRiskier": \
      false, "noise": 0.5}}}, "choice": {"split": {"intercept": 0}}, "repayment": {"miss": \
      {"intercept": -3}, "roll": {"intercept": 0}, "lossGivenDefault": 0.85}, "approval": \
      {"minimumCreditScore": 550}, "economics": {"annualFundingRate": 0.04}, "arms": [{"name": \
      "a", "allocation": 1, "reachRate": 0.3, "offer": {"termMonths": 12, "pricing": {"kind": \
      "annualRate", "rate": 0.12}}}]}
    """,
    // latent risk from weights; the built-in calendar, a matured run-off and one asset correlation
    """
      {"name": "probe-stack", "seed": 1, "periods": 12, "population": {"size": 1000, "segments": \
      [{"name": "mainstream", "share": 0.5, "behaviour": {"needRate": 0.1, "priceMedian": 3000}}, \
      {"name": "smallFirms", "share": 0.5, "borrower": "firm", "behaviour": {"needRate": 0.1, \
      "priceMedian": 30000}}], "fromSample": {"file": "sample.csv", "columns": {"monthlyIncome": \
      "income"}, "segment": "segment", "latentRisk": {"weights": {"score": 1}, "noise": 0.5}}}, \
      "choice": {"split": {"intercept": 0}}, "repayment": {"miss": {"intercept": -3}, "roll": \
      {"intercept": 0}, "lossGivenDefault": 0.85}, "approval": {"minimumCreditScore": 550}, \
      "economics": {"annualFundingRate": 0.04}, "arms": [{"name": "a", "allocation": 1, \
      "reachRate": 0.3, "offer": {"termMonths": 12, "pricing": {"kind": "annualRate", "rate": \
      0.12}}}], "marketing": {"calendar": "chinaRetail"}, "horizon": {"runOff": "matured"}, \
      "macro": {"vasicek": {"rho": 0.05}}}
    """,
  ]
}
