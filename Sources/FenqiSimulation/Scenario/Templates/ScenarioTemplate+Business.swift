extension ScenarioTemplate {
  /// The `business` template's text (see ``ScenarioTemplate/business``).
  ///
  /// Merchants, prepaid services and small firms on credit lines: recourse against none,
  /// and a co-lent arm.
  static let businessText = #"""
    {
      "$schema": "scenario.schema.json",
      "$comment": "A business book: consumers buy goods and prepaid services (courses) from merchants who can fail, small firms buy equipment and materials on credit lines, and the lender either claws disputed balances back from failed merchants (recourse) or bears them. Edit it, then `fenqi validate` this file and `fenqi run` it. Money is in yuan, time in months, and rates are fractions (0.05 = 5%).",
      "name": "business",
      "description": "Merchant and supply-chain lending on 14,000 consumers and 6,000 small firms over 12 months from January. Education merchants sell prepaid courses and collapse in months 6-8; manufacturing revenue slumps to 60% in months 5-9. recourse claws 90% of a disputed balance back from the merchant (up to a 15% reserve); noRecourse bears it; partnerFunded is recourse with a bank funding 70% of each loan under the platform's guarantee. Every arm manages credit lines.",
      "seed": 20261124,
      "periods": 12,
      "startMonth": 1,
      "population": {
        "$comment": "Consumers and firms in one population. A segment whose borrower is `firm` holds small firms: its monthlyIncome is the firm's monthly revenue and its creditScore the owner's.",
        "size": 20000,
        "correlations": [ { "between": ["latentRisk", "creditScore"], "rho": -0.7 } ],
        "segments": [
          {
            "name": "consumers",
            "share": 0.7,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.0, "sd": 1.0 },
              "monthlyIncome": { "kind": "logNormal", "median": 8000, "sigma": 0.5 },
              "creditScore": { "kind": "normal", "mean": 660, "sd": 50 }
            },
            "behaviour": {
              "needRate": 0.08, "priceMedian": 4000, "priceSigma": 0.6,
              "cureProbability": 0.3, "prepaymentRate": 0.01, "priceIncomeElasticity": 0.5
            }
          },
          {
            "name": "smallFirms",
            "share": 0.3,
            "borrower": "firm",
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.1, "sd": 1.0 },
              "monthlyIncome": { "kind": "logNormal", "median": 120000, "sigma": 0.6 },
              "creditScore": { "kind": "normal", "mean": 640, "sd": 55 },
              "debtToIncome": { "kind": "beta", "alpha": 2, "beta": 8 },
              "age": { "kind": "normal", "mean": 42, "sd": 9 }
            },
            "behaviour": {
              "needRate": 0.1, "priceMedian": 30000, "priceSigma": 0.6, "splitOffset": 0.8,
              "cureProbability": 0.3, "prepaymentRate": 0.01, "priceIncomeElasticity": 0.8
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
        "miss": { "intercept": -4.0, "latentRisk": 0.9, "burden": 3.0 },
        "roll": { "intercept": 0.3, "latentRisk": 0.8 },
        "chargeOffDaysPastDue": 120,
        "lossGivenDefault": 0.85,
        "recoveryLagMonths": 3
      },
      "approval": { "minimumCreditScore": 590, "maxOpenLoans": 3, "maxDebtToIncome": 0.8 },
      "economics": { "annualFundingRate": 0.04 },
      "business": {
        "$comment": "Merchant categories: each has a log-normal price (priceMedian in yuan), instalmentPropensity (0.5 neutral), typical terms (months, weights) and needShare (how much of each segment's need falls on it; every segment needs a category above 0). merchantSubsidy: the share of forgone interest the merchants pay. A prepaidService is delivered month by month: when its merchant fails, a borrower disputes (disputeRate) and stops paying.",
        "disputeRate": 0.85,
        "categories": [
          {
            "name": "electronics", "kind": "goods", "priceMedian": 4500, "priceSigma": 0.6,
            "instalmentPropensity": 0.55, "merchantSubsidy": 1.0,
            "terms": [ { "months": 6, "weight": 1 }, { "months": 12, "weight": 2 } ],
            "needShare": { "consumers": 3 }
          },
          {
            "$comment": "Prepaid courses sold by 60 merchants, each failing with a 0.3% chance a month (sizeSkew: how unequal their sales are).",
            "name": "education", "kind": "prepaidService", "priceMedian": 12000, "priceSigma": 0.5,
            "instalmentPropensity": 0.8, "merchantSubsidy": 0.5,
            "terms": [ { "months": 12, "weight": 1 } ],
            "needShare": { "consumers": 1 },
            "merchants": { "count": 60, "monthlyFailureHazard": 0.003, "sizeSkew": 0.8 }
          },
          {
            "name": "equipment", "kind": "goods", "priceMedian": 50000, "priceSigma": 0.5,
            "instalmentPropensity": 0.7, "merchantSubsidy": 1.0,
            "terms": [ { "months": 12, "weight": 1 }, { "months": 24, "weight": 1 } ],
            "needShare": { "smallFirms": 1 },
            "merchants": { "count": 10, "monthlyFailureHazard": 0.002 }
          }
        ],
        "sectorShocks": [
          {
            "$comment": "Education merchants fail 40 times as often in months 6-8.",
            "category": "education", "fromMonth": 6, "toMonth": 8, "failureMultiplier": 40
          },
          {
            "$comment": "Manufacturing firms' revenue falls to 60% in months 5-9.",
            "sector": "manufacturing", "fromMonth": 5, "toMonth": 9, "revenueFactor": 0.6
          }
        ],
        "firms": {
          "$comment": "Firms' sectors (share, the month revenue peaks, how seasonal it is), size, and how long their customers take to pay (receivableDays); repayment follows the cash that comes in.",
          "sectors": [
            { "name": "manufacturing", "share": 0.5, "peakMonth": 11, "seasonalAmplitude": 0.3 },
            { "name": "retail", "share": 0.5, "peakMonth": 12, "seasonalAmplitude": 0.35 }
          ],
          "employees": { "median": 12, "sigma": 0.8 },
          "receivableDays": { "min": 30, "max": 90 },
          "cashFlowSensitivity": 2.0
        },
        "customerValue": {
          "$comment": "Lifetime value: each customer's net cash flows discounted at this rate a year.",
          "annualDiscountRate": 0.12
        }
      },
      "arms": [
        {
          "$comment": "recourse: claw back 90% of a disputed balance from the failed merchant, limited by a reserve of 15% of each financed sale.",
          "name": "recourse", "allocation": 0.34, "reachRate": 0.8,
          "offer": {
            "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 },
            "interestFreePeriods": 3, "interestFreeFundedBy": "merchant"
          },
          "recourse": { "clawbackShare": 0.9, "reserveRate": 0.15 },
          "lines": {
            "$comment": "Credit lines: open at initialIncomeMultiple × monthly income (at most maxLine yuan), reviewed every 3 months; raised after clean months with rising use, cut after late payments, frozen at 2 months past due.",
            "initialIncomeMultiple": 1.5, "maxLine": 200000, "reviewEveryMonths": 3,
            "raise": { "factor": 1.3, "minCleanMonths": 6, "minUtilisation": 0.3, "maxIncomeMultiple": 4 },
            "cut": { "factor": 0.5, "monthsPastDue": 1 },
            "freeze": { "monthsPastDue": 2, "unfreezeCleanMonths": 6 }
          }
        },
        {
          "name": "noRecourse", "allocation": 0.33, "reachRate": 0.8,
          "offer": {
            "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 },
            "interestFreePeriods": 3, "interestFreeFundedBy": "merchant"
          },
          "lines": { "initialIncomeMultiple": 1.5, "maxLine": 200000 }
        },
        {
          "name": "partnerFunded", "allocation": 0.33, "reachRate": 0.8,
          "offer": {
            "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 },
            "interestFreePeriods": 3, "interestFreeFundedBy": "merchant"
          },
          "recourse": { "clawbackShare": 0.9, "reserveRate": 0.15 },
          "lines": { "initialIncomeMultiple": 1.5, "maxLine": 200000 },
          "coLending": {
            "$comment": "A partner bank funds 70% of each loan at 5.5% a year; the platform guarantees it and earns a 2% guarantee fee a year on the partner's share.",
            "partnerShare": 0.7, "partnerRate": 0.055, "guarantee": "platform", "guaranteeFeeRate": 0.02
          }
        }
      ],
      "experiment": {
        "$comment": "Every customer under every arm (counterfactual): the exact difference recourse and funding make.",
        "mode": "counterfactual",
        "control": "noRecourse",
        "metrics": [ { "name": "net_income_per_customer" }, { "name": "bad_debt_rate" } ]
      }
    }
    """#
}
