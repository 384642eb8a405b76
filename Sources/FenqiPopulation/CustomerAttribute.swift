import FenqiCore

/// Every attribute a synthetic customer carries; each is one coordinate of the Gaussian copula.
///
/// Raw values are the copula's coordinate order and are append-only.
public enum CustomerAttribute: Int, CaseIterable, Sendable {
  /// The latent true default propensity on a standard-normal scale (higher = riskier). The
  /// lender never observes it; hazards are logistic in it.
  case latentRisk = 0
  /// Monthly income, yuan.
  case monthlyIncome
  /// Income stability in [0, 1] (1 = salaried and steady).
  case incomeStability
  /// Existing debt service ÷ monthly income, a fraction.
  case debtToIncome
  /// Length of credit history, months.
  case creditHistoryMonths
  /// Count of past delinquencies on the bureau file.
  case priorDelinquencies
  /// Bureau-style credit score (points, for example 350–950).
  case creditScore
  /// Age, years.
  case age
  /// City tier index: 0 = tier 1 (Beijing, Shanghai…) … 4 = tier 5.
  case cityTier
  /// Digital affinity in [0, 1]: how much the customer lives in apps.
  case digitalAffinity
  /// Price sensitivity in [0, 1].
  case priceSensitivity
  /// Membership tier index: 0 none, 1 silver, 2 gold, 3 platinum.
  case membershipTier
  /// Preferred contact channel index (see ``categoryNames``).
  case preferredChannel

  /// The attribute's name in scenario files.
  public var name: String {
    switch self {
    case .latentRisk: "latentRisk"
    case .monthlyIncome: "monthlyIncome"
    case .incomeStability: "incomeStability"
    case .debtToIncome: "debtToIncome"
    case .creditHistoryMonths: "creditHistoryMonths"
    case .priorDelinquencies: "priorDelinquencies"
    case .creditScore: "creditScore"
    case .age: "age"
    case .cityTier: "cityTier"
    case .digitalAffinity: "digitalAffinity"
    case .priceSensitivity: "priceSensitivity"
    case .membershipTier: "membershipTier"
    case .preferredChannel: "preferredChannel"
    }
  }

  /// The attribute with a scenario name, if any.
  public init?(name: String) {
    guard let match = Self.allCases.first(where: { $0.name == name }) else {
      return nil
    }
    self = match
  }

  /// For categorical attributes, the names of the categories in index order; empty otherwise.
  public var categoryNames: [String] {
    switch self {
    case .cityTier: ["tier1", "tier2", "tier3", "tier4", "tier5"]
    case .membershipTier: ["none", "silver", "gold", "platinum"]
    case .preferredChannel:
      [
        "app", "miniProgram", "socialFeed", "smsPhone", "offlineStore",
        "partnerBank", "ecommercePartner",
      ]
    default: []
    }
  }

  /// Whether the attribute is categorical (its margin must be `categorical`).
  public var isCategorical: Bool { !categoryNames.isEmpty }

  /// The range every value is clamped into, whatever the margin (storage limits and common sense).
  public var validRange: ClosedRange<Double> {
    switch self {
    case .latentRisk: -10...10
    case .monthlyIncome: 0...10_000_000
    case .incomeStability, .digitalAffinity, .priceSensitivity: 0...1
    case .debtToIncome: 0...5
    case .creditHistoryMonths: 0...720
    case .priorDelinquencies: 0...50
    case .creditScore: 0...1000
    case .age: 18...100
    case .cityTier: 0...4
    case .membershipTier: 0...3
    case .preferredChannel: 0...6
    }
  }

  /// The margin used when a scenario does not give one (documented in the README).
  public var defaultMarginal: Marginal.Kind {
    switch self {
    case .latentRisk: .normal(mean: 0, standardDeviation: 1)
    case .monthlyIncome: .logNormal(median: 8000, sigma: 0.5)
    case .incomeStability: .beta(alpha: 5, beta: 2, minimum: 0, maximum: 1)
    case .debtToIncome: .beta(alpha: 2, beta: 6, minimum: 0, maximum: 1)
    case .creditHistoryMonths: .logNormal(median: 48, sigma: 0.7)
    case .priorDelinquencies: .poisson(mean: 0.3)
    case .creditScore: .normal(mean: 650, standardDeviation: 50)
    case .age: .normal(mean: 33, standardDeviation: 9)
    case .cityTier: .categorical(probabilities: [0.12, 0.25, 0.28, 0.2, 0.15])
    case .digitalAffinity: .beta(alpha: 4, beta: 2, minimum: 0, maximum: 1)
    case .priceSensitivity: .beta(alpha: 3, beta: 3, minimum: 0, maximum: 1)
    case .membershipTier: .categorical(probabilities: [0.6, 0.25, 0.12, 0.03])
    case .preferredChannel:
      .categorical(probabilities: [0.35, 0.2, 0.15, 0.05, 0.12, 0.06, 0.07])
    }
  }
}
