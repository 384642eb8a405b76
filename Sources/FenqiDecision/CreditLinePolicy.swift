import Foundation

/// Credit lines by the analytic hierarchy process: criteria weights from the scenario's
/// pairwise-comparison matrix (principal eigenvector, CR < 0.1), a composite score from the
/// applicant's criteria each mapped onto [0, 1], and line tiers by composite score.
public struct CreditLinePolicy: Sendable, Equatable {
  /// A criterion the composite score can weigh, each read from a feature row.
  public enum Criterion: String, CaseIterable, Sendable {
    /// Bureau score, 300 → 0 to 850 → 1.
    case creditScore
    /// Declared income on a log scale, ¥1,000 → 0 to ¥100,000 a month → 1.
    case income
    /// Principal booked over six months ÷ twice the monthly income, capped at 1.
    case spendingHistory
    /// Bureau file length, 10 years → 1.
    case tenure
    /// One minus debt service ÷ income ÷ 0.8 (less debt scores higher).
    case debtRatio

    /// The criterion's value on [0, 1] for a feature row.
    @inline(__always)
    func value(_ row: UnsafePointer<Double>) -> Double {
      typealias F = LenderFeature
      let v: Double
      switch self {
      case .creditScore: v = (row[F.bureauScore.rawValue] - 300) / 550
      case .income:
        v = log(Swift.max(row[F.declaredIncome.rawValue], 1) / 1000) / log(100)
      case .spendingHistory:
        v =
          row[F.bookedPrincipal6m.rawValue]
          / Swift.max(2 * row[F.declaredIncome.rawValue], 1)
      case .tenure: v = row[F.creditHistoryMonths.rawValue] / 120
      case .debtRatio: v = 1 - row[F.debtToIncome.rawValue] / 0.8
      }
      return v.isNaN ? 0 : Swift.min(Swift.max(v, 0), 1)
    }
  }

  /// A line tier: applicants whose composite score reaches `minimumScore` get `line` yuan.
  public struct Tier: Sendable, Equatable {
    /// The lowest composite score in the tier, in [0, 1].
    public var minimumScore: Double
    /// The credit line, yuan.
    public var line: Double

    /// Creates a tier.
    public init(minimumScore: Double, line: Double) {
      self.minimumScore = minimumScore
      self.line = line
    }
  }

  /// The criteria, in the matrix's order.
  public var criteria: [Criterion]
  /// The AHP weights and consistency.
  public var hierarchy: AnalyticHierarchy
  /// The tiers, ascending by minimum score.
  public var tiers: [Tier]

  /// Creates a policy.
  public init(
    criteria: [Criterion], hierarchy: AnalyticHierarchy, tiers: [Tier]
  ) {
    self.criteria = criteria
    self.hierarchy = hierarchy
    self.tiers = tiers
  }

  /// The composite score in [0, 1]: the AHP-weighted sum of the criteria.
  @inline(__always)
  public func composite(_ row: UnsafePointer<Double>) -> Double {
    var s = 0.0
    for (k, c) in criteria.enumerated() {
      s += hierarchy.weights[k] * c.value(row)
    }
    return s
  }

  /// The tier index (0-based) and line for a feature row; nil below the lowest tier.
  @inline(__always)
  public func line(_ row: UnsafePointer<Double>) -> (tier: Int, line: Double)? {
    let score = composite(row)
    var chosen: Int? = nil
    for (k, t) in tiers.enumerated() where score >= t.minimumScore {
      chosen = k
    }
    return chosen.map { ($0, tiers[$0].line) }
  }
}
