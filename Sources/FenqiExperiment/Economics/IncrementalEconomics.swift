import FenqiCore
import FenqiSimulation

/// Incremental economics of every treatment arm against the control, from one or more
/// replicates, each scaled to the whole population.
///
/// Every row's figure is a smooth function of the replicates' mean figures. Its interval is the
/// jackknife's (Quenouille–Tukey): leave one replicate out, recompute, and take
/// t(0.975, R − 1) × the jackknife standard error — for a plain mean exactly the t interval.
/// The probability that an arm is profitable is predictive: the chance that one more run's
/// incremental NPV is positive, t(R − 1) at mean ÷ (SE·√(R + 1)).
public struct IncrementalEconomics: Sendable {
  /// The replicates.
  public let samples: [EconomicsSample]
  /// The scenario (any replicate's).
  public let scenario: Scenario
  /// The control arm's index.
  public let control: Int

  /// Economics of `samples` (at least one) of `scenario` against arm `control`.
  public init(_ samples: [EconomicsSample], scenario: Scenario, control: Int) {
    precondition(!samples.isEmpty, "incremental economics needs a replicate")
    self.samples = samples
    self.scenario = scenario
    self.control = control
  }

  /// Every row: per treatment arm, per horizon (the lifetime only with a run-off), the flows,
  /// the derived items, and at the last horizon each channel's increment.
  public func rows() -> [EconomicsRow] {
    let horizons: [EconomicsHorizon] =
      scenario.runOffMonths > 0 ? [.window, .lifetime] : [.window]
    var out: [EconomicsRow] = []
    for a in scenario.arms.indices where a != control {
      for h in horizons {
        let builder = RowBuilder(
          economics: self, treatment: a,
          horizon: h == .window ? 0 : 1, label: h)
        out += builder.flowRows() + builder.derivedRows()
        if h == horizons.last { out += builder.channelRows() }
      }
    }
    return out
  }
}

/// The rows of one treatment arm at one horizon.
struct RowBuilder {
  let economics: IncrementalEconomics
  let treatment: Int
  let horizon: Int
  let label: EconomicsHorizon

  /// A figure of the mean treatment and control ledgers: (treatment, control, increment).
  typealias Measure = (_ t: ArmLedger, _ c: ArmLedger) -> (
    Double, Double, Double
  )

  var scenario: Scenario { economics.scenario }
  var population: Double { Double(scenario.population.size) }

  /// The mean ledgers over replicates `keep`, scaled to the population.
  func means(_ keep: [Int]) -> (ArmLedger, ArmLedger) {
    let pick = { (a: Int) in
      ArmLedger.mean(
        keep.map { economics.samples[$0].ledgers[horizon][a] },
        population: population)
    }
    return (pick(treatment), pick(economics.control))
  }

  /// The row of `item` measured by `f`, with its jackknife interval.
  func row(
    _ item: EconomicsItem, channel: String = "", perCustomer: Bool = false,
    predictive: Bool = false, _ f: Measure
  ) -> EconomicsRow {
    let r = economics.samples.count
    let all = Array(0..<r)
    let (t, c) = means(all)
    let (tv, cv, inc) = f(t, c)
    var row = EconomicsRow(
      arm: scenario.arms[treatment].name,
      control: scenario.arms[economics.control].name, horizon: label,
      months: horizon == 0 ? scenario.window : scenario.periods, item: item,
      channel: channel, treatment: tv, controlValue: cv, increment: inc,
      perCustomer: perCustomer ? inc / population : .nan, replicates: r)
    guard r >= 2, inc.isFinite else { return row }
    let leaveOneOut = all.map { i -> Double in
      let (t, c) = means(all.filter { $0 != i })
      return f(t, c).2
    }
    guard leaveOneOut.allSatisfy(\.isFinite) else { return row }
    let mean = leaveOneOut.reduce(0, +) / Double(r)
    // Jackknife variance: (R − 1)/R · Σ(θ₍ᵢ₎ − θ̄)².
    let se =
      (Double(r - 1) / Double(r)
      * leaveOneOut.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }).squareRoot()
    let q = StudentT.quantile(0.975, degreesOfFreedom: Double(r - 1))
    row.lower = inc - q * se
    row.upper = inc + q * se
    if predictive {
      row.probabilityPositive =
        se > 0
        ? StudentT.cdf(
          inc / (se * Double(r + 1).squareRoot()),
          degreesOfFreedom: Double(r - 1))
        : (inc > 0 ? 1 : 0)
    }
    return row
  }

  /// The flows: treatment − control.
  func flowRows() -> [EconomicsRow] {
    EconomicsItem.flows.map { item in
      row(
        item, perCustomer: true,
        predictive: item == .netIncome || item == .npv
      ) { t, c in (t[item], c[item], t[item] - c[item]) }
    }
  }
}

extension ArmLedger {
  /// The mean of `ledgers` per customer, times `population`.
  static func mean(_ ledgers: [ArmLedger], population: Double) -> ArmLedger {
    var out = ledgers[0]
    out.flows = [:]
    out.channelBookings = out.channelBookings.map { _ in 0 }
    out.channelCost = out.channelBookings
    out.campaignBookings = 0
    out.postCampaignBookings = 0
    out.cohortPrincipal = 0
    out.cohortChargeOff = 0
    out.residualBalance = 0
    for l in ledgers {
      let w = population / max(l.customers, 1) / Double(ledgers.count)
      for (k, v) in l.flows { out.flows[k, default: 0] += v * w }
      for j in l.channelBookings.indices where j < out.channelBookings.count {
        out.channelBookings[j] += l.channelBookings[j] * w
        out.channelCost[j] += l.channelCost[j] * w
      }
      out.campaignBookings += l.campaignBookings * w
      out.postCampaignBookings += l.postCampaignBookings * w
      out.cohortPrincipal += l.cohortPrincipal * w
      out.cohortChargeOff += l.cohortChargeOff * w
      out.residualBalance += l.residualBalance * w
    }
    out.customers = population
    return out
  }
}
