extension CustomerColumns {
  /// Sets one customer's attribute to `value` in the attribute's unit, clamped into
  /// ``CustomerAttribute/validRange`` and stored as ``PopulationGenerator`` stores it (counts,
  /// ages and category indices rounded to whole numbers).
  ///
  /// - Parameters:
  ///   - attribute: the attribute; a categorical one takes the category index.
  ///   - local: the customer's index within the block.
  ///   - value: the value, finite.
  public mutating func set(
    _ attribute: CustomerAttribute, at local: Int, to value: Double
  ) {
    let range = attribute.validRange
    let v = Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
    switch attribute {
    case .latentRisk: latentRisk[local] = Float(v)
    case .monthlyIncome: monthlyIncome[local] = v
    case .incomeStability: incomeStability[local] = Float(v)
    case .debtToIncome: debtToIncome[local] = Float(v)
    case .creditHistoryMonths: creditHistoryMonths[local] = UInt16(v.rounded())
    case .priorDelinquencies: priorDelinquencies[local] = UInt8(v.rounded())
    case .creditScore: creditScore[local] = Float(v)
    case .age: age[local] = UInt8(v.rounded())
    case .cityTier: cityTier[local] = UInt8(v.rounded())
    case .digitalAffinity: digitalAffinity[local] = Float(v)
    case .priceSensitivity: priceSensitivity[local] = Float(v)
    case .membershipTier: membershipTier[local] = UInt8(v.rounded())
    case .preferredChannel: preferredChannel[local] = UInt8(v.rounded())
    }
  }

  /// One customer's attribute in its unit (a categorical one as its category index).
  public func value(of attribute: CustomerAttribute, at local: Int) -> Double {
    switch attribute {
    case .latentRisk: Double(latentRisk[local])
    case .monthlyIncome: monthlyIncome[local]
    case .incomeStability: Double(incomeStability[local])
    case .debtToIncome: Double(debtToIncome[local])
    case .creditHistoryMonths: Double(creditHistoryMonths[local])
    case .priorDelinquencies: Double(priorDelinquencies[local])
    case .creditScore: Double(creditScore[local])
    case .age: Double(age[local])
    case .cityTier: Double(cityTier[local])
    case .digitalAffinity: Double(digitalAffinity[local])
    case .priceSensitivity: Double(priceSensitivity[local])
    case .membershipTier: Double(membershipTier[local])
    case .preferredChannel: Double(preferredChannel[local])
    }
  }
}
