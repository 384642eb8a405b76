/// The out-of-sample test of a satellite model: fit on the early months of a tape, forecast the
/// pooled miss rate of the later months from their macro values alone, and compare.
public struct SatelliteBackTest: Sendable, Equatable {
  /// The months forecast (calendar months after the fit).
  public let periods: [Int]
  /// The observed pooled miss rate of each, a fraction.
  public let observed: [Double]
  /// The model's forecast.
  public let forecast: [Double]
  /// The forecast of a model without macro drivers (each segment's fitted rate held flat), the
  /// benchmark a satellite model must beat.
  public let flat: [Double]

  /// Forecasts every month after `model.fittedThrough` that has current loans and history.
  public init(
    model: SatelliteModel, observations o: SatelliteObservations,
    history: MacroHistory
  ) {
    var periods: [Int] = []
    var observed: [Double] = []
    var forecast: [Double] = []
    var flat: [Double] = []
    let n = o.periods.count
    let base = history.row(of: o.periods.first ?? 0) ?? 0
    for (t, period) in o.periods.enumerated() where period > model.fittedThrough
    {
      guard let h = history.row(of: period) else { continue }
      var trials = 0.0
      var misses = 0.0
      var expected = 0.0
      var expectedFlat = 0.0
      for s in o.segments.indices {
        let c = o.trials[s * n + t]
        trials += c
        misses += o.misses[s * n + t]
        expected +=
          c * model.missProbability(segment: s, history: history, row: h)
        expectedFlat +=
          c * model.missProbability(segment: s, history: history, row: base)
      }
      guard trials > 0 else { continue }
      periods.append(period)
      observed.append(misses / trials)
      forecast.append(expected / trials)
      flat.append(expectedFlat / trials)
    }
    self.periods = periods
    self.observed = observed
    self.forecast = forecast
    self.flat = flat
  }

  /// Root-mean-square error of the forecast, in fractions (NaN without months).
  public var rootMeanSquareError: Double { Self.rmse(forecast, observed) }
  /// Root-mean-square error of the flat benchmark.
  public var flatRootMeanSquareError: Double { Self.rmse(flat, observed) }
  /// Mean of forecast − observed (the bias).
  public var meanError: Double {
    periods.isEmpty
      ? .nan
      : zip(forecast, observed).reduce(0) { $0 + $1.0 - $1.1 }
        / Double(periods.count)
  }

  static func rmse(_ a: [Double], _ b: [Double]) -> Double {
    guard !a.isEmpty else { return .nan }
    let ss = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return (ss / Double(a.count)).squareRoot()
  }
}
