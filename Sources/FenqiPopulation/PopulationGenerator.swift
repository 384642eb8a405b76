import FenqiCore

/// Generates synthetic customers: segment by alias sampling, then every attribute from one draw of
/// the Gaussian copula mapped through that segment's margins.
///
/// Customer i's attributes depend only on (seed, i), so any block of customers can be generated
/// alone, in any order, on any thread.
public struct PopulationGenerator: Sendable {
  /// The spec being generated.
  public let spec: PopulationSpec
  private let copula: GaussianCopula
  private let segmentTable: AliasTable
  /// Every segment's margins, flat: segment × attribute, and the tables they point into.
  private let marginals: [FlatMarginal]
  private let tables: [Double]

  /// Prepares a generator.
  ///
  /// - Throws: ``Cholesky/Failure`` when the correlation matrix is not positive definite.
  public init(spec: PopulationSpec) throws(Cholesky.Failure) {
    self.spec = spec
    copula = try GaussianCopula(
      correlation: spec.correlation, dimension: CustomerAttribute.allCases.count
    )
    segmentTable = AliasTable(weights: spec.segments.map(\.share))
    var tables: [Double] = []
    marginals = spec.segments.flatMap(\.marginals).map {
      $0.flattened(appendingTablesTo: &tables)
    }
    self.tables = tables
  }

  /// Generates customers `range` (global indices) for `seed`.
  ///
  /// - Parameters:
  ///   - range: the customers' global indices.
  ///   - seed: the run's seed.
  ///   - given: each customer's segment index, one per customer of `range`, when they are
  ///     decided elsewhere (a population drawn from a sample); nil draws them by the segments'
  ///     shares. Either way the attributes come from the customer's segment's margins.
  /// - Returns: the customers' columns.
  /// - Complexity: O(range.count × d²) with d = 13 attributes.
  public func generate(
    range: Range<Int>, seed: UInt64, segments given: [UInt8]? = nil
  ) -> CustomerColumns {
    precondition(
      given == nil || given?.count == range.count,
      "generate(range:seed:segments:) needs one segment per customer: \(range.count), got \(given?.count ?? 0)"
    )
    var columns = CustomerColumns(
      firstIndex: range.lowerBound, count: range.count)
    let d = CustomerAttribute.allCases.count
    var latent = [Double](repeating: 0, count: d)
    var scratch = [Double](repeating: 0, count: d)
    let segmentFamily = StreamFamily(
      seed: seed, period: 0, purpose: .populationSegment)
    let attributeFamily = StreamFamily(
      seed: seed, period: 0, purpose: .populationAttributes)
    tables.withUnsafeBufferPointer { tables in
      marginals.withUnsafeBufferPointer { margins in
        latent.withUnsafeMutableBufferPointer { l in
          scratch.withUnsafeMutableBufferPointer { s in
            for local in 0..<range.count {
              let global = UInt64(range.lowerBound + local)
              var segmentStream = segmentFamily.stream(for: global)
              let segment =
                given.map { Int($0[local]) }
                ?? (spec.segments.count == 1
                  ? 0 : segmentTable.sample(using: &segmentStream))
              var stream = attributeFamily.stream(for: global)
              copula.sampleLatent(into: l, scratch: s, using: &stream)
              let base = segment * d
              func value(_ a: CustomerAttribute) -> Double {
                margins[base + a.rawValue].value(
                  standardNormal: l[a.rawValue], tables: tables)
              }
              columns.segment[local] = UInt8(segment)
              columns.latentRisk[local] = Float(value(.latentRisk))
              columns.monthlyIncome[local] = value(.monthlyIncome)
              columns.incomeStability[local] = Float(value(.incomeStability))
              columns.debtToIncome[local] = Float(value(.debtToIncome))
              columns.creditHistoryMonths[local] = UInt16(
                value(.creditHistoryMonths).rounded())
              columns.priorDelinquencies[local] = UInt8(
                value(.priorDelinquencies).rounded())
              columns.creditScore[local] = Float(value(.creditScore))
              columns.age[local] = UInt8(value(.age).rounded())
              columns.cityTier[local] = UInt8(value(.cityTier))
              columns.digitalAffinity[local] = Float(value(.digitalAffinity))
              columns.priceSensitivity[local] = Float(value(.priceSensitivity))
              columns.membershipTier[local] = UInt8(value(.membershipTier))
              columns.preferredChannel[local] = UInt8(value(.preferredChannel))
            }
          }
        }
      }
    }
    return columns
  }
}
