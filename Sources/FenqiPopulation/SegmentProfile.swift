import FenqiCore

/// One customer segment: its share of the population and the margin of every attribute.
public struct SegmentProfile: Sendable {
  /// The segment's name in the scenario (for example "highNetWorth").
  public var name: String
  /// The share of customers in this segment, a fraction; shares sum to 1.
  public var share: Double
  /// The margin of each attribute, indexed by ``CustomerAttribute/rawValue``.
  public var marginals: [Marginal]
  /// Whether the segment's customers are people or small firms.
  public var borrower: BorrowerKind

  /// Creates a segment with the given margins; attributes without one use their default.
  public init(
    name: String, share: Double,
    marginals: [CustomerAttribute: Marginal.Kind] = [:],
    borrower: BorrowerKind = .person
  ) {
    self.name = name
    self.share = share
    self.borrower = borrower
    self.marginals = CustomerAttribute.allCases.map { attribute in
      let range = attribute.validRange
      return Marginal(
        marginals[attribute] ?? attribute.defaultMarginal,
        lowerBound: range.lowerBound, upperBound: range.upperBound)
    }
  }
}
