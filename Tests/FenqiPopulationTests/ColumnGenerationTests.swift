import FenqiCore
import FenqiPopulation
import Testing

/// Column-wise generation gives every customer exactly the attributes of the one-customer-at-a-
/// time recipe: segment by alias sampling on the customer's segment stream, then one copula draw
/// on its attribute stream mapped through the segment's margins.
@Suite struct ColumnGenerationTests {
  /// The one-at-a-time recipe for customer `global`: (segment, the 13 attribute values).
  static func oracle(
    _ spec: PopulationSpec, global: Int, seed: UInt64, given: UInt8? = nil
  ) throws -> (Int, [Double]) {
    let d = CustomerAttribute.allCases.count
    let copula = try GaussianCopula(correlation: spec.correlation, dimension: d)
    var segmentStream = StreamFamily(
      seed: seed, period: 0, purpose: .populationSegment
    ).stream(for: UInt64(global))
    let segment =
      given.map(Int.init)
      ?? (spec.segments.count == 1
        ? 0
        : AliasTable(weights: spec.segments.map(\.share)).sample(
          using: &segmentStream))
    var stream = StreamFamily(
      seed: seed, period: 0, purpose: .populationAttributes
    ).stream(for: UInt64(global))
    var latent = [Double](repeating: 0, count: d)
    var scratch = latent
    latent.withUnsafeMutableBufferPointer { l in
      scratch.withUnsafeMutableBufferPointer { s in
        copula.sampleLatent(into: l, scratch: s, using: &stream)
      }
    }
    let values = (0..<d).map {
      spec.segments[segment].marginals[$0].value(standardNormal: latent[$0])
    }
    return (segment, values)
  }

  static func stored(_ c: CustomerColumns, _ i: Int) -> [Double] {
    [
      Double(c.latentRisk[i]), c.monthlyIncome[i], Double(c.incomeStability[i]),
      Double(c.debtToIncome[i]), Double(c.creditHistoryMonths[i]),
      Double(c.priorDelinquencies[i]), Double(c.creditScore[i]),
      Double(c.age[i]),
      Double(c.cityTier[i]), Double(c.digitalAffinity[i]),
      Double(c.priceSensitivity[i]),
      Double(c.membershipTier[i]), Double(c.preferredChannel[i]),
    ]
  }

  /// `value` as its column stores it.
  static func asStored(_ values: [Double]) -> [Double] {
    values.enumerated().map { k, v in
      switch CustomerAttribute.allCases[k] {
      case .monthlyIncome: v
      case .creditHistoryMonths, .priorDelinquencies, .age: v.rounded()
      case .cityTier, .membershipTier, .preferredChannel: Double(UInt8(v))
      default: Double(Float(v))
      }
    }
  }

  static let oneSegment = PopulationSpec(
    size: 3000, segments: [SegmentProfile(name: "all", share: 1)],
    correlations: [(.latentRisk, .creditScore, -0.8)])

  @Test(arguments: [
    (PopulationGeneratorTests.spec, 0..<2100 as Range<Int>),
    (PopulationGeneratorTests.spec, 8191..<10_500),
    (oneSegment, 5..<2053),
  ])
  func everyCustomerMatchesTheOneAtATimeRecipe(
    spec: PopulationSpec, range: Range<Int>
  ) throws {
    let g = try PopulationGenerator(spec: spec)
    let c = g.generate(range: range, seed: 5)
    for (i, global) in range.enumerated() {
      let (segment, values) = try Self.oracle(spec, global: global, seed: 5)
      #expect(Int(c.segment[i]) == segment)
      #expect(Self.stored(c, i) == Self.asStored(values), "customer \(global)")
    }
  }

  @Test func givenSegmentsMixWithinABlock() throws {
    let spec = PopulationGeneratorTests.spec
    let g = try PopulationGenerator(spec: spec)
    let given = (0..<1500).map { UInt8($0 % 3 == 0 ? 1 : 0) }
    let c = g.generate(range: 100..<1600, seed: 8, segments: given)
    for i in stride(from: 0, to: 1500, by: 7) {
      let (_, values) = try Self.oracle(
        spec, global: 100 + i, seed: 8, given: given[i])
      #expect(c.segment[i] == given[i])
      #expect(Self.stored(c, i) == Self.asStored(values))
    }
  }
}
