import FenqiCore

/// Generates synthetic customers: segment by alias sampling, then every attribute from one draw of
/// the Gaussian copula mapped through that segment's margins.
///
/// Customer i's attributes depend only on (seed, i), so any block of customers can be generated
/// alone, in any order, on any thread.
public struct PopulationGenerator: Sendable {
  /// The spec being generated.
  public let spec: PopulationSpec
  let copula: GaussianCopula
  let segmentTable: AliasTable
  /// Every segment's margins, flat: segment × attribute, and the tables they point into.
  let marginals: [FlatMarginal]
  let tables: [Double]

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
    guard !range.isEmpty else { return columns }
    if let given {
      columns.segment = given
    } else if spec.segments.count > 1 {
      let family = StreamFamily(
        seed: seed, period: 0, purpose: .populationSegment)
      columns.segment.withUnsafeMutableBufferPointer { segment in
        for local in 0..<range.count {
          var stream = family.stream(for: UInt64(range.lowerBound + local))
          segment[local] = UInt8(segmentTable.sample(using: &stream))
        }
      }
    }
    var scratch = ColumnScratch(
      customers: Swift.min(Self.block, range.count),
      attributes: CustomerAttribute.allCases.count)
    let family = StreamFamily(
      seed: seed, period: 0, purpose: .populationAttributes)
    for start in stride(from: 0, to: range.count, by: Self.block) {
      let block = start..<Swift.min(range.count, start + Self.block)
      scratch.draw(
        copula: copula, family: family, first: range.lowerBound + start,
        count: block.count)
      fillAttributes(of: &columns, block: block, latent: scratch)
    }
    return columns
  }
}
