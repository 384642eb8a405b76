import FenqiCore

/// The macro generator of unconditional stress: Vasicek factor draws, one per path and year.
///
/// Path p's systematic factor in year y (months 12·y + 1 … 12·y + 12 of the run) is
/// Z_{p,y} = φ·Z_{p,y−1} + √(1 − φ²)·ε_{p,y}, ε standard normal from the stream
/// (seed, path, year, ``FenqiCore/Purpose/stressFactor``): standard-normal marginals, held for
/// the year so that a bad year stays bad for twelve months — the one-year horizon at which the
/// Basel asset correlation is stated. φ is the year-to-year persistence (0: independent years).
public struct FactorDraws: Sendable, Equatable {
  /// The scenario's seed.
  public var seed: UInt64
  /// Year-to-year persistence φ of the factor, in [0, 1).
  public var persistence: Double

  /// Creates the generator.
  public init(seed: UInt64, persistence: Double) {
    self.seed = seed
    self.persistence = persistence
  }

  /// The standard-normal innovation of path `path` in year `year` (0-based).
  public func innovation(path: Int, year: Int) -> Double {
    Normal.quantile(
      StreamFamily(seed: seed, period: UInt32(year), purpose: .stressFactor)
        .stream(for: UInt64(path)).openUniform(at: 0))
  }

  /// The factor of path `path` per month 0…`months` (index 0 repeats month 1).
  public func monthly(path: Int, months: Int) -> [Double] {
    var out = [Double](repeating: 0, count: months + 1)
    var z = 0.0
    let phi = persistence
    for year in 0..<((months + 11) / 12) {
      let e = innovation(path: path, year: year)
      z = year == 0 ? e : phi * z + (1 - phi * phi).squareRoot() * e
      for m in (12 * year + 1)...Swift.min(months, 12 * year + 12) {
        out[m] = z
      }
    }
    out[0] = out[Swift.min(1, months)]
    return out
  }

  /// A uniform for draws within path `path` beyond the factor (counter ≥ 1, year 0): a finite
  /// pool's idiosyncratic noise in ``VasicekLoss/poolLossRate(pd:rho:lgd:loans:z:u:)``.
  public func uniform(path: Int, counter: UInt64) -> Double {
    StreamFamily(seed: seed, period: 0, purpose: .stressFactor)
      .stream(for: UInt64(path)).openUniform(at: counter)
  }
}
