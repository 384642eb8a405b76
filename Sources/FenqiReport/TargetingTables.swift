import FenqiCore
import FenqiSimulation

/// The targeting layer's tables: `targeting.csv` (per month × targeting arm, against the
/// simulator's truth), `uplift.csv` (Qini and AUUC of each score) and `off_policy.csv`.
public enum TargetingResultTables {
  /// `targeting.csv`.
  public static func months(_ r: RunResult) -> CSVTable {
    let offers = r.scenario.targeting?.offers.map(\.name) ?? []
    var t = CSVTable(
      header: [
        "period", "arm", "policy", "phase", "contacts", "contacted_bookings",
        "expected_bookings", "incremental_bookings",
        "incremental_per_contact", "regret", "regret_per_contact",
        "best_fixed_offer",
      ] + offers.map { "contacts_\($0)" })
    let pilot = r.scenario.targeting?.pilotMonths ?? 0
    for row in r.periods {
      for (a, m) in row.enumerated() {
        guard let policy = r.scenario.arms[a].targeting else { continue }
        let c = m.counts.targeting
        let best = c.offerValue.indices.max {
          c.offerValue[$0] < c.offerValue[$1]
        }
        let numbers: [Double] = [
          c.contacts, c.contactedBookings, c.expectedBookings,
          c.incrementalBookings,
          c.contacts > 0 ? c.incrementalBookings / c.contacts : .nan,
          c.regret, c.contacts > 0 ? c.regret / c.contacts : .nan,
        ]
        t.append(
          [
            String(m.period), CSVTable.cell(r.scenario.arms[a].name),
            policy.policy.rawValue, m.period <= pilot ? "pilot" : "policy",
          ] + numbers.map(CSVTable.cell)
            + [best.map { CSVTable.cell(offers[$0]) } ?? ""]
            + offers.indices.map {
              CSVTable.cell(
                $0 < c.offerContacts.count ? c.offerContacts[$0] : 0)
            })
      }
    }
    return t
  }

  /// `uplift.csv`: each score's Qini coefficient and AUUC, observed and true.
  public static func uplift(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "score", "qini_observed", "auuc_observed", "qini_true", "auuc_true",
    ])
    for u in r.targeting?.uplift ?? [] {
      t.append(
        [CSVTable.cell(u.name)]
          + [u.qiniObserved, u.auucObserved, u.qiniTrue, u.auucTrue].map(
            CSVTable.cell))
    }
    return t
  }

  /// `off_policy.csv`: each policy's IPS and doubly robust estimates with 95% intervals, the
  /// truth, and the intervals' coverage over the log's disjoint parts.
  public static func offPolicy(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "policy", "budget", "ips", "ips_low", "ips_high", "dr", "dr_low",
      "dr_high",
      "true_value", "coverage_ips", "coverage_dr", "parts",
    ])
    let budget = r.targeting?.evaluationBudget ?? .nan
    for o in r.targeting?.offPolicy ?? [] {
      let ips = ends(
        o.ips.value, o.ips.standardError, o.ips.interval)
      let dr = ends(
        o.doublyRobust.value, o.doublyRobust.standardError,
        o.doublyRobust.interval)
      t.append(
        [CSVTable.cell(o.policy)]
          + [
            budget, o.ips.value, ips.low, ips.high,
            o.doublyRobust.value, dr.low, dr.high, o.truth, o.coverageIPS,
            o.coverageDR, Double(o.parts),
          ].map(CSVTable.cell))
    }
    return t
  }

  /// The ends of an estimate's 95% interval, NaN (written `null`) when its value or standard
  /// error is not finite — one logged customer has no variance — without building the range,
  /// which traps on NaN.
  static func ends(
    _ value: Double, _ standardError: Double,
    _ interval: @autoclosure () -> ClosedRange<Double>
  ) -> (low: Double, high: Double) {
    guard value.isFinite, standardError.isFinite else { return (.nan, .nan) }
    let range = interval()
    return (range.lowerBound, range.upperBound)
  }
}
