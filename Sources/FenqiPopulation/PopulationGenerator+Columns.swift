import FenqiCore

extension PopulationGenerator {
  /// Customers per block of column-wise generation: the block's scratch (two columns of doubles
  /// per attribute) stays in a core's L2 cache.
  static let block = 1024

  /// Maps a block's copula coordinates through each customer's segment margins into the
  /// columns, attribute by attribute.
  ///
  /// A block whose customers share one segment evaluates each margin down the column with its
  /// kind decided once; a mixed block evaluates customer by customer. Both give the values of
  /// ``FlatMarginal/value(standardNormal:tables:)``, bit for bit.
  func fillAttributes(
    of columns: inout CustomerColumns, block: Range<Int>, latent: ColumnScratch
  ) {
    let d = CustomerAttribute.allCases.count
    let m = block.count
    let segment = columns.segment[block]
    let first = segment.first ?? 0
    let shared = segment.allSatisfy { $0 == first }
    var values = [Double](repeating: 0, count: m)
    tables.withUnsafeBufferPointer { tables in
      marginals.withUnsafeBufferPointer { margins in
        latent.latent.withUnsafeBufferPointer { x in
          values.withUnsafeMutableBufferPointer { out in
            for a in CustomerAttribute.allCases {
              let column = UnsafeBufferPointer(
                rebasing: x[a.rawValue * m..<(a.rawValue + 1) * m])
              if shared {
                margins[Int(first) * d + a.rawValue].fillValues(
                  standardNormals: column, tables: tables, into: out)
              } else {
                for (j, s) in segment.enumerated() {
                  out[j] = margins[Int(s) * d + a.rawValue].value(
                    standardNormal: column[j], tables: tables)
                }
              }
              columns.store(a, UnsafeBufferPointer(out), at: block.lowerBound)
            }
          }
        }
      }
    }
  }
}

extension CustomerColumns {
  /// Writes attribute `a`'s values for customers `start ..< start + values.count`, converted to
  /// the column's storage type (whole numbers rounded, categories truncated).
  mutating func store(
    _ a: CustomerAttribute, _ values: UnsafeBufferPointer<Double>, at start: Int
  ) {
    switch a {
    case .latentRisk: Self.put(&latentRisk, values, at: start) { Float($0) }
    case .monthlyIncome: Self.put(&monthlyIncome, values, at: start) { $0 }
    case .incomeStability:
      Self.put(&incomeStability, values, at: start) { Float($0) }
    case .debtToIncome: Self.put(&debtToIncome, values, at: start) { Float($0) }
    case .creditHistoryMonths:
      Self.put(&creditHistoryMonths, values, at: start) { UInt16($0.rounded()) }
    case .priorDelinquencies:
      Self.put(&priorDelinquencies, values, at: start) { UInt8($0.rounded()) }
    case .creditScore: Self.put(&creditScore, values, at: start) { Float($0) }
    case .age: Self.put(&age, values, at: start) { UInt8($0.rounded()) }
    case .cityTier: Self.put(&cityTier, values, at: start) { UInt8($0) }
    case .digitalAffinity:
      Self.put(&digitalAffinity, values, at: start) { Float($0) }
    case .priceSensitivity:
      Self.put(&priceSensitivity, values, at: start) { Float($0) }
    case .membershipTier:
      Self.put(&membershipTier, values, at: start) { UInt8($0) }
    case .preferredChannel:
      Self.put(&preferredChannel, values, at: start) { UInt8($0) }
    }
  }

  @inline(__always)
  private static func put<T>(
    _ column: inout [T], _ values: UnsafeBufferPointer<Double>, at start: Int,
    _ convert: (Double) -> T
  ) {
    column.withUnsafeMutableBufferPointer { c in
      for j in 0..<values.count { c[start + j] = convert(values[j]) }
    }
  }
}
