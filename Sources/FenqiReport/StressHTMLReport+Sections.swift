import FenqiCore

extension StressHTMLReport {
  /// The members of the scenario set, in file order.
  static func members(_ t: Table) -> [String] {
    HTMLReport.uniqueInOrder(t.rows.map { t.text($0, "scenario") })
  }

  static func scenarioSet(_ f: Files) -> String {
    guard let set = f.table("scenario_set.csv"),
      let paths = f.table("scenario_paths.csv")
    else { return "" }
    let rows = set.rows.map { r in
      [
        set.text(r, "scenario"),
        Formatting.percent(set.number(r, "weight"), digits: 0),
        Formatting.fixed(set.number(r, "severity"), digits: 1),
        set.text(r, "arm"),
        Formatting.money(set.number(r, "loss")),
        Formatting.percent(set.number(r, "loss_rate")),
        Formatting.money(set.number(r, "net_income")),
        Formatting.percent(set.number(r, "peak_dpd30_plus_rate")),
      ]
    }
    var content = RiskSection.htmlTable(
      "scenario-set",
      [
        "scenario", "weight", "severity", "arm", "loss", "loss rate",
        "net income",
        "peak DPD30+",
      ], rows)
    let names = members(paths)
    var window = Int.max
    if case .number(let w) = f.identity["window"] ?? .null { window = Int(w) }
    for arm in f.arms {
      let all = paths.rows(where: "arm", is: arm)
      let months = HTMLReport.uniqueInOrder(
        all.map { paths.text($0, "period") })
      func series(_ column: String, within limit: Int = .max) -> [ChartSeries] {
        names.map { name in
          ChartSeries(
            name: name,
            values: all.filter {
              paths.text($0, "scenario") == name
                && Int(paths.text($0, "period")) ?? 0 <= limit
            }.map { paths.number($0, column) })
        }
      }
      content += HTMLReport.figure(
        SVGChart.line(
          id: "dpd-\(arm)",
          title: "\(arm): DPD30+ by month of the window under each scenario",
          xLabels: Array(months.prefix(window)), xTitle: "month of the window",
          yTitle: "DPD30+ share of balance",
          series: series("dpd30_plus_rate", within: window),
          format: { Formatting.percent($0, digits: 0) }))
      content += HTMLReport.figure(
        SVGChart.line(
          id: "loss-\(arm)",
          title: "\(arm): loss charged off by month (window and run-off)",
          xLabels: months, xTitle: "month of the run", yTitle: "loss, yuan",
          series: series("loss"), format: Formatting.compact))
    }
    return HTMLReport.section(
      "Weighted scenario set (mean paths)", content,
      note:
        "Each member runs the scenario's shocks at its severity (0 none, 1 as stated, 2 twice the recession and rate-rise points); the weights make the lender's probability-weighted ECL."
    )
  }

  static func provisions(_ f: Files) -> String {
    guard let t = f.table("provisions.csv") else { return "" }
    var content = ""
    let totals = t.rows.filter { t.text($0, "stage") == "all" }
    for arm in f.arms {
      let mine = totals.filter { t.text($0, "arm") == arm }
      let months = mine.map { t.text($0, "period") }
      content += HTMLReport.figure(
        SVGChart.line(
          id: "ecl-\(arm)", title: "\(arm): provision by month",
          xLabels: months, xTitle: "month of the run (reporting date)",
          yTitle: "ECL, yuan",
          series: [
            ChartSeries(
              name: "lender, probability-weighted",
              values: mine.map { t.number($0, "lender_weighted") }),
            ChartSeries(
              name: "lender, point in time",
              values: mine.map { t.number($0, "lender_point_in_time") }),
            ChartSeries(
              name: "true ECL (each loan's own PD)",
              values: mine.map { t.number($0, "true_ecl") }),
          ], format: Formatting.compact))
    }
    let scenarioColumns = t.header.filter { $0.hasPrefix("ecl_") }
    let report = reportingMonth(t)
    var rows: [[String]] = []
    for r in t.rows
    where t.text(r, "period") == report && t.text(r, "stage") != "all" {
      let exposure = t.number(r, "exposure")
      let weighted = t.number(r, "lender_weighted")
      rows.append(
        [t.text(r, "arm"), t.text(r, "stage"), Formatting.money(exposure)]
          + scenarioColumns.map { Formatting.money(t.number(r, $0)) }
          + [
            Formatting.money(weighted),
            exposure > 0 ? Formatting.percent(weighted / exposure) : "–",
          ])
    }
    content += RiskSection.htmlTable(
      "ecl-stages",
      ["arm", "stage", "EAD"] + scenarioColumns.map { String($0.dropFirst(4)) }
        + ["weighted", "coverage"], rows)
    return HTMLReport.section(
      "Expected credit loss: the lender's forward view against the truth",
      content,
      note:
        "The lender's ECL uses its own roll rates (pooled balance flows over the last six months of its book), run forward under each weighted scenario; stage 1 = 0–30 DPD (12-month ECL, lifetime when the weighted 12-month PD has doubled since origination: SICR), stage 2 = 31–90 DPD, stage 3 beyond; EAD adds accrued interest; LGD is the downturn LGD. The true ECL reads every loan's own probabilities on the actual mean path. Stage table at month \(report)."
    )
  }

  /// The month the stage table reports: the last before the shocks' first month, else the last.
  static func reportingMonth(_ t: Table) -> String {
    let months = HTMLReport.uniqueInOrder(t.rows.map { t.text($0, "period") })
    let risingFrom = t.rows.first { t.text($0, "sicr") == "1" }.map {
      t.text($0, "period")
    }
    return risingFrom ?? months.last ?? ""
  }

  static func capital(_ f: Files) -> String {
    guard let c = f.table("capital.csv") else { return "" }
    let rows = c.rows.map { r -> [String] in
      let arm = c.text(r, "arm")
      let d = distribution(f, arm, "loss")
      return [
        arm, Formatting.money(c.number(r, "exposure")),
        Formatting.percent(c.number(r, "pd_12_month")),
        Formatting.percent(c.number(r, "lgd_downturn"), digits: 1),
        Formatting.fixed(c.number(r, "correlation"), digits: 3),
        Formatting.money(c.number(r, "irb_capital")),
        Formatting.money(c.number(r, "irb_risk_weighted_assets")),
        Formatting.money(d.valueAtRisk(0.999) - d.mean),
      ]
    }
    return HTMLReport.section(
      "Capital: Basel IRB beside simulated economic capital",
      RiskSection.htmlTable(
        "capital",
        [
          "arm", "performing EAD", "12-month PD", "downturn LGD",
          "correlation R",
          "IRB capital K·EAD", "RWA", "economic capital VaR99.9 − EL",
        ], rows),
      note:
        "Instalment loans are 'other retail' (Basel II §330), not qualifying revolving: R = 0.03·w + 0.16·(1 − w), w = (1 − e^(−35·PD))/(1 − e^(−35)); K = LGD·[Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1 − R)) − PD]. Economic capital is over the run and its run-off, not one year."
    )
  }

  static func reverse(_ f: Files) -> String {
    guard let t = f.table("reverse.csv") else { return "" }
    let holds = t.rows.filter { t.text($0, "breaks") == "0" }.map {
      t.number($0, "severity")
    }
    let breaks = t.rows.filter { t.text($0, "breaks") == "1" }.map {
      t.number($0, "severity")
    }
    let limit = text(f.identity, "reverseLimit")
    let shock = text(f.identity, "reverseShock")
    let below = holds.max() ?? 0
    let summary =
      breaks.min().map {
        "The limit \(limit) breaks when the \(shock) shock is between \(Formatting.fixed(below, digits: 2))× and \(Formatting.fixed($0, digits: 2))× its stated severity."
      }
      ?? "The limit \(limit) holds up to \(Formatting.fixed(below, digits: 2))× the \(shock) shock's stated severity."
    let rows = t.rows.map { r in
      [
        Formatting.fixed(t.number(r, "severity"), digits: 3),
        Formatting.fixed(t.number(r, "measure"), digits: 4),
        t.text(r, "breaks") == "1" ? "breaks" : "holds",
      ]
    }
    return HTMLReport.section(
      "Reverse stress test",
      "<p>\(Formatting.xml(summary))</p>"
        + RiskSection.htmlTable(
          "reverse", ["severity", "measure", "limit"], rows),
      note: "Bisection on mean-path runs; the interval is the last bracket.")
  }

  static func attribution(_ f: Files) -> String {
    guard let t = f.table("attribution.csv") else { return "" }
    let rows = t.rows.map { r in
      [
        t.text(r, "arm"), t.text(r, "component"),
        Formatting.money(t.number(r, "loss")),
      ]
    }
    return HTMLReport.section(
      "Loss attribution by shock (mean paths)",
      RiskSection.htmlTable(
        "attribution", ["arm", "component", "loss, yuan"], rows),
      note:
        "Each shock alone is its run minus the run without shocks; the interaction is the joint loss less the base and every shock alone. 'A vs B' rows split an arm's loss over the control into the arm alone, the shocks alone on the control, and the arm × shocks interaction."
    )
  }
}
