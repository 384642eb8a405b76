extension ScenarioTemplate {
  /// The `promotion-ab` template's text (see ``ScenarioTemplate/promotionAB``).
  ///
  /// A two-arm promotion A/B test: three merchant-funded interest-free months against the
  /// standard plan, a split experiment with guardrails, CUPED and sequential monitoring.
  static let promotionABText = #"""
    {
      "$schema": "scenario.schema.json",
      "$comment": "A two-arm promotion A/B test: does three interest-free months lift conversion without raising bad debt? Edit it, then `fenqi validate` this file and `fenqi run` it. Money is in yuan, time in months, and rates are fractions (0.05 = 5%).",
      "name": "promotion-ab",
      "description": "A split test of 3 merchant-funded interest-free months against the standard 12-month plan at a 0.6% monthly fee, on 20,000 customers over 6 months of a seasoned book. Conversion is the primary metric; bad debt may rise by at most half a point.",
      "$comment:seed": "Every random draw comes from this seed: the same file and seed give the same results.",
      "seed": 20260618,
      "$comment:periods": "Months to simulate (the test window); startMonth is the calendar month of the first (1 = January).",
      "periods": 6,
      "startMonth": 3,
      "population": {
        "$comment": "The synthetic customers. Each segment has a share (shares sum to 1), attribute distributions (margins) and behaviour; attributes a segment leaves out use the defaults of the field reference (fenqi schema --fields). latentRisk is the hidden creditworthiness that drives repayment: the lender never sees it, only the attributes correlated with it.",
        "size": 20000,
        "correlations": [
          { "between": ["latentRisk", "creditScore"], "rho": -0.7 },
          { "between": ["latentRisk", "debtToIncome"], "rho": 0.3 },
          { "between": ["monthlyIncome", "creditScore"], "rho": 0.3 }
        ],
        "segments": [
          {
            "name": "young",
            "share": 0.35,
            "attributes": {
              "$comment": "Margins: normal (mean, sd), logNormal (median, sigma), beta (alpha, beta; a fraction), uniform (min, max), poisson (mean), categorical (probabilities).",
              "latentRisk": { "kind": "normal", "mean": 0.2, "sd": 1.0 },
              "monthlyIncome": { "kind": "logNormal", "median": 6500, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 640, "sd": 45 },
              "age": { "kind": "uniform", "min": 20, "max": 30 },
              "digitalAffinity": { "kind": "beta", "alpha": 7, "beta": 2 }
            },
            "behaviour": {
              "$comment": "needRate: the chance of a purchase need in a month; priceMedian: the typical price in yuan (log-normal, spread priceSigma); splitOffset: extra appetite for instalments; cureProbability: the monthly chance a late loan catches up; prepaymentRate: the monthly chance a loan is repaid early.",
              "needRate": 0.09, "priceMedian": 3500, "priceSigma": 0.6, "splitOffset": 0.5,
              "cureProbability": 0.3, "prepaymentRate": 0.01, "needHeterogeneity": 0.8
            }
          },
          {
            "name": "mainstream",
            "share": 0.5,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": -0.2, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 9000, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 680, "sd": 45 },
              "membershipTier": { "kind": "categorical", "probabilities": [0.5, 0.3, 0.15, 0.05] }
            },
            "behaviour": {
              "needRate": 0.07, "priceMedian": 3500, "priceSigma": 0.6,
              "cureProbability": 0.35, "prepaymentRate": 0.015, "needHeterogeneity": 0.8
            }
          },
          {
            "name": "risky",
            "share": 0.15,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.9, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 5000, "sigma": 0.5 },
              "creditScore": { "kind": "normal", "mean": 600, "sd": 45 },
              "priorDelinquencies": { "kind": "poisson", "mean": 1.5 }
            },
            "behaviour": {
              "needRate": 0.09, "priceMedian": 3000, "priceSigma": 0.6, "splitOffset": 0.3,
              "cureProbability": 0.2, "prepaymentRate": 0.005, "needHeterogeneity": 0.8
            }
          }
        ]
      },
      "demand": {
        "$comment": "Need-rate multipliers by calendar month, January first.",
        "seasonality": [1.1, 1.3, 0.85, 0.9, 0.95, 1.35, 0.9, 0.95, 1.0, 1.0, 1.5, 1.25]
      },
      "choice": {
        "$comment": "How a customer with a need chooses between instalments (split), paying in full and walking away: logit utilities. Negative priceToIncome and annualRate make expensive purchases and plans less attractive; each interest-free period adds interestFreePeriods.",
        "split": {
          "intercept": -0.2, "priceToIncome": -0.6, "instalmentToIncome": -2.0, "annualRate": -3.0,
          "interestFreePeriods": 0.12, "digitalAffinity": 0.6, "priceSensitivityRate": -4.0
        },
        "payInFull": { "intercept": 0.2, "priceToIncome": -1.2 }
      },
      "repayment": {
        "$comment": "Monthly hazards on the logit scale: miss (a current loan misses an instalment) and roll (a late loan goes a bucket further). Loans are charged off at chargeOffDaysPastDue; lossGivenDefault is the share never recovered, recoveryLagMonths after the charge-off.",
        "miss": { "intercept": -4.15, "latentRisk": 0.9, "burden": 3.0 },
        "roll": { "intercept": 1.7, "latentRisk": 0.8, "byBucket": [-0.5, 0.0, 1.0, 2.87] },
        "chargeOffDaysPastDue": 120,
        "lossGivenDefault": 0.85,
        "recoveryLagMonths": 3
      },
      "approval": {
        "$comment": "The lender's rule: a bureau score floor, at most this many open loans, and a debt-to-income ceiling.",
        "minimumCreditScore": 615, "maxOpenLoans": 2, "maxDebtToIncome": 0.7
      },
      "economics": {
        "$comment": "The lender's cost of funds, a fraction a year.",
        "annualFundingRate": 0.035
      },
      "seasoning": {
        "$comment": "Grow a book for 18 months before the test starts, so late payments and charge-offs happen inside a 6-month window.",
        "burnInMonths": 18
      },
      "arms": [
        {
          "$comment": "The strategies compared. allocation: the share of customers assigned (allocations sum to 1); reachRate: the chance a customer is contacted in a month; costPerContact in yuan.",
          "name": "control", "allocation": 0.5, "reachRate": 0.35, "costPerContact": 0.6,
          "offer": {
            "$comment": "The instalment plan: termMonths, pricing (flatMonthlyFee: a fee on the principal each month; annualRate: an APR), interest-free periods and fees.",
            "termMonths": 12,
            "pricing": { "kind": "flatMonthlyFee", "rate": 0.006 },
            "fees": {
              "$comment": "A late fee of 15 yuan plus 5% of the missed instalment (at most 40 yuan, 3 days' grace) and penalty interest of 0.05% a day on overdue principal.",
              "lateFee": { "amount": 15, "share": 0.05, "cap": 40, "graceDays": 3 },
              "penaltyDailyRate": 0.0005
            }
          }
        },
        {
          "name": "interestFree3", "allocation": 0.5, "reachRate": 0.35, "costPerContact": 0.6,
          "offer": {
            "$comment": "The promotion: the first 3 months free of fees, paid for by the merchant.",
            "termMonths": 12,
            "pricing": { "kind": "flatMonthlyFee", "rate": 0.006 },
            "interestFreePeriods": 3, "interestFreeFundedBy": "merchant",
            "fees": {
              "lateFee": { "amount": 15, "share": 0.05, "cap": 40, "graceDays": 3 },
              "penaltyDailyRate": 0.0005
            }
          }
        }
      ],
      "experiment": {
        "$comment": "split: arms get disjoint random halves, as in a live test. The first metric without a guardrail is the primary one; a guardrail may not rise by more than maxIncrease (absolute). Stratified by segment; CUPED on 6 months of pre-test spend; watched every month with an always-valid sequential test (mSPRT) tuned to a 10% effect.",
        "mode": "split",
        "control": "control",
        "alpha": 0.05,
        "stratifyBySegment": true,
        "prePeriods": 6,
        "sequential": { "relativeEffect": 0.1 },
        "metrics": [
          { "name": "conversion" },
          { "name": "gmv_per_customer" },
          { "name": "net_income_per_customer" },
          { "name": "bad_debt_rate", "guardrail": { "maxIncrease": 0.005 } },
          { "name": "dpd30_plus_rate", "guardrail": { "maxIncrease": 0.01 } }
        ]
      }
    }
    """#
}
