import FenqiCore

/// A period's macro stress on the loan roll: correlated defaults (Vasicek one-factor) and
/// merchant-category stress.
public struct RollStress: Sendable {
  /// The systematic factor (or its drift, for the expected form).
  public var z: Double
  /// √ρ per segment.
  public var sqrtRho: [Double]
  /// 1/√(1 − ρ) per segment for the conditional form; 1 for the expected form
  /// Φ(Φ⁻¹(p) − √ρ·z).
  public var scale: [Double]
  /// Cumulative category shares (empty: no categories).
  public var sectorCumulative: [Double]
  /// Default-probability multiplier per category this period.
  public var sectorMultiplier: [Double]
  /// Share of each category's loans that stop paying this period (collapse).
  public var sectorStop: [Double]
  /// The seed that assigns loans to categories (the scenario's, on every stress path).
  public var sectorSeed: UInt64

  /// Creates a period's stress.
  public init(
    z: Double, sqrtRho: [Double], scale: [Double],
    sectorCumulative: [Double] = [],
    sectorMultiplier: [Double] = [], sectorStop: [Double] = [],
    sectorSeed: UInt64 = 0
  ) {
    self.sectorSeed = sectorSeed
    self.z = z
    self.sqrtRho = sqrtRho
    self.scale = scale
    self.sectorCumulative = sectorCumulative
    self.sectorMultiplier = sectorMultiplier
    self.sectorStop = sectorStop
  }

  /// The merchant category of a customer's `ordinal`-th loan, and the uniform that decides
  /// whether it stops paying after a collapse.
  @inline(__always)
  public static func sector(
    seed: UInt64, customer: Int, ordinal: Int, cumulative: [Double]
  ) -> (sector: Int, stopDraw: Double) {
    let stream = StreamFamily(seed: seed, period: 0, purpose: .loanSector)
      .stream(for: UInt64(customer))
    let k = CumulativeWeights.index(
      in: cumulative, above: stream.uniform(at: UInt64(2 * ordinal)))
    return (k, stream.uniform(at: UInt64(2 * ordinal + 1)))
  }

  /// The stressed (miss, roll, cure) of a loan.
  @inline(__always)
  public func apply(
    miss: Double, roll: Double, cure: Double, segment: Int,
    sector: (Int, Double)?
  ) -> (Double, Double, Double) {
    let s = sqrtRho[segment]
    let k = scale[segment]
    // Vasicek one-factor: Φ((Φ⁻¹(p) − √ρ·Z)/√(1 − ρ)), or its mean over Z, Φ(Φ⁻¹(p) − √ρ·drift).
    var m = miss <= 0 ? 0 : Normal.cdf((Normal.quantile(miss) - s * z) * k)
    let r =
      roll <= 0
      ? 0 : (roll >= 1 ? 1 : Normal.cdf((Normal.quantile(roll) - s * z) * k))
    if let (category, draw) = sector {
      m = Swift.min(1, m * sectorMultiplier[category])
      // Collapsed merchant: the service is never delivered, the customer stops paying.
      if draw < sectorStop[category] { return (1, 1, 0) }
    }
    return (m, r, cure)
  }
}
