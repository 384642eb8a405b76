extension ScenarioTemplate {
  /// The `stress` template's text (see ``ScenarioTemplate/stress``).
  ///
  /// A seasoned book under a macro path and shocks (recession, rate rise, sector collapse,
  /// APR cap) with Vasicek-correlated defaults: two credit policies, for `fenqi stress`.
  static let stressText = #"""
    {
      "$schema": "scenario.schema.json",
      "$comment": "A stress test: a seasoned book under a macro path and shocks (a recession, a rate rise, a sector collapse, a lower APR cap), with correlated defaults (Vasicek). `fenqi run` simulates the mean path; `fenqi stress` draws many paths of the systematic factor for loss distributions (VaR, expected shortfall). Money is in yuan, time in months, and rates are fractions (0.05 = 5%).",
      "name": "stress",
      "description": "Two credit policies for a seasoned book of 20,000 customers over 18 months from January under a recession from month 4 (unemployment +2.5 points), a half-point rate rise in month 6, education merchants collapsing in month 7 and the APR cap cut to 24% in month 9. growth approves down to a 580 bureau score; prudent needs 640.",
      "seed": 20261124,
      "periods": 18,
      "startMonth": 1,
      "population": {
        "$comment": "The synthetic customers: segments with shares (summing to 1), attribute distributions and behaviour. Attributes a segment leaves out use the defaults of the field reference (fenqi schema --fields).",
        "size": 20000,
        "correlations": [
          { "between": ["latentRisk", "creditScore"], "rho": -0.7 },
          { "between": ["latentRisk", "incomeStability"], "rho": -0.3 }
        ],
        "segments": [
          {
            "name": "prime",
            "share": 0.6,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": -0.4, "sd": 0.8 },
              "monthlyIncome": { "kind": "logNormal", "median": 11000, "sigma": 0.45 },
              "creditScore": { "kind": "normal", "mean": 690, "sd": 40 },
              "incomeStability": { "kind": "beta", "alpha": 6, "beta": 2 }
            },
            "behaviour": {
              "needRate": 0.07, "priceMedian": 4000, "priceSigma": 0.6,
              "cureProbability": 0.4, "prepaymentRate": 0.02
            }
          },
          {
            "name": "nearPrime",
            "share": 0.4,
            "attributes": {
              "latentRisk": { "kind": "normal", "mean": 0.6, "sd": 0.9 },
              "monthlyIncome": { "kind": "logNormal", "median": 6000, "sigma": 0.5 },
              "creditScore": { "kind": "normal", "mean": 615, "sd": 45 },
              "incomeStability": { "kind": "beta", "alpha": 3, "beta": 3 },
              "priorDelinquencies": { "kind": "poisson", "mean": 1.0 }
            },
            "behaviour": {
              "needRate": 0.09, "priceMedian": 3000, "priceSigma": 0.6, "splitOffset": 0.3,
              "cureProbability": 0.25, "prepaymentRate": 0.005
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
        "$comment": "Monthly miss and roll hazards (logit scale). The `macro` coefficients carry the systematic factor into them: a recession raises misses and rolls. Collections cost 8 yuan a month per late loan and help it cure.",
        "miss": { "intercept": -4.0, "latentRisk": 0.9, "burden": 3.0, "macro": 0.5 },
        "roll": { "intercept": 0.3, "latentRisk": 0.8, "macro": 0.3 },
        "collections": { "cureShift": 0.3, "costPerDelinquentLoan": 8 },
        "chargeOffDaysPastDue": 120,
        "lossGivenDefault": 0.85,
        "recoveryLagMonths": 3
      },
      "macro": {
        "$comment": "The economy month by month: unemployment and the benchmark rate as fractions, consumer confidence as an index (100 = normal). A number is constant; a list is a monthly path at least `periods` long. Lower confidence lowers demand (confidenceElasticity).",
        "unemployment": 0.052,
        "benchmarkRate": 0.0345,
        "confidence": [100, 100, 100, 97, 94, 91, 90, 90, 91, 93, 95, 97, 98, 99, 100, 100, 100, 100],
        "confidenceElasticity": 1.0,
        "sectors": {
          "$comment": "What loans finance (mix: shares summing to 1) and extra default-rate multipliers by month for a sector (stress).",
          "mix": { "electronics": 0.5, "education": 0.2, "luxury": 0.3 },
          "stress": { "luxury": [1, 1, 1, 1.1, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 1, 1, 1, 1, 1, 1, 1, 1] }
        },
        "shocks": [
          {
            "$comment": "Unemployment rises 2.5 points over 3 months from month 4, holds 4 months, recovers over 6.",
            "kind": "recession", "start": 4, "rampMonths": 3, "points": 0.025, "holdMonths": 4, "recoveryMonths": 6
          },
          { "$comment": "The benchmark rate rises half a point.", "kind": "rateRise", "start": 6, "points": 0.005 },
          {
            "$comment": "Education merchants collapse: 40% of education lending stops.",
            "kind": "sectorCollapse", "start": 7, "sector": "education", "stopShare": 0.4
          },
          { "$comment": "The regulator caps APRs at 24%.", "kind": "aprCap", "start": 9, "cap": 0.24 }
        ],
        "vasicek": {
          "$comment": "Correlated defaults (Vasicek one-factor): rho is the asset correlation (Basel retail uses 0.04); the sensitivities turn unemployment, the rate and confidence into the systematic factor, which keeps `persistence` of last month's value.",
          "rho": 0.05,
          "unemploymentSensitivity": 0.75, "rateSensitivity": 0.1, "confidenceSensitivity": 0.2,
          "persistence": 0.6
        }
      },
      "approval": { "minimumCreditScore": 600, "maxOpenLoans": 2, "maxDebtToIncome": 0.7 },
      "economics": { "annualFundingRate": 0.035 },
      "seasoning": {
        "$comment": "Grow the book for 12 months before month 1, so the stress hits loans already on the book.",
        "burnInMonths": 12
      },
      "arms": [
        {
          "$comment": "Two credit policies: each arm's `approval` overrides the scenario's rule.",
          "name": "growth", "allocation": 0.5, "reachRate": 0.6, "costPerContact": 0.08,
          "offer": {
            "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.22 },
            "fees": {
              "$comment": "An upfront service fee of 1% of the principal, paid at booking; settling early costs 2% of the principal settled.",
              "upfront": { "share": 0.01 },
              "earlySettlement": { "rule": "fee", "share": 0.02 }
            }
          },
          "approval": { "minimumCreditScore": 580, "maxOpenLoans": 3, "maxDebtToIncome": 0.9 }
        },
        {
          "name": "prudent", "allocation": 0.5, "reachRate": 0.5, "costPerContact": 0.08,
          "offer": {
            "termMonths": 12, "pricing": { "kind": "annualRate", "rate": 0.22 },
            "fees": {
              "upfront": { "share": 0.01 },
              "earlySettlement": { "rule": "fee", "share": 0.02 }
            }
          },
          "approval": { "minimumCreditScore": 640, "maxOpenLoans": 1, "maxDebtToIncome": 0.6 }
        }
      ],
      "experiment": {
        "$comment": "Both policies on every customer (counterfactual), compared on net income with bad debt beside it.",
        "mode": "counterfactual",
        "control": "prudent",
        "metrics": [ { "name": "net_income_per_customer" }, { "name": "bad_debt_rate" } ]
      }
    }
    """#
}
