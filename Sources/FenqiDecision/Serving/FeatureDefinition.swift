/// What one ``LenderFeature`` means: its unit, its valid range, where it comes from, and the
/// stable reason code and adverse-action wording used when it pushes a score toward "bad".
///
/// The one table of feature meanings: decision bundles carry it as their data dictionary, the
/// decision service words its reasons from it, and the reference page lists it.
public struct FeatureDefinition: Sendable, Equatable {
  /// Where a feature's value comes from.
  public enum Source: String, Sendable, CaseIterable {
    /// The application form.
    case application
    /// The credit bureau.
    case bureau
    /// The lender's own history with the customer.
    case history
    /// Computed from other fields.
    case derived
  }

  /// The feature.
  public var feature: LenderFeature
  /// The unit ("yuan", "months", "count", "fraction", "points", "years", "index", "ratio").
  public var unit: String
  /// What the value means.
  public var meaning: String
  /// The lowest valid value.
  public var lower: Double
  /// The highest valid value.
  public var upper: Double
  /// Where the value comes from.
  public var source: Source
  /// The stable reason code (`R01` …); never reused for another meaning.
  public var reasonCode: String
  /// The adverse-action wording of the reason.
  public var reason: String

  /// The feature's name in rows, files and requests.
  public var name: String { LenderFeature.names[feature.rawValue] }

  /// The definition of `feature`.
  public static func of(_ feature: LenderFeature) -> FeatureDefinition {
    all[feature.rawValue]
  }

  /// Every feature's definition, in ``LenderFeature`` order.
  public static let all: [FeatureDefinition] = LenderFeature.allCases.map {
    let (unit, meaning, range, source, code, reason) = table($0)
    return FeatureDefinition(
      feature: $0, unit: unit, meaning: meaning, lower: range.lowerBound,
      upper: range.upperBound, source: source, reasonCode: code,
      reason: reason)
  }

  // Codes are fixed per feature (not derived from the enum's order), so that adding a feature
  // never renumbers the others.
  private static func table(_ f: LenderFeature) -> (
    String, String, ClosedRange<Double>, Source, String, String
  ) {
    switch f {
    case .declaredIncome:
      (
        "yuan", "monthly income declared on the form", 0...100_000_000,
        .application,
        "R01", "income too low for the credit requested"
      )
    case .bureauScore:
      (
        "points", "the credit bureau's score", 0...1000, .bureau,
        "R02", "credit bureau score too low"
      )
    case .debtToIncome:
      (
        "fraction", "existing debt service ÷ income, from the bureau", 0...10,
        .bureau,
        "R03", "existing debt too high relative to income"
      )
    case .creditHistoryMonths:
      (
        "months", "length of the bureau file", 0...1200, .bureau,
        "R04", "credit history too short"
      )
    case .priorDelinquencies:
      (
        "count", "delinquencies on the bureau file", 0...1000, .bureau,
        "R05", "delinquencies on the credit file"
      )
    case .age:
      (
        "years", "applicant's age", 18...100, .application,
        "R06", "applicant age profile"
      )
    case .cityTier:
      (
        "index", "city tier of residence, 0 = tier 1", 0...4, .application,
        "R07", "city of residence"
      )
    case .requestedAmount:
      (
        "yuan", "amount to finance", 0...10_000_000, .application,
        "R08", "amount requested too high"
      )
    case .termMonths:
      (
        "months", "term asked for", 1...120, .application,
        "R09", "term requested"
      )
    case .instalmentToIncome:
      (
        "fraction", "instalment ÷ declared income", 0...1_000_000, .derived,
        "R10", "instalment too high relative to income"
      )
    case .burdenTimesTerm:
      (
        "fraction × months", "instalment ÷ income × term", 0...100_000_000,
        .derived,
        "R11", "repayment burden too high over the term"
      )
    case .externalApplications3m:
      (
        "count", "applications to other lenders in three months", 0...1000,
        .bureau,
        "R12", "too many recent applications elsewhere"
      )
    case .deviceApplicants:
      (
        "count", "applicants seen on the applicant's device", 1...1000,
        .application,
        "R13", "device shared by several applicants"
      )
    case .openLoans:
      (
        "count", "loans open with this lender", 0...1000, .history,
        "R14", "too many loans open with us"
      )
    case .applications1m:
      (
        "count", "applications to this lender last month", 0...1000, .history,
        "R15", "applied to us too often last month"
      )
    case .applications3m:
      (
        "count", "applications to this lender in three months", 0...1000,
        .history,
        "R16", "too many recent applications with us"
      )
    case .applications6m:
      (
        "count", "applications to this lender in six months", 0...1000,
        .history,
        "R17", "many applications with us in the last six months"
      )
    case .bookings6m:
      (
        "count", "loans booked with this lender in six months", 0...1000,
        .history,
        "R18", "many loans taken with us in the last six months"
      )
    case .bookedPrincipal6m:
      (
        "yuan", "principal booked with this lender in six months",
        0...100_000_000,
        .history, "R19", "large amounts borrowed from us recently"
      )
    case .contacts3m:
      (
        "count", "marketing contacts in three months", 0...1000, .history,
        "R20", "recent contact history with us"
      )
    case .missedPayments3m:
      (
        "count", "missed or late instalments in three months", 0...1000,
        .history,
        "R21", "missed payments in the last three months"
      )
    case .missedPayments6m:
      (
        "count", "missed or late instalments in six months", 0...1000, .history,
        "R22", "missed payments in the last six months"
      )
    case .monthsSinceLastBooking:
      (
        "months", "months since the last loan with this lender (99: never)",
        0...99,
        .history, "R23", "time since last loan with us"
      )
    case .monthsSinceLastMiss:
      (
        "months", "months since the last missed payment (99: never)", 0...99,
        .history,
        "R24", "missed a payment recently"
      )
    case .applicationTrend:
      (
        "count", "applications last month − the six-month monthly average",
        -1000...1000,
        .derived, "R25", "application activity rising"
      )
    case .lineUtilisation:
      (
        "ratio", "outstanding balance ÷ credit line with this lender", 0...100,
        .history,
        "R26", "credit line heavily used"
      )
    case .tenureMonths:
      (
        "months", "months since the first loan with this lender", 0...1200,
        .history,
        "R27", "short relationship with us"
      )
    }
  }
}
