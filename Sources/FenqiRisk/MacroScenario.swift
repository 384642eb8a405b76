import Foundation

/// A macro-economic path and the shocks layered on it, as a scenario states them.
///
/// Series are monthly, one value per simulated period (a single value means constant):
/// unemployment and the benchmark rate as fractions, consumer confidence as an index.
public struct MacroScenario: Sendable, Equatable {
  /// The unemployment rate per period.
  public var unemployment: [Double]
  /// The benchmark (loan prime) rate per period, annual.
  public var benchmarkRate: [Double]
  /// The consumer-confidence index per period.
  public var confidence: [Double]
  /// Merchant categories and their stress.
  public var sectors: Sectors?
  /// Shocks, applied in order on top of the series.
  public var shocks: [Shock]
  /// How the macro path drives correlated defaults.
  public var vasicek: VasicekSettings
  /// Need rate × (confidence ÷ its first value)^elasticity.
  public var confidenceElasticity: Double
  /// The weighted scenario set of stress runs and forward-looking ECL (nil: ``WeightedScenarioSet/standard``).
  public var scenarioSet: WeightedScenarioSet? = nil

  /// Creates a macro scenario.
  public init(
    unemployment: [Double], benchmarkRate: [Double], confidence: [Double],
    sectors: Sectors? = nil, shocks: [Shock] = [],
    vasicek: VasicekSettings = VasicekSettings(),
    confidenceElasticity: Double = 1
  ) {
    self.unemployment = unemployment
    self.benchmarkRate = benchmarkRate
    self.confidence = confidence
    self.sectors = sectors
    self.shocks = shocks
    self.vasicek = vasicek
    self.confidenceElasticity = confidenceElasticity
  }

  /// Merchant categories: each purchase falls in one (by `mix`), and each may carry a stress
  /// path that multiplies its loans' default probability.
  public struct Sectors: Sendable, Equatable {
    /// Category names (3C, appliances, luxury, education, medicalAesthetics, b2b, …).
    public var names: [String]
    /// The share of purchases in each, summing to 1.
    public var mix: [Double]
    /// Per category, a multiplier of the monthly default probability per period (1 when
    /// absent).
    public var stress: [[Double]]

    /// Creates the categories.
    public init(names: [String], mix: [Double], stress: [[Double]]) {
      self.names = names
      self.mix = mix
      self.stress = stress
    }
  }

  /// A shock on top of the baseline path.
  public enum Shock: Sendable, Equatable {
    /// Unemployment rises by `points` (a fraction) over `rampMonths` from `start`, holds for
    /// `holdMonths`, then returns to the baseline over `recoveryMonths`.
    case recession(
      start: Int, rampMonths: Int, points: Double, holdMonths: Int,
      recoveryMonths: Int)
    /// From `start` the category's merchants close: new purchases there stop, and
    /// `stopShare` of its open loans stop paying for services never delivered.
    case sectorCollapse(sector: Int, start: Int, stopShare: Double)
    /// From `start` the regulatory APR cap is `cap`: offers above it are repriced to it.
    case aprCap(start: Int, cap: Double)
    /// From `start` the channel may not be used.
    case channelBan(channel: String, start: Int)
    /// The benchmark rate, and with it the funding cost, rises by `points` from `start`.
    case rateRise(start: Int, points: Double)
  }

  /// How the macro path moves the systematic factor, and the asset correlations.
  public struct VasicekSettings: Sendable, Equatable {
    /// Asset correlation ρ per segment name; `defaultRho` for the others.
    public var rho: [String: Double] = [:]
    /// ρ for segments not named (Basel II's retail "qualifying revolving" value, 0.04).
    public var defaultRho = 0.04
    /// Z falls by this much per percentage point of unemployment above its first value.
    public var unemploymentSensitivity = 0.15
    /// Z falls by this much per percentage point of benchmark rate above its first value.
    public var rateSensitivity = 0.1
    /// Z rises by this much per 10 points of confidence above its first value.
    public var confidenceSensitivity = 0.2
    /// Persistence φ of the random part of Z in stress paths (AR(1)): year to year with the
    /// annual generator, month to month with the monthly one.
    public var persistence = 0.6
    /// How stress paths draw the random part of Z.
    public var generator = FactorGenerator.annual

    /// How stress paths draw the random part of the systematic factor.
    public enum FactorGenerator: String, Sendable, CaseIterable {
      /// One standard-normal draw per path and year, held for its twelve months
      /// (``FactorDraws``): the one-year horizon of the asset correlation.
      case annual
      /// A monthly AR(1) with standard-normal marginals (the earlier generator: twelve partly
      /// independent months average out, so the one-year loss is far narrower than Vasicek's).
      case monthly
    }

    /// The defaults.
    public init() {}
  }
}

/// A macro scenario resolved into per-period arrays (index = period, 1-based; index 0 repeats
/// period 1).
public struct MacroPath: Sendable, Equatable {
  /// Unemployment per period, shocks included.
  public var unemployment: [Double]
  /// Benchmark rate per period, shocks included.
  public var benchmarkRate: [Double]
  /// Confidence per period.
  public var confidence: [Double]
  /// The systematic factor the macro path implies (before any random draw).
  public var z: [Double]
  /// Need multiplier per period from confidence.
  public var demand: [Double]
  /// Added to the annual funding rate per period (benchmark rate above its first value).
  public var fundingShift: [Double]
  /// Per category and period, the default-probability multiplier.
  public var sectorStress: [[Double]]
  /// Per category and period, the share of its loans that stop paying (0 before a collapse).
  public var sectorStop: [[Double]]
  /// The APR cap in force per period (nil: none).
  public var aprCap: [Double?]
  /// The first period each named channel is banned from.
  public var channelBans: [String: Int]

  /// Resolves `m` over `periods` months; a path shorter than the run (a run-off after the
  /// window) holds its last month.
  public init(_ m: MacroScenario, periods: Int) {
    func series(_ s: [Double]) -> [Double] {
      (0...periods).map { t in s[Swift.min(Swift.max(1, t), s.count) - 1] }
    }
    var u = series(m.unemployment)
    var r = series(m.benchmarkRate)
    let c = series(m.confidence)
    let categories = m.sectors?.names.count ?? 0
    let stress = (0..<categories).map { k -> [Double] in
      let path = m.sectors?.stress[k] ?? []
      return path.isEmpty
        ? [Double](repeating: 1, count: periods + 1) : series(path)
    }
    var stop = [[Double]](
      repeating: [Double](repeating: 0, count: periods + 1), count: categories)
    var cap = [Double?](repeating: nil, count: periods + 1)
    var bans: [String: Int] = [:]
    for shock in m.shocks {
      switch shock {
      case .recession(let start, let ramp, let points, let hold, let recovery):
        for t in 0...periods {
          let p = Swift.max(1, t)
          var x = 0.0
          if p >= start && p < start + ramp {
            x = points * Double(p - start + 1) / Double(ramp)
          } else if p >= start + ramp && p < start + ramp + hold {
            x = points
          } else if p >= start + ramp + hold
            && p < start + ramp + hold + recovery
          {
            x =
              points
              * (1 - Double(p - start - ramp - hold + 1) / Double(recovery + 1))
          }
          u[t] += x
        }
      case .sectorCollapse(let k, let start, let share):
        for t in 0...periods where Swift.max(1, t) >= start {
          stop[k][t] = share
        }
      case .aprCap(let start, let value):
        for t in 0...periods where Swift.max(1, t) >= start {
          cap[t] = Swift.min(cap[t] ?? value, value)
        }
      case .channelBan(let channel, let start):
        bans[channel] = Swift.min(bans[channel] ?? start, start)
      case .rateRise(let start, let points):
        for t in 0...periods where Swift.max(1, t) >= start { r[t] += points }
      }
    }
    unemployment = u
    benchmarkRate = r
    confidence = c
    let v = m.vasicek
    z = (0...periods).map { t in
      -v.unemploymentSensitivity * (u[t] - u[1]) * 100 - v.rateSensitivity
        * (r[t] - r[1]) * 100
        + v.confidenceSensitivity * (c[t] - c[1]) / 10
    }
    demand = c.map { pow($0 / c[1], m.confidenceElasticity) }
    fundingShift = r.map { $0 - r[1] }
    sectorStress = stress
    sectorStop = stop
    aprCap = cap
    channelBans = bans
  }
}
