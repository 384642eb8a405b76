import FenqiCore
import FenqiModels
import FenqiPopulation

/// A population whose attributes are drawn from a sample file: the scenario's
/// `population.fromSample`.
///
/// The decoder fits a ``CopulaSynthesizer`` on the sample's used columns once (per value of the
/// `segment` column when one is named). Customer i then draws one synthetic row from the stream
/// (seed, i, ``Purpose/populationSample``) — so the population is the same at any thread count
/// and chunking — and:
/// - each mapped attribute takes the row's value (clamped into
///   ``CustomerAttribute/validRange``); a missing value keeps the generated one;
/// - with `segment`, the customer's segment is the scenario segment named by the row's value;
/// - latent risk follows ``LatentRisk``;
/// - every other attribute keeps the value ``PopulationGenerator`` draws from the segment's
///   margins.
public struct PopulationSample: Sendable {
  /// How a customer's latent risk is set.
  public enum LatentRisk: Sendable, Equatable {
    /// Generated from the segment's margin, as without a sample.
    case generated
    /// The copula coordinate of a column, a standard normal in every segment, with its sign:
    /// +1 when higher values (or later levels of the given order) are riskier.
    case coordinate(Int, sign: Double)
    /// A linear score in the columns' copula coordinates plus independent normal noise,
    /// (Σ wⱼ·zⱼ + noise·ε) ÷ sₛ, with sₛ = √(wᵀ·Rₛ·w + noise²) from segment s's correlation
    /// Rₛ, so the score is standard normal in every segment.
    case linear(
      coordinates: [Int], weights: [Double], noise: Double, scales: [Double])
  }

  /// One attribute taken from a sample column.
  public struct Mapping: Sendable, Equatable {
    /// The customer attribute set.
    public var attribute: CustomerAttribute
    /// The column's index among the synthesizer's columns.
    public var column: Int
    /// For a categorical column, the attribute value of each level code (a number, or a
    /// category index); nil for a numeric column, whose cell is the value.
    public var levelValues: [Double]?
  }

  /// The sample file as the scenario names it.
  public var file: String
  /// The synthesizer fitted on the sample's used columns.
  public var synthesizer: CopulaSynthesizer
  /// The attributes taken from the sample.
  public var mappings: [Mapping]
  /// With `segment`: the column's index and each of its level codes' scenario segment index.
  public var segments: (column: Int, ofLevel: [UInt8])?
  /// The latent-risk rule.
  public var latentRisk: LatentRisk

  /// Creates the population sample from its decoded parts.
  public init(
    file: String, synthesizer: CopulaSynthesizer, mappings: [Mapping],
    segments: (column: Int, ofLevel: [UInt8])?, latentRisk: LatentRisk
  ) {
    self.file = file
    self.synthesizer = synthesizer
    self.mappings = mappings
    self.segments = segments
    self.latentRisk = latentRisk
  }

  /// Generates customers `range` for `seed`: each customer's synthetic row, then the generated
  /// attributes (in the row's segment when `segment` is named), then the row's values over them.
  ///
  /// - Complexity: O(range.count × (D² + 13²)) with D copula coordinates; the chunk's rows are
  ///   drawn into one buffer, nothing is allocated per customer.
  public func customers(
    range: Range<Int>, seed: UInt64, generator: PopulationGenerator
  ) -> CustomerColumns {
    let d = synthesizer.columns.count
    let dimension = synthesizer.latentDimension
    var cells = [Double](repeating: 0, count: range.count * d)
    var risk = [Double](repeating: 0, count: range.count)
    var segmentOf: [UInt8]? =
      segments == nil ? nil : [UInt8](repeating: 0, count: range.count)
    var latent = [Double](repeating: 0, count: dimension)
    var scratch = latent
    let family = StreamFamily(seed: seed, period: 0, purpose: .populationSample)
    cells.withUnsafeMutableBufferPointer { all in
      latent.withUnsafeMutableBufferPointer { l in
        scratch.withUnsafeMutableBufferPointer { s in
          for local in 0..<range.count {
            let row = UnsafeMutableBufferPointer(
              rebasing: all[(local * d)..<((local + 1) * d)])
            var rng = family.stream(for: UInt64(range.lowerBound + local))
            let segment = synthesizer.drawRow(
              into: row, latent: l, scratch: s, using: &rng)
            if let segments {
              segmentOf?[local] = segments.ofLevel[Int(row[segments.column])]
            }
            risk[local] = latentRisk(
              latent: UnsafeBufferPointer(l), segment: segment, using: &rng)
          }
        }
      }
    }
    var columns = generator.generate(
      range: range, seed: seed, segments: segmentOf)
    for mapping in mappings {
      for local in 0..<range.count {
        let cell = cells[local * d + mapping.column]
        guard !cell.isNaN else { continue }
        columns.set(
          mapping.attribute, at: local,
          to: mapping.levelValues?[Int(cell)] ?? cell)
      }
    }
    if latentRisk != .generated {
      for local in 0..<range.count {
        columns.set(.latentRisk, at: local, to: risk[local])
      }
    }
    return columns
  }

  /// The customer's latent risk by ``latentRisk`` from the row's coordinates (the linear rule
  /// draws its noise from the row's stream, after the row).
  @inline(__always)
  func latentRisk(
    latent: UnsafeBufferPointer<Double>, segment: Int,
    using rng: inout RandomStream
  ) -> Double {
    switch latentRisk {
    case .generated:
      return 0
    case .coordinate(let j, let sign):
      return sign * latent[j]
    case .linear(let coordinates, let weights, let noise, let scales):
      var score = noise > 0 ? noise * rng.normal() : 0
      for (j, w) in zip(coordinates, weights) { score += w * latent[j] }
      return score / scales[segment]
    }
  }
}
