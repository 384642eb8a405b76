extension ScenarioTemplate {
  /// The `risk-stack` template's text (see ``ScenarioTemplate/riskStack``).
  ///
  /// The lender's decision stack (fraud screen, PD model, risk-based pricing, AHP credit
  /// lines, calibrated thresholds) under three policies.
  static let riskStackText = #"""
    {
      "$schema": "scenario.schema.json",
      "$comment": "The lender's decision stack on every application: a fraud screen, a PD (probability of default) model trained on a simulated history, risk-based pricing under an APR cap, credit lines by AHP, and thresholds calibrated to a risk appetite. Three policies share the stack. Edit it, then `fenqi validate` this file and `fenqi run` it. Money is in yuan, time in months, and rates are fractions (0.05 = 5%).",
      "name": "risk-stack",
      "description": "Three credit policies on 20,000 customers over 12 months under one decision stack: approveAll (the PD model off, the fraud screen on), moderate (thresholds calibrated to lose at most 6% at 95% confidence and 9% at 99%) and strict (3% and 4.5%). A hidden fraud ring applies for large amounts and never pays.",
      "seed": 20261125,
      "periods": 12,
      "startMonth": 1,
      "population": {
        "$comment": "The synthetic customers: segments with shares (summing to 1), attribute distributions and behaviour. A hidden segment is left out of the lender's reports by segment (fraudsters, say).",
        "size": 20000,
        "correlations": [
          { "between": ["latentRisk", "creditScore"], "rho": -0.7 },
          { "between": ["latentRisk", "debtToIncome"], "rho": 0.3 },
          { "between": ["latentRisk", "priorDelinquencies"], "rho": 0.4 }
        ],
        "segments": [
          {
            "name": "mainstream",
            "share": 0.7,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": -0.2, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 9000, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 680, "sd": 45 }
            },
            "behaviour": {
              "needRate": 0.08, "priceMedian": 3500, "priceSigma": 0.6,
              "cureProbability": 0.35, "prepaymentRate": 0.015
            }
          },
          {
            "name": "risky",
            "share": 0.29,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.9, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 5000, "sigma": 0.5 },
              "creditScore": { "kind": "normal", "mean": 600, "sd": 45 },
              "priorDelinquencies": { "kind": "poisson", "mean": 1.5 },
              "debtToIncome": { "kind": "beta", "alpha": 3, "beta": 4 }
            },
            "behaviour": {
              "needRate": 0.1, "priceMedian": 3000, "priceSigma": 0.6, "splitOffset": 0.3,
              "cureProbability": 0.2, "prepaymentRate": 0.005
            }
          },
          {
            "name": "fraudRing",
            "share": 0.01,
            "hidden": true,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 2.5, "sd": 0.5 },
              "creditScore": { "kind": "normal", "mean": 660, "sd": 50 },
              "creditHistoryMonths": { "kind": "logNormal", "median": 8, "sigma": 0.6 }
            },
            "behaviour": {
              "needRate": 0.12, "priceMedian": 6000, "priceSigma": 0.6, "splitOffset": 1,
              "missOffset": 6, "rollOffset": 5, "cureProbability": 0, "prepaymentRate": 0
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
      "approval": {
        "$comment": "The foundation's rule: the burn-in history is booked under it, and an arm whose risk decision is `rule` uses it.",
        "minimumCreditScore": 600, "maxOpenLoans": 2, "maxDebtToIncome": 0.7
      },
      "economics": {
        "$comment": "The cost of funds a year, and the regulatory APR cap: every offer's true APR (fees included) must be at or below it.",
        "annualFundingRate": 0.035, "aprCap": 0.24
      },
      "riskStack": {
        "$comment": "Before month 1 a history is simulated (burnIn: customers, months, and outcomeMonths for loans to show whether they go bad, 90+ days past due); the PD and propensity models learn from it. The models never see a customer's latent risk.",
        "burnIn": { "customers": 10000, "months": 12, "outcomeMonths": 6 },
        "fraud": {
          "$comment": "A share of fraudsters (half of them in rings sharing devices) apply often for large amounts and never pay. The screen declines on rules (applications in 3 months, applications to other lenders, applicants per device) and on an isolation-forest anomaly score.",
          "share": 0.004, "ringShare": 0.5, "ringSize": 6, "applyRate": 0.5, "amountMultiplier": 3,
          "maxApplications3m": 4, "maxExternalApplications": 6, "maxDeviceApplicants": 3,
          "anomalyThreshold": 0.62, "forestTrees": 50
        },
        "pdModel": "gbdt",
        "propensityModel": "gbdt",
        "model": {
          "$comment": "The first fit of both models (gradient-boosted trees).",
          "trees": 30, "leaves": 15, "maxDepth": 5, "learningRate": 0.15, "minDataInLeaf": 50
        },
        "pricing": {
          "$comment": "Risk-based pricing: APR = funding + expected loss + operatingCost + margin, pulled toward competitorRate by competitorWeight, never above aprCap. The customer accepts the price with probability σ(acceptanceIntercept − acceptanceSlope × price sensitivity × APR).",
          "operatingCost": 0.04, "margin": 0.04, "competitorRate": 0.18, "competitorWeight": 0.3,
          "aprCap": 0.24, "declineAboveCap": true, "acceptanceIntercept": 3, "acceptanceSlope": 12
        },
        "creditLines": {
          "$comment": "Credit lines by AHP: criteria weighted by the pairwise comparison matrix (row i compared with column j: 2 = twice as important); the composite score picks the highest tier it reaches (line in yuan). Below the first tier the application is declined.",
          "criteria": ["creditScore", "income", "debtRatio"],
          "pairwise": [[1, 2, 3], [0.5, 1, 2], [0.3333333333333333, 0.5, 1]],
          "tiers": [
            { "minimumScore": 0.2, "line": 3000 },
            { "minimumScore": 0.45, "line": 10000 },
            { "minimumScore": 0.7, "line": 30000 }
          ]
        },
        "calibration": {
          "$comment": "Each month a model arm's PD threshold is set so that last month's applicants would lose at most the arm's risk appetite at each confidence level, over `draws` draws of correlated defaults (Vasicek, assetCorrelation).",
          "confidence": [0.95, 0.99], "draws": 500, "assetCorrelation": 0.12
        },
        "retraining": {
          "$comment": "Every 3 months each model arm adds 10 trees, learning from the loans it booked itself.",
          "everyMonths": 3, "trees": 10
        },
        "explanations": {
          "$comment": "Shares of declines and approvals written to decisions.csv with their top reasons.",
          "declineShare": 0.02, "approvalShare": 0.002, "reasons": 3
        }
      },
      "arms": [
        {
          "$comment": "risk.decision: `model` (the PD model against a calibrated threshold), `rule` (the approval rule) or `approveAll` (the PD model off; the fraud screen still on).",
          "name": "approveAll", "allocation": 0.34, "reachRate": 0.6, "costPerContact": 0.08,
          "offer": { "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 } },
          "risk": { "decision": "approveAll" }
        },
        {
          "$comment": "riskAppetite: the largest loss rate tolerated at each calibration confidence level (95% and 99%).",
          "name": "moderate", "allocation": 0.33, "reachRate": 0.6, "costPerContact": 0.08,
          "offer": { "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 } },
          "risk": { "decision": "model", "riskAppetite": [0.06, 0.09] }
        },
        {
          "name": "strict", "allocation": 0.33, "reachRate": 0.6, "costPerContact": 0.08,
          "offer": { "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.18 } },
          "risk": { "decision": "model", "riskAppetite": [0.03, 0.045] }
        }
      ]
    }
    """#
}
