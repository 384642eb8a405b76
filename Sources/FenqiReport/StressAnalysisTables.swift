import FenqiCore
import FenqiRisk
import FenqiSimulation

/// The tables of a stress run's analysis: the weighted scenario set, the lender's provisions
/// against the truth, capital and loss attribution (column names in the risk reference page).
public enum StressAnalysisTables {
  /// `scenario_set.csv`: per member and arm, the mean-path totals (the DPD30+ peak within the
  /// window: a run-off's last months hold a small, mostly delinquent remainder).
  public static func scenarioSet(_ a: StressAnalysis, lgd: Double) -> CSVTable {
    var t = CSVTable(header: [
      "scenario", "weight", "severity", "arm", "loss", "loss_rate",
      "net_income",
      "peak_dpd30_plus_rate",
    ])
    for s in a.scenarioSet {
      for (k, arm) in s.run.arms.enumerated() {
        let loss = arm.totals.book.chargeOffPrincipal * lgd
        let window = s.run.scenario.window
        let peak =
          s.run.periods.prefix(window).map { row -> Double in
            let b = row[k].counts.book
            return b.totalBalance > 0
              ? (b.balance.2 + b.balance.3 + b.balance.4) / b.totalBalance : 0
          }.max() ?? 0
        t.append(
          [CSVTable.cell(s.member.name)]
            + [s.member.weight, s.member.severity].map(CSVTable.cell)
            + [CSVTable.cell(arm.name)]
            + [
              loss,
              arm.lossRate(loss),
              arm.netIncome, peak,
            ].map(CSVTable.cell))
      }
    }
    return t
  }

  /// `scenario_paths.csv`: per member, month and arm, DPD30+ and the loss charged off.
  public static func scenarioPaths(_ a: StressAnalysis, lgd: Double) -> CSVTable
  {
    var t = CSVTable(header: [
      "scenario", "period", "arm", "dpd30_plus_rate", "loss",
    ])
    for s in a.scenarioSet {
      for row in s.run.periods {
        for (k, m) in row.enumerated() {
          let b = m.counts.book
          t.append(
            [
              CSVTable.cell(s.member.name), String(m.period),
              CSVTable.cell(s.run.scenario.arms[k].name),
            ]
              + [
                b.totalBalance > 0
                  ? (b.balance.2 + b.balance.3 + b.balance.4) / b.totalBalance
                  : 0,
                b.chargeOffPrincipal * lgd,
              ].map(CSVTable.cell))
        }
      }
    }
    return t
  }

  /// `provisions.csv`: per month and arm, the lender's weighted and point-in-time ECL, the true
  /// ECL, PDs and the SICR flag; then per stage the exposure and each member's ECL.
  public static func provisions(_ a: StressAnalysis, arms: [String]) -> CSVTable
  {
    let names = a.scenarioSet.map(\.member.name)
    var t = CSVTable(
      header: [
        "period", "arm", "stage", "exposure", "lender_weighted",
        "lender_point_in_time", "true_ecl", "pd_12_month", "pd_origination",
        "sicr",
      ] + names.map { "ecl_" + $0 })
    for (k, rows) in a.provisions.enumerated() {
      for p in rows {
        let l = p.lender
        t.append(
          [String(p.period), CSVTable.cell(arms[k]), "all"]
            + [
              l.exposure.reduce(0, +), l.provision, p.pointInTime, p.truth,
              l.twelveMonthPD, l.originationPD,
            ].map(CSVTable.cell)
            + [l.significantIncrease ? "1" : "0"]
            + l.byScenario.map { CSVTable.cell($0.reduce(0, +)) })
        for st in 0..<3 {
          t.append(
            [String(p.period), CSVTable.cell(arms[k]), String(st + 1)]
              + [l.exposure[st], l.weighted[st]].map(CSVTable.cell)
              + ["", "", "", "", ""]
              + l.byScenario.map { CSVTable.cell($0[st]) })
        }
      }
    }
    return t
  }

  /// `capital.csv`: per arm, the IRB inputs and capital on the book at the end of month 1.
  public static func capital(_ a: StressAnalysis, arms: [String]) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "exposure", "pd_12_month", "lgd_downturn", "correlation",
      "irb_capital",
      "irb_risk_weighted_assets",
    ])
    for (k, c) in a.capital.enumerated() {
      t.append(
        [CSVTable.cell(arms[k])]
          + [
            c.exposure, c.pd, c.lossGivenDefault, c.correlation, c.regulatory,
            12.5 * c.regulatory,
          ].map(CSVTable.cell))
    }
    return t
  }

  /// `attribution.csv`: per arm, the loss without shocks, each shock alone, their interaction
  /// and the joint loss (mean paths); then, per arm against the control, the arm's effect
  /// without shocks, the shocks' effect on the control and the arm × shocks interaction.
  public static func attribution(
    _ a: StressAnalysis, arms: [String], control: Int, baseline: RunResult,
    shocked: RunResult, lgd: Double
  ) -> CSVTable {
    var t = CSVTable(header: ["arm", "component", "loss"])
    for (k, x) in a.attribution.enumerated() {
      let arm = CSVTable.cell(arms[k])
      t.append([arm, "without_shocks", CSVTable.cell(x.base)])
      for s in x.alone {
        t.append([arm, CSVTable.cell(s.name), CSVTable.cell(s.effect)])
      }
      t.append([arm, "interaction", CSVTable.cell(x.interaction)])
      t.append([arm, "with_all_shocks", CSVTable.cell(x.joint)])
    }
    func loss(_ r: RunResult, _ k: Int) -> Double {
      r.arms[k].totals.book.chargeOffPrincipal * lgd
    }
    for k in arms.indices where k != control {
      let arm = CSVTable.cell(arms[k] + " vs " + arms[control])
      let promotion = loss(baseline, k) - loss(baseline, control)
      let shocks = loss(shocked, control) - loss(baseline, control)
      let joint = loss(shocked, k) - loss(baseline, control)
      t.append([arm, "arm_alone", CSVTable.cell(promotion)])
      t.append([arm, "shocks_alone", CSVTable.cell(shocks)])
      t.append([arm, "interaction", CSVTable.cell(joint - promotion - shocks)])
      t.append([arm, "joint", CSVTable.cell(joint)])
    }
    return t
  }

  /// `reverse.csv`: every severity tried, its measure and whether the limit broke.
  public static func reverse(_ r: ReverseStress) -> CSVTable {
    var t = CSVTable(header: ["severity", "measure", "breaks"])
    for x in r.trials {
      t.append(
        [
          CSVTable.cell(x.severity), CSVTable.cell(x.measure),
          x.breaks ? "1" : "0",
        ])
    }
    return t
  }
}
