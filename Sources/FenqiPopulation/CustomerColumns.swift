/// A block of customers stored as columns (struct of arrays), indexed by local customer index.
///
/// Money in yuan, time in months, rates as fractions. About 40 bytes per customer.
public struct CustomerColumns: Sendable {
  /// The global index of the first customer in this block.
  public var firstIndex: Int
  /// Segment index into the scenario's segment list.
  public var segment: [UInt8]
  /// Latent default propensity, standard-normal scale (see ``CustomerAttribute/latentRisk``).
  public var latentRisk: [Float]
  /// Monthly income, yuan.
  public var monthlyIncome: [Double]
  /// Income stability in [0, 1].
  public var incomeStability: [Float]
  /// Existing debt service ÷ income.
  public var debtToIncome: [Float]
  /// Credit history length, months.
  public var creditHistoryMonths: [UInt16]
  /// Prior delinquencies on file.
  public var priorDelinquencies: [UInt8]
  /// Bureau-style credit score, points.
  public var creditScore: [Float]
  /// Age, years.
  public var age: [UInt8]
  /// City tier index, 0 = tier 1.
  public var cityTier: [UInt8]
  /// Digital affinity in [0, 1].
  public var digitalAffinity: [Float]
  /// Price sensitivity in [0, 1].
  public var priceSensitivity: [Float]
  /// Membership tier index, 0 = none.
  public var membershipTier: [UInt8]
  /// Preferred contact channel index.
  public var preferredChannel: [UInt8]

  /// The number of customers in the block.
  public var count: Int { segment.count }

  /// Creates a zero-filled block of `count` customers starting at global index `firstIndex`.
  public init(firstIndex: Int, count: Int) {
    self.firstIndex = firstIndex
    segment = .init(repeating: 0, count: count)
    latentRisk = .init(repeating: 0, count: count)
    monthlyIncome = .init(repeating: 0, count: count)
    incomeStability = .init(repeating: 0, count: count)
    debtToIncome = .init(repeating: 0, count: count)
    creditHistoryMonths = .init(repeating: 0, count: count)
    priorDelinquencies = .init(repeating: 0, count: count)
    creditScore = .init(repeating: 0, count: count)
    age = .init(repeating: 0, count: count)
    cityTier = .init(repeating: 0, count: count)
    digitalAffinity = .init(repeating: 0, count: count)
    priceSensitivity = .init(repeating: 0, count: count)
    membershipTier = .init(repeating: 0, count: count)
    preferredChannel = .init(repeating: 0, count: count)
  }

  /// Bytes of column storage per customer.
  public static let bytesPerCustomer =
    1 + 4 + 8 + 4 + 4 + 2 + 1 + 4 + 1 + 1 + 4 + 4 + 1 + 1
}
