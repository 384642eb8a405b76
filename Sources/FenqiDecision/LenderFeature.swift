/// The inputs the lender's models see: the application form, the bureau and the lender's own
/// event history with the customer — never the simulator's latent truth.
///
/// The raw values come only through ``ApplicationData`` and ``FeatureLedger``, neither of which
/// has a field for a latent trait, and this module does not link the population module at all:
/// a model here cannot read latent risk or price sensitivity, by construction.
public enum LenderFeature: Int, CaseIterable, Sendable {
  case declaredIncome, bureauScore, debtToIncome, creditHistoryMonths
  case priorDelinquencies, age, cityTier, requestedAmount, termMonths
  case instalmentToIncome, burdenTimesTerm, externalApplications3m
  case deviceApplicants, openLoans
  case applications1m, applications3m, applications6m, bookings6m
  case bookedPrincipal6m, contacts3m, missedPayments3m, missedPayments6m
  case monthsSinceLastBooking, monthsSinceLastMiss, applicationTrend
  case lineUtilisation, tenureMonths

  /// The number of features in a row.
  public static let count = allCases.count

  /// The column names, in row order.
  public static let names = allCases.map { "\($0)" }

  /// Features known before anyone applies (the propensity model's inputs); the others are
  /// missing (NaN) in a propensity row.
  public var isKnownBeforeApplying: Bool {
    switch self {
    case .requestedAmount, .termMonths, .instalmentToIncome, .burdenTimesTerm,
      .externalApplications3m, .deviceApplicants:
      return false
    default: return true
    }
  }
}

/// What an applicant tells the lender or the lender looks up, for one application.
///
/// Money in yuan, time in months. Every field is observable by a real lender.
public struct ApplicationData: Sendable, Equatable {
  /// Monthly income as entered on the form (a data-entry error corrupts it), yuan.
  public var declaredIncome: Double
  /// The bureau's credit score, points.
  public var bureauScore: Double
  /// Existing debt service ÷ income, from the bureau.
  public var debtToIncome: Double
  /// Length of the bureau file, months.
  public var creditHistoryMonths: Double
  /// Delinquencies on the bureau file.
  public var priorDelinquencies: Double
  /// Age, years.
  public var age: Double
  /// City tier index, 0 = tier 1.
  public var cityTier: Double
  /// Amount to finance, yuan.
  public var requestedAmount: Double
  /// Term asked for, months.
  public var termMonths: Double
  /// The instalment at the product's list terms, yuan a month.
  public var instalment: Double
  /// Applications to other lenders in the last three months (the bureau's multi-lending flag).
  public var externalApplications: Double
  /// Applicants the lender has seen on this applicant's device (1 = only them).
  public var deviceApplicants: Double
  /// Loans open with this lender.
  public var openLoans: Double

  /// Creates an application record.
  public init(
    declaredIncome: Double, bureauScore: Double, debtToIncome: Double,
    creditHistoryMonths: Double, priorDelinquencies: Double, age: Double,
    cityTier: Double, requestedAmount: Double, termMonths: Double,
    instalment: Double, externalApplications: Double,
    deviceApplicants: Double, openLoans: Double
  ) {
    self.declaredIncome = declaredIncome
    self.bureauScore = bureauScore
    self.debtToIncome = debtToIncome
    self.creditHistoryMonths = creditHistoryMonths
    self.priorDelinquencies = priorDelinquencies
    self.age = age
    self.cityTier = cityTier
    self.requestedAmount = requestedAmount
    self.termMonths = termMonths
    self.instalment = instalment
    self.externalApplications = externalApplications
    self.deviceApplicants = deviceApplicants
    self.openLoans = openLoans
  }
}
