extension ScenarioTemplate {
  /// The `seasonal-campaign` template's text (see ``ScenarioTemplate/seasonalCampaign``).
  ///
  /// A 618 festival campaign through four channels (discount, urgency, referral rewards,
  /// points) against the always-on mix, counterfactual, run off until every loan has matured.
  static let seasonalCampaignText = #"""
    {
      "$schema": "scenario.schema.json",
      "$comment": "A festival campaign: a 618 promotion (discount, urgency, invite-a-friend rewards) through marketing channels, against the always-on plan, over the loans' whole life. Edit it, then `fenqi validate` this file and `fenqi run` it. Money is in yuan, time in months, and rates are fractions (0.05 = 5%).",
      "name": "seasonal-campaign",
      "description": "A 618 campaign on 20,000 customers over 6 months from March on a seasoned book: the festival arm contacts harder in May and June through four channels with a 5% discount, urgency that pulls demand forward, and stepped referral rewards. Every customer runs under both arms (counterfactual), and the run continues until the last loan has matured, so NPVs cover the loans' lifetime.",
      "seed": 20260618,
      "periods": 6,
      "startMonth": 3,
      "horizon": {
        "$comment": "After the 6-month window, keep collecting with no new loans until every loan has matured (the longest term + the months to charge-off + the recovery lag + 1); NPVs are discounted at discountRate a year.",
        "runOff": "matured",
        "discountRate": 0.08
      },
      "population": {
        "$comment": "The synthetic customers: segments with shares (summing to 1), attribute distributions and behaviour. Attributes a segment leaves out use the defaults of the field reference (fenqi schema --fields).",
        "size": 20000,
        "correlations": [
          { "between": ["latentRisk", "creditScore"], "rho": -0.7 },
          { "between": ["monthlyIncome", "membershipTier"], "rho": 0.4 }
        ],
        "segments": [
          {
            "name": "young",
            "share": 0.4,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.1, "sd": 1.0 },
              "monthlyIncome": { "kind": "logNormal", "median": 6500, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 645, "sd": 45 },
              "digitalAffinity": { "kind": "beta", "alpha": 7, "beta": 2 },
              "preferredChannel": { "kind": "categorical", "probabilities": [0.45, 0.25, 0.2, 0.02, 0.03, 0.02, 0.03] }
            },
            "behaviour": {
              "needRate": 0.1, "priceMedian": 3500, "priceSigma": 0.6, "splitOffset": 0.5,
              "cureProbability": 0.3, "prepaymentRate": 0.01
            }
          },
          {
            "name": "mainstream",
            "share": 0.6,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": -0.2, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 9000, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 680, "sd": 45 }
            },
            "behaviour": {
              "needRate": 0.08, "priceMedian": 4000, "priceSigma": 0.6,
              "cureProbability": 0.35, "prepaymentRate": 0.015
            }
          }
        ]
      },
      "choice": {
        "$comment": "Logit utilities of splitting the purchase into instalments and of paying in full (walking away has utility 0).",
        "split": {
          "intercept": -0.2, "priceToIncome": -0.6, "instalmentToIncome": -2.0, "annualRate": -3.0,
          "interestFreePeriods": 0.12, "digitalAffinity": 0.6, "priceSensitivityRate": -4.0
        },
        "payInFull": { "intercept": 0.2, "priceToIncome": -1.2 }
      },
      "repayment": {
        "$comment": "Monthly miss and roll hazards (logit scale); charge-off at 120 days past due; 85% of a charged-off balance is never recovered.",
        "miss": { "intercept": -3.8, "latentRisk": 0.9, "burden": 3.0 },
        "roll": { "intercept": 0.3, "latentRisk": 0.8 },
        "chargeOffDaysPastDue": 120,
        "lossGivenDefault": 0.85,
        "recoveryLagMonths": 3
      },
      "seasoning": {
        "$comment": "The lender's existing book: 12 months of lending (each customer reached with probability reachRate a month) before the campaign year starts.",
        "burnInMonths": 12, "reachRate": 0.35
      },
      "approval": { "minimumCreditScore": 610, "maxOpenLoans": 2, "maxDebtToIncome": 0.7 },
      "economics": { "annualFundingRate": 0.035 },
      "channels": [
        {
          "$comment": "Marketing channels the arms contact through: cost per contact (yuan), a cap on contacts a month, how strongly customers respond (responseMultiplier), per-segment affinity, and a frequency cap (at most `contacts` in `months`). kind is one of appPush, miniProgram, socialFeed, smsPhone, offlineStore, partnerBank, ecommercePartner.",
          "name": "appPush", "kind": "appPush", "capacityPerPeriod": 8000, "costPerContact": 0.01,
          "responseMultiplier": 0.8, "affinity": { "young": 1.3 },
          "frequencyCap": { "contacts": 4, "months": 3 }
        },
        {
          "$comment": "A social feed ranks customers by their chance to respond and shows the ad to the best first.",
          "name": "feed", "kind": "socialFeed", "capacityPerPeriod": 3000, "costPerContact": 0.05,
          "responseMultiplier": 1.3, "ranksByPropensity": true
        },
        {
          "name": "smsPhone", "kind": "smsPhone", "costPerContact": 0.12, "responseMultiplier": 0.9,
          "fraudExposure": 1.5, "frequencyCap": { "contacts": 2, "months": 3 }
        },
        {
          "$comment": "A partner mall's checkout: no cost per contact, but it keeps 1% of the financed amount.",
          "name": "mallCheckout", "kind": "ecommercePartner", "revenueShare": 0.01,
          "responseMultiplier": 1.6, "fraudExposure": 2.0
        }
      ],
      "marketing": {
        "$comment": "Contacts wear customers out (fatigue halves every halfLifeMonths; tired customers opt out and complain); festivals raise demand and competition in their month; referrals travel on a social graph.",
        "fatigue": { "halfLifeMonths": 1.5, "lambda": 0.25, "optOutBase": 0.002, "optOutPerFatigue": 0.01 },
        "calendar": [
          { "name": "618", "month": 6, "demand": 1.35, "competition": 1.25 },
          { "name": "Double 11", "month": 11, "demand": 1.8, "competition": 1.2 }
        ],
        "socialGraph": { "meanDegree": 6 }
      },
      "arms": [
        {
          "$comment": "channels: the monthly chance that each channel contacts a customer of this arm.",
          "name": "alwaysOn", "allocation": 0.5,
          "channels": { "appPush": 0.3, "feed": 0.1, "smsPhone": 0.05, "mallCheckout": 0.06 },
          "offer": { "termMonths": 12, "pricing": { "kind": "flatMonthlyFee", "rate": 0.006 } }
        },
        {
          "name": "festival618", "allocation": 0.5,
          "channels": { "appPush": 0.3, "feed": 0.1, "smsPhone": 0.05, "mallCheckout": 0.06 },
          "offer": { "termMonths": 12, "pricing": { "kind": "flatMonthlyFee", "rate": 0.006 } },
          "campaign": {
            "$comment": "The campaign runs in periods 3-4 (May and June): harder contact, a 5% discount on the price, urgency that pulls 30% of demand forward from the 2 months after it, and invite-a-friend cash rewards that step up with each friend who books.",
            "start": 3, "end": 4,
            "channels": { "appPush": 0.7, "feed": 0.3, "smsPhone": 0.2, "mallCheckout": 0.15 },
            "discount": { "percent": 0.05 },
            "urgency": { "pullForward": 0.3, "dipMonths": 2 },
            "referral": {
              "steps": [ { "from": 1, "reward": 20 }, { "from": 3, "reward": 40 } ],
              "inviteBase": 0.1, "invitePerYuan": 0.004, "warmResponse": 3, "invitedNeed": 0.5
            }
          },
          "points": {
            "$comment": "Loyalty points: perYuan points per yuan financed, a voucher of `voucher` yuan for every redeemAt points.",
            "perYuan": 0.01, "redeemAt": 100, "voucher": 10
          }
        }
      ],
      "experiment": {
        "$comment": "counterfactual: every customer runs under both arms with the same random draws, so the difference is the campaign's exact effect for this population, with no sampling noise.",
        "mode": "counterfactual",
        "control": "alwaysOn",
        "metrics": [
          { "name": "net_income_per_customer" },
          { "name": "conversion" },
          { "name": "bad_debt_rate", "guardrail": { "maxIncrease": 0.005 } }
        ]
      }
    }
    """#
}
