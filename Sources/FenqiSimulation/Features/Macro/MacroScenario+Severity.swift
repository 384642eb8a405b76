import FenqiRisk

extension MacroScenario {
  /// The scenario with its shocks at `severity` (1: as stated): recession and rate-rise points
  /// scaled by it, the other shocks kept when it is above 0 and dropped at 0.
  public func scaled(severity k: Double) -> MacroScenario {
    var m = self
    m.shocks = shocks.compactMap { $0.scaled(k) }
    return m
  }

  /// The scenario with only shock `index` (at its stated severity).
  public func only(shock index: Int) -> MacroScenario {
    var m = self
    m.shocks = [shocks[index]]
    return m
  }

  /// The scenario with shock `index` at `severity` and the others as stated.
  public func scaling(shock index: Int, severity k: Double) -> MacroScenario {
    var m = self
    m.shocks = shocks.enumerated().compactMap { i, s in
      i == index ? s.scaled(k) : s
    }
    return m
  }
}

extension MacroScenario.Shock {
  /// The shock's name in a scenario file (`recession`, `sectorCollapse`, …).
  public var kind: String {
    switch self {
    case .recession: "recession"
    case .sectorCollapse: "sectorCollapse"
    case .aprCap: "aprCap"
    case .channelBan: "channelBan"
    case .rateRise: "rateRise"
    }
  }

  /// The shock at severity `k`: magnitudes scaled for a recession or a rate rise, on/off for the
  /// others; nil when `k` is 0.
  func scaled(_ k: Double) -> Self? {
    guard k > 0 else { return nil }
    switch self {
    case .recession(let start, let ramp, let points, let hold, let recovery):
      return .recession(
        start: start, rampMonths: ramp, points: points * k, holdMonths: hold,
        recoveryMonths: recovery)
    case .rateRise(let start, let points):
      return .rateRise(start: start, points: points * k)
    default:
      return self
    }
  }
}
