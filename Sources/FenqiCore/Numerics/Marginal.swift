import Foundation

/// A one-dimensional distribution used as a copula margin: maps a standard normal coordinate x to
/// a value through its quantile function, Q(Φ(x)).
public struct Marginal: Sendable, Equatable {
  /// The family and parameters of a margin.
  public enum Kind: Sendable, Equatable {
    /// Normal with a mean and a standard deviation.
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal with a median e^μ and a log-scale σ.
    case logNormal(median: Double, sigma: Double)
    /// Uniform on [minimum, maximum].
    case uniform(minimum: Double, maximum: Double)
    /// Beta(α, β) stretched onto [minimum, maximum].
    case beta(alpha: Double, beta: Double, minimum: Double, maximum: Double)
    /// Poisson with a mean; values are counts.
    case poisson(mean: Double)
    /// A categorical distribution; the value is the category index 0, 1, ….
    case categorical(probabilities: [Double])
  }

  /// The family and parameters.
  public let kind: Kind
  /// Values below this are raised to it.
  public let lowerBound: Double
  /// Values above this are lowered to it.
  public let upperBound: Double
  /// For Beta margins, values tabulated against x on ``tableGrid`` (linear interpolation).
  @usableFromInline internal let table: [Double]
  /// For categorical and Poisson margins, the thresholds in x: value k when x < thresholds[k]
  /// (Φ⁻¹ of the cumulative probabilities), so no CDF is evaluated per draw.
  @usableFromInline internal let thresholds: [Double]

  /// The standard-normal grid the Beta table is tabulated on: x from −8 to 8 in 1,024 steps.
  public static let tableGrid = (lower: -8.0, upper: 8.0, steps: 1024)

  /// Creates a margin, optionally clamped to [lowerBound, upperBound].
  public init(
    _ kind: Kind, lowerBound: Double = -.infinity,
    upperBound: Double = .infinity
  ) {
    self.kind = kind
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    if case .beta(let a, let b, _, _) = kind {
      table = Marginal.betaTable(alpha: a, beta: b)
    } else {
      table = []
    }
    switch kind {
    case .categorical(let probabilities):
      let total = probabilities.reduce(0, +)
      var running = 0.0
      thresholds = probabilities.dropLast().map {
        running += $0 / total
        return Normal.quantile(running)
      }
    case .poisson(let mean):
      var out: [Double] = []
      var term = exp(-mean)
      var cumulative = term
      var k = 0
      while cumulative < 1 - 1e-15 && k < 10_000 && term > 0 || k < Int(mean) {
        out.append(Normal.quantile(cumulative))
        k += 1
        term *= mean / Double(k)
        cumulative += term
      }
      thresholds = out
    default:
      thresholds = []
    }
  }

  /// A trivially copyable form of the margin for hot loops.
  ///
  /// Table-backed margins append their table to `tables` and point into it.
  public func flattened(appendingTablesTo tables: inout [Double])
    -> FlatMarginal
  {
    let offset = tables.count
    var flat = FlatMarginal(
      tag: 0, p0: 0, p1: 0, lowerBound: lowerBound, upperBound: upperBound,
      offset: offset, count: 0)
    switch kind {
    case .normal(let mean, let sd):
      flat.tag = 0
      flat.p0 = mean
      flat.p1 = sd
    case .logNormal(let median, let sigma):
      flat.tag = 1
      flat.p0 = median
      flat.p1 = sigma
    case .uniform(let minimum, let maximum):
      flat.tag = 2
      flat.p0 = minimum
      flat.p1 = maximum
    case .beta(_, _, let minimum, let maximum):
      flat.tag = 3
      flat.p0 = minimum
      flat.p1 = maximum
      flat.count = table.count
      tables.append(contentsOf: table)
    case .poisson, .categorical:
      flat.tag = 4
      flat.count = thresholds.count
      tables.append(contentsOf: thresholds)
    }
    return flat
  }

  /// The margin's value for a standard normal coordinate x (the quantile at Φ(x)), clamped.
  public func value(standardNormal x: Double) -> Double {
    var storage: [Double] = []
    let flat = flattened(appendingTablesTo: &storage)
    return storage.withUnsafeBufferPointer {
      flat.value(standardNormal: x, tables: $0)
    }
  }

  /// Beta(α, β) quantiles at Φ(x) on the grid, by safeguarded Newton on ``IncompleteBeta``.
  private static func betaTable(alpha: Double, beta: Double) -> [Double] {
    let grid = tableGrid
    let step = (grid.upper - grid.lower) / Double(grid.steps)
    return (0...grid.steps).map { i in
      let p = Normal.cdf(grid.lower + Double(i) * step)
      return IncompleteBeta.inverse(p, a: alpha, b: beta)
    }
  }
}

/// A margin reduced to plain numbers, so that evaluating it copies nothing reference-counted.
///
/// Built by ``Marginal/flattened(appendingTablesTo:)``; evaluated by
/// ``value(standardNormal:tables:)`` with the shared table storage. Gives exactly the values of
/// ``Marginal/value(standardNormal:)``.
public struct FlatMarginal: Sendable, Equatable {
  /// 0 normal, 1 log-normal, 2 uniform, 3 Beta table, 4 thresholds (categorical, Poisson).
  public var tag: UInt8
  /// The first parameter: the mean, the median or the minimum.
  public var p0: Double
  /// The second parameter: the standard deviation, σ or the maximum.
  public var p1: Double
  /// Values below this are raised to it.
  public var lowerBound: Double
  /// Values above this are lowered to it.
  public var upperBound: Double
  /// Where the margin's table starts in the shared storage.
  public var offset: Int
  /// The length of the margin's table.
  public var count: Int

  /// The margin's value for a standard normal coordinate x.
  @inlinable
  public func value(
    standardNormal x: Double, tables: UnsafeBufferPointer<Double>
  ) -> Double {
    let raw: Double
    switch tag {
    case 0: raw = p0 + p1 * x
    case 1: raw = p0 * exp(p1 * x)
    case 2: raw = p0 + (p1 - p0) * Normal.cdf(x)
    case 3:
      let grid = Marginal.tableGrid
      let step = (grid.upper - grid.lower) / Double(grid.steps)
      let position =
        (Swift.min(Swift.max(x, grid.lower), grid.upper) - grid.lower) / step
      let i = Swift.min(Int(position), grid.steps - 1)
      let fraction = position - Double(i)
      let a = tables[offset + i]
      let b = tables[offset + i + 1]
      raw = p0 + (p1 - p0) * (a + (b - a) * fraction)
    default:
      var index = 0
      while index < count && x >= tables[offset + index] { index += 1 }
      raw = Double(index)
    }
    return Swift.min(Swift.max(raw, lowerBound), upperBound)
  }
}
