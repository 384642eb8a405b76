import FenqiCore
import FenqiSimulation

/// The risk stack's tables: `risk.csv` (per period × arm) and `decisions.csv` (explained
/// decisions), plus the burn-in figures in `summary.json`.
public enum RiskResultTables {
  /// `risk.csv`: the decision stack per period × arm.
  public static func risk(_ r: RunResult) -> CSVTable {
    let tiers = r.scenario.riskStack?.creditLines?.tiers.count ?? 0
    let levels = r.scenario.riskStack?.confidence ?? []
    var t = CSVTable(
      header: [
        "period", "arm", "mode", "applications", "approvals", "approval_rate",
        "threshold",
      ] + levels.map { "calibrated_loss_\(JSONWriter.format($0 * 100))" } + [
        "average_pd", "average_apr", "booked_principal", "fraud_applications",
        "fraud_caught", "fraud_missed", "false_positives",
        "false_positive_rate", "fraud_loss", "pd_declines", "line_declines",
        "cap_declines", "rule_declines", "price_refusals", "data_errors",
      ] + (0..<tiers).map { "tier_\($0 + 1)" } + [
        "auc_true", "auc_booked", "psi", "retrained", "charge_off_principal",
        "psi_alarm", "psi_top_band", "csi_max", "csi_feature", "csi_alarm",
        "calibration_true", "drift_action", "refit_auc_booked",
        "refit_auc_through_the_door", "refit_calibration", "refit_booked",
        "refit_rejects",
      ])
    guard let risk = r.risk else { return t }
    for (p, row) in r.periods.enumerated() {
      for (a, m) in row.enumerated() {
        let c = m.counts
        let k = c.risk
        let rec = risk.periods[p][a]
        let genuine = c.applications - k.fraudApplications
        let rate = c.applications > 0 ? c.approvals / c.applications : .nan
        var numbers: [Double] = [
          c.applications, c.approvals, rate, rec.threshold,
        ]
        for j in levels.indices {
          numbers.append(
            j < rec.calibratedLoss.count ? rec.calibratedLoss[j] : .nan)
        }
        let averagePD = k.scored > 0 ? k.pdSum / k.scored : .nan
        let averageAPR = c.bookings > 0 ? k.aprSum / c.bookings : .nan
        let falseRate = genuine > 0 ? k.falsePositives / genuine : .nan
        numbers += [
          averagePD, averageAPR, c.bookedPrincipal, k.fraudApplications,
          k.fraudCaught, k.fraudMissed, k.falsePositives, falseRate,
          k.fraudLoss, k.pdDeclines, k.lineDeclines, k.capDeclines,
          k.ruleDeclines, k.priceRefusals, k.dataErrors,
        ]
        numbers += k.tierCounts.prefix(tiers)
        numbers += [
          rec.aucTrue, rec.aucBooked, rec.psi, rec.retrained ? 1 : 0,
          c.book.chargeOffPrincipal,
        ]
        let label = [
          String(m.period), CSVTable.cell(r.scenario.arms[a].name), rec.mode,
        ]
        let d = rec.drift
        let drift = [
          d.alarm.name, String(d.band), CSVTable.cell(d.featureStability),
          d.feature, d.featureAlarm.name, CSVTable.cell(d.calibration),
          d.action,
        ]
        let f = rec.refit
        let refit = [
          f.aucBooked, f.aucThroughTheDoor, f.calibration, Double(f.booked),
          Double(f.rejects),
        ].map(CSVTable.cell)
        t.append(label + numbers.map(CSVTable.cell) + drift + refit)
      }
    }
    return t
  }

  /// `decisions.csv`: the sampled decisions with their scores, threshold, price, line and top
  /// reasons (TreeSHAP contributions in log-odds toward "bad").
  public static func decisions(_ r: RunResult) -> CSVTable {
    let k = r.scenario.riskStack?.reasonCount ?? 3
    var t = CSVTable(
      header: [
        "period", "arm", "customer", "decision", "anomaly_score", "pd",
        "threshold", "apr", "amount", "line",
      ] + (1...k).flatMap { ["reason_\($0)", "contribution_\($0)"] })
    for d in r.risk?.decisions ?? [] {
      var cells = [
        String(d.period), CSVTable.cell(r.scenario.arms[d.arm].name),
        String(d.customer), d.outcome,
      ]
      cells += [d.anomaly, d.pd, d.threshold, d.apr, d.amount, d.line].map(
        CSVTable.cell)
      for j in 0..<k {
        if j < d.reasons.count {
          cells += [d.reasons[j].0, CSVTable.cell(d.reasons[j].1)]
        } else {
          cells += ["", ""]
        }
      }
      t.append(cells)
    }
    return t
  }

  /// The burn-in figures for `summary.json`.
  public static func burnIn(_ r: RunResult) -> JSONValue? {
    guard let risk = r.risk else { return nil }
    return .object([
      ("applications", .number(Double(risk.burnInApplications))),
      ("labelledLoans", .number(Double(risk.burnInLabelled))),
      ("badRate", .number(risk.burnInBadRate)),
      ("holdoutAUC", .number(risk.burnInAUC)),
    ])
  }
}
