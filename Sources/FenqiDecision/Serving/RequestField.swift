import FenqiCore

/// A field of a decision request's application: its name, unit, meaning, valid range and
/// default (nil: required).
///
/// The application form and bureau fields of ``ApplicationData`` are required except the device
/// and open-loan counts; the lender-history fields default to a customer the lender has never
/// seen (counts 0, "months since" 99 = never).
public struct RequestField: Sendable, Equatable {
  /// The JSON name.
  public var name: String
  /// The unit.
  public var unit: String
  /// What the value means.
  public var meaning: String
  /// The lowest valid value.
  public var lower: Double
  /// The highest valid value.
  public var upper: Double
  /// Whether the value must be a whole number.
  public var integer: Bool
  /// The value when the field is absent; nil: the field is required.
  public var defaultValue: Double?

  /// What a valid value is, for messages: "a number in [300, 950]".
  public var expectation: String {
    let range = "[\(JSONWriter.format(lower)), \(JSONWriter.format(upper))]"
    return integer ? "an integer in \(range)" : "a number in \(range)"
  }

  /// Every field, in request order.
  public static let all: [RequestField] = {
    typealias F = LenderFeature
    func from(
      _ f: F, name: String? = nil, integer: Bool = false,
      default d: Double? = nil
    ) -> RequestField {
      let def = FeatureDefinition.of(f)
      return RequestField(
        name: name ?? def.name, unit: def.unit, meaning: def.meaning,
        lower: def.lower,
        upper: def.upper, integer: integer, defaultValue: d)
    }
    return [
      from(.declaredIncome), from(.bureauScore), from(.debtToIncome),
      from(.creditHistoryMonths), from(.priorDelinquencies), from(.age),
      from(.cityTier, integer: true), from(.requestedAmount),
      from(.termMonths, integer: true),
      RequestField(
        name: "instalment", unit: "yuan",
        meaning: "the monthly instalment at the product's terms",
        lower: 0, upper: 10_000_000, integer: false, defaultValue: nil),
      from(.externalApplications3m, name: "externalApplications"),
      from(.deviceApplicants, default: 1), from(.openLoans, default: 0),
      from(.applications1m, default: 0), from(.applications3m, default: 0),
      from(.applications6m, default: 0), from(.bookings6m, default: 0),
      from(.bookedPrincipal6m, default: 0), from(.contacts3m, default: 0),
      from(.missedPayments3m, default: 0), from(.missedPayments6m, default: 0),
      from(.monthsSinceLastBooking, default: FeatureLedger.never),
      from(.monthsSinceLastMiss, default: FeatureLedger.never),
      from(.lineUtilisation, default: 0), from(.tenureMonths, default: 0),
      RequestField(
        name: "outstandingBalance", unit: "yuan",
        meaning:
          "what the applicant already owes this lender (checked against the credit line)",
        lower: 0, upper: 100_000_000, integer: false, defaultValue: 0),
    ]
  }()

  /// The names of ``all``, in order.
  public static let names = all.map(\.name)

  /// Index of each field in ``all`` (for building rows).
  enum Index: Int {
    case declaredIncome, bureauScore, debtToIncome, creditHistoryMonths,
      priorDelinquencies
    case age, cityTier, requestedAmount, termMonths, instalment,
      externalApplications
    case deviceApplicants, openLoans, applications1m, applications3m,
      applications6m
    case bookings6m, bookedPrincipal6m, contacts3m, missedPayments3m,
      missedPayments6m
    case monthsSinceLastBooking, monthsSinceLastMiss, lineUtilisation,
      tenureMonths
    case outstandingBalance
  }
}
