import FenqiCore
import FenqiPopulation

extension ScenarioFieldDocs {
  /// The scenario's identity and size.
  static let foundation: [String: FieldDoc] = [
    "$.name": doc(
      "The scenario's name: it names the default result folder and heads the reports. 1–100 characters, no control characters."
    ),
    "$.description": doc(
      "What the scenario is for, in a sentence or two; shown in the reports."),
    "$.seed": doc(
      "The seed of every random stream: the same scenario and seed give byte-identical results at any thread count.",
      typical: "any integer; change it to see another draw of the same world"),
    "$.periods": doc(
      "Months simulated: the planning window (a run-off in `horizon` comes after it).",
      unit: "months", typical: "12 for a year's plan; 3–6 for a campaign"),
    "$.startMonth": doc(
      "Calendar month of period 1 (1 = January): sets seasonality and festival dates.",
      unit: "calendar month 1–12"),
    "$.population": doc(
      "The synthetic customers: how many, their segments and the margins and correlations of their attributes."
    ),
    "$.population.size": doc(
      "Customers simulated (the whole population; arms split it by `allocation`). Must fit in this machine's memory.",
      unit: "customers",
      typical: "10,000 to try a scenario; 100,000–1,000,000 for decisions"),
    "$.population.attributes": doc(
      "Default margins of customer attributes for every segment; a segment's own `attributes` override them."
    ),
    "$.population.correlations": doc(
      "Gaussian-copula correlations between attributes, each pair once; together they must form a positive-definite matrix."
    ),
    "$.population.correlations[].between": shaped(
      "The two attributes correlated (attribute names, e.g. \"latentRisk\", \"creditScore\").",
      array(
        typed(
          "string",
          [
            (
              "enum",
              .array(CustomerAttribute.allCases.map { .string($0.name) })
            )
          ]),
        count: 2)),
    "$.population.correlations[].rho": doc(
      "Their correlation in the copula.",
      typical: "−0.6 for latent risk and credit score"),
    "$.population.segments": doc(
      "Customer segments (at most 250): each a share of the population with its own margins and behaviour."
    ),
    "$.population.segments[].name": doc(
      "The segment's name, used in reports and by other fields."),
    "$.population.segments[].share": doc(
      "The segment's share of the population; the shares sum to 1.",
      unit: "fraction"),
    "$.population.segments[].hidden": doc(
      "A segment the lender cannot see (for example a fraud ring): reports show it, policies cannot target it."
    ),
    "$.population.segments[].borrower": doc(
      "Who borrows: a person, or a small firm (a firm segment needs `business.firms`)."
    ),
    "$.population.segments[].attributes": doc(
      "Margins for this segment's attributes, overriding `population.attributes`."
    ),
    "$.population.segments[].behaviour": doc(
      "How this segment needs credit, chooses and repays."),
    "$.population.fromSample": doc(
      "Draw the population's attributes from a customer sample file instead of the margins."
    ),
    "$.population.fromSample.file": doc(
      "The sample CSV, relative to the scenario file's folder."),
    "$.population.fromSample.columns": shaped(
      "Which sample column gives each attribute: {attribute: column}.",
      map(typed("string"))),
    "$.population.fromSample.segment": doc(
      "The sample column whose values name the segments (optional)."),
    "$.population.fromSample.latentRisk": shaped(
      "How latent risk is formed from the sample: {\"fromColumn\": column, \"higherIsRiskier\": bool, \"noise\": sd} or {\"weights\": {column: weight}, \"noise\": sd}.",
      typed("object")),
  ]

  /// Margins of every attribute, wherever attributes are given.
  static let population: [String: FieldDoc] = {
    var out: [String: FieldDoc] = [:]
    let meanings: [(CustomerAttribute, String, String?)] = [
      (
        .latentRisk,
        "Latent credit risk (a standard-normal score the lender never sees)",
        nil
      ),
      (.monthlyIncome, "Monthly income", "yuan a month"),
      (
        .incomeStability, "Stability of income (0 volatile, 1 stable)",
        "fraction"
      ),
      (.debtToIncome, "Existing debt service ÷ income", "fraction"),
      (.creditHistoryMonths, "Length of the bureau file", "months"),
      (.priorDelinquencies, "Delinquencies on the bureau file", "count"),
      (.creditScore, "Bureau credit score", "points"),
      (.age, "Age (clamped to ≥ 18)", "years"),
      (.cityTier, "City tier (5 tiers, tier 1 first)", nil),
      (.digitalAffinity, "Affinity for digital channels", "fraction"),
      (.priceSensitivity, "Sensitivity to price", "fraction"),
      (.membershipTier, "Membership tier (none, silver, gold, platinum)", nil),
      (.preferredChannel, "Preferred channel (7 kinds)", nil),
    ]
    for (attribute, meaning, unit) in meanings {
      let base = "*.attributes.\(attribute.name)"
      out[base] = doc("\(meaning): its margin.", unit: unit)
      out[base + ".kind"] = doc(
        "The margin's family: normal (mean, sd), logNormal (median, sigma), uniform (min, max), beta (alpha, beta, min, max), poisson (mean), categorical (probabilities)."
      )
      out[base + ".mean"] = doc(
        "Mean of a normal or Poisson margin.", unit: unit)
      out[base + ".sd"] = doc(
        "Standard deviation of a normal margin.", unit: unit)
      out[base + ".median"] = doc("Median of a log-normal margin.", unit: unit)
      out[base + ".sigma"] = doc("σ of the log of a log-normal margin.")
      out[base + ".min"] = doc(
        "Lower end of a uniform or beta margin.", unit: unit)
      out[base + ".max"] = doc(
        "Upper end of a uniform or beta margin.", unit: unit)
      out[base + ".alpha"] = doc("α of a beta margin.")
      out[base + ".beta"] = doc("β of a beta margin.")
      out[base + ".probabilities"] = doc(
        "Probabilities of a categorical margin's levels, in order; they sum to 1.",
        unit: "fractions")
    }
    return out
  }()

  /// A segment's behaviour.
  static let behaviour: [String: FieldDoc] = [
    "*.behaviour.needRate": doc(
      "Probability a customer needs a purchase in a month (before seasonality and festivals).",
      unit: "fraction a month", typical: "0.05–0.25"),
    "*.behaviour.priceMedian": doc(
      "Median price of a needed purchase.", unit: "yuan", typical: "1,000–8,000"
    ),
    "*.behaviour.priceSigma": doc(
      "σ of the log price (its spread).", typical: "0.5–1.0"),
    "*.behaviour.splitOffset": doc(
      "Logit shift of choosing instalments over paying at once.", unit: "logit"),
    "*.behaviour.missOffset": doc(
      "Logit shift of missing a payment.", unit: "logit"),
    "*.behaviour.rollOffset": doc(
      "Logit shift of rolling to the next delinquency bucket.", unit: "logit"),
    "*.behaviour.cureProbability": doc(
      "Monthly probability a delinquent loan cures.", unit: "fraction a month",
      typical: "0.2–0.4"),
    "*.behaviour.prepaymentRate": doc(
      "Monthly probability of settling early (before its cost's effect).",
      unit: "fraction a month", typical: "0–0.03"),
    "*.behaviour.needHeterogeneity": doc(
      "Spread h of each customer's fixed need multiplier exp(h·w − h²/2), w ~ N(0, 1).",
      typical: "0–1"),
    "*.behaviour.priceIncomeElasticity": doc(
      "Price × (income ÷ the segment's median income)^ε: richer customers buy dearer.",
      typical: "0–0.6"),
  ]
}
