import FenqiCore

/// The report section of a run with a risk stack: per arm the decision funnel, fraud, prices,
/// lines and model health; per month the threshold, AUCs, PSI and losses.
enum RiskSection {
  /// Column sums of `risk.csv` for one arm.
  static func total(_ t: Table, _ arm: String, _ column: String) -> Double {
    t.rows(where: "arm", is: arm).reduce(0) { $0 + t.number($1, column) }
  }

  /// Mean of a column over the arm's months where it is a number.
  static func mean(_ t: Table, _ arm: String, _ column: String) -> Double {
    let values = t.rows(where: "arm", is: arm).map { t.number($0, column) }
      .filter { !$0.isNaN }
    return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  static func tierColumns(_ t: Table) -> [String] {
    t.header.filter { $0.hasPrefix("tier_") }
  }

  static func armHeader(_ t: Table) -> [String] {
    [
      "arm", "applications", "approval rate", "mean threshold", "mean PD",
      "mean APR", "fraud caught", "fraud missed", "false-positive rate",
      "fraud loss, ¥", "PD declines", "line declines", "price refusals",
    ] + tierColumns(t).map { $0.replacingOccurrences(of: "_", with: " ") } + [
      "AUC true", "AUC booked", "max PSI", "charge-offs, ¥",
    ]
  }

  static func armRows(_ d: RunData, _ t: Table) -> [[String]] {
    d.armNames.map { arm in
      let applications = total(t, arm, "applications")
      let fraudApps = total(t, arm, "fraud_applications")
      let psi =
        t.rows(where: "arm", is: arm).map { t.number($0, "psi") }
        .filter { !$0.isNaN }.max() ?? .nan
      let booked = total(t, arm, "approvals")
      let aprWeighted = t.rows(where: "arm", is: arm).reduce(0.0) {
        let apr = t.number($1, "average_apr")
        let n = t.number($1, "approvals")
        return $0 + (apr.isNaN ? 0 : apr * n)
      }
      return [arm, Formatting.integer(applications)]
        + [
          Formatting.percent(total(t, arm, "approvals") / applications),
          Formatting.percent(mean(t, arm, "threshold"), digits: 1),
          Formatting.percent(mean(t, arm, "average_pd"), digits: 1),
          Formatting.percent(
            booked > 0 ? aprWeighted / booked : .nan, digits: 1),
          Formatting.integer(total(t, arm, "fraud_caught")),
          Formatting.integer(total(t, arm, "fraud_missed")),
          Formatting.percent(
            total(t, arm, "false_positives") / (applications - fraudApps),
            digits: 2),
          Formatting.money(total(t, arm, "fraud_loss")),
          Formatting.integer(total(t, arm, "pd_declines")),
          Formatting.integer(total(t, arm, "line_declines")),
          Formatting.integer(total(t, arm, "price_refusals")),
        ] + tierColumns(t).map { Formatting.integer(total(t, arm, $0)) }
        + [
          Formatting.fixed(mean(t, arm, "auc_true"), digits: 3),
          Formatting.fixed(mean(t, arm, "auc_booked"), digits: 3),
          Formatting.fixed(psi, digits: 3),
          Formatting.money(total(t, arm, "charge_off_principal")),
        ]
    }
  }

  static func monthHeader(_ t: Table) -> [String] {
    [
      "month", "arm", "decided by", "approval rate", "threshold", "mean APR",
      "mean amount, ¥", "bookings by line tier", "fraud caught",
      "fraud missed", "AUC true", "AUC booked", "PSI", "drift alarm",
      "re-trained", "charge-offs, ¥",
    ]
  }

  static func monthRows(_ t: Table) -> [[String]] {
    let tiers = tierColumns(t)
    return t.rows.map { r in
      let approvals = t.number(r, "approvals")
      return [
        t.text(r, "period"), t.text(r, "arm"), t.text(r, "mode"),
        Formatting.percent(t.number(r, "approval_rate"), digits: 1),
        Formatting.percent(t.number(r, "threshold"), digits: 1),
        Formatting.percent(t.number(r, "average_apr"), digits: 1),
        Formatting.money(
          approvals > 0 ? t.number(r, "booked_principal") / approvals : .nan),
        tiers.isEmpty
          ? "–"
          : tiers.map { Formatting.integer(t.number(r, $0)) }.joined(
            separator: " / "),
        Formatting.integer(t.number(r, "fraud_caught")),
        Formatting.integer(t.number(r, "fraud_missed")),
        Formatting.fixed(t.number(r, "auc_true"), digits: 3),
        Formatting.fixed(t.number(r, "auc_booked"), digits: 3),
        Formatting.fixed(t.number(r, "psi"), digits: 3),
        DriftSection.alarm(t, r),
        t.number(r, "retrained") == 1 ? "yes" : "",
        Formatting.money(t.number(r, "charge_off_principal")),
      ]
    }
  }

  static func lead(_ d: RunData) -> String {
    var s =
      "Every application passes the fraud screen (rules and an isolation forest), the PD model "
      + "against the month's calibrated threshold, the AHP credit line and the risk-based price. "
    if let b = d.summary["riskStackBurnIn"] {
      let number = { (k: String) -> Double in
        if case .number(let x) = b[k] ?? .null { return x }
        return .nan
      }
      s +=
        "The first PD model learnt from a burn-in book of \(Formatting.integer(number("labelledLoans"))) "
        + "booked loans (bad rate \(Formatting.percent(number("badRate"), digits: 1)), "
        + "hold-out AUC \(Formatting.fixed(number("holdoutAUC"), digits: 3))). "
    }
    s +=
      "AUC true: scores against every applicant's true chance of going 90+ days past due; AUC booked: "
      + "against the observed outcomes of booked loans once their window has passed (what the lender can "
      + "measure). PSI: this month's application scores against the burn-in's. risk.csv has every column, "
      + "decisions.csv the sampled decisions with their top reasons."
    return s
  }

  static func markdown(_ d: RunData) -> String {
    guard let t = d.risk else { return "" }
    var out = "## Decision stack\n\n" + lead(d) + "\n\n"
    out += MarkdownReport.table(armHeader(t), armRows(d, t))
    out += "\n" + MarkdownReport.paragraph(DriftSection.summary(d, t)) + "\n"
    out +=
      "\n### By month\n\n"
      + MarkdownReport.table(monthHeader(t), monthRows(t))
    return out + "\n"
  }

  static func htmlTable(_ id: String, _ header: [String], _ rows: [[String]])
    -> String
  {
    // Columns with nothing in them (every cell "–" or zero) are left out, not printed empty.
    let blank: Set<String> = ["–", "", "0", "0.0%", "0.00%", "0.000"]
    let kept = header.indices.filter { c in
      c == 0 || !rows.allSatisfy { c >= $0.count || blank.contains($0[c]) }
    }
    let header = kept.map { header[$0] }
    let rows = rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } }
    var t = "<table id=\"\(id)\"><thead><tr>"
    t +=
      header.map { "<th>\(Formatting.xml($0))</th>" }.joined()
      + "</tr></thead><tbody>"
    for r in rows {
      t +=
        "<tr>" + r.map { "<td>\(Formatting.xml($0))</td>" }.joined() + "</tr>"
    }
    return t + "</tbody></table>"
  }

  /// Whether a column has a finite value anywhere: a chart of none is left out, not drawn blank.
  static func hasValues(_ t: Table, _ column: String) -> Bool {
    t.rows.contains { t.number($0, column).isFinite }
  }

  static func html(_ d: RunData) -> String {
    guard let t = d.risk else { return "" }
    let labels = HTMLReport.monthLabels(d)
    let thresholds = SVGChart.line(
      id: "risk-threshold", title: "Calibrated PD threshold by month",
      xLabels: labels, xTitle: "calendar month", yTitle: "PD threshold",
      series: d.armNames.map { arm in
        ChartSeries(
          name: arm,
          values: t.rows(where: "arm", is: arm).map {
            t.number($0, "threshold")
          })
      },
      format: { Formatting.percent($0, digits: 1) })
    let auc = SVGChart.line(
      id: "risk-auc", title: "PD model AUC: true population vs booked loans",
      xLabels: labels, xTitle: "calendar month", yTitle: "AUC",
      series: d.armNames.flatMap { arm -> [ChartSeries] in
        let rows = t.rows(where: "arm", is: arm)
        guard rows.contains(where: { !t.number($0, "auc_true").isNaN }) else {
          return []
        }
        return [
          ChartSeries(
            name: "\(arm) true", values: rows.map { t.number($0, "auc_true") }),
          ChartSeries(
            name: "\(arm) booked",
            values: rows.map { t.number($0, "auc_booked") }),
        ]
      },
      format: { Formatting.fixed($0, digits: 2) })
    return HTMLReport.section(
      "Decision stack",
      "<p>\(Formatting.xml(lead(d)))</p>"
        + htmlTable("risk-arms", armHeader(t), armRows(d, t))
        + "<p>\(Formatting.xml(DriftSection.summary(d, t)))</p>"
        + (hasValues(t, "threshold") ? HTMLReport.figure(thresholds) : "")
        + (hasValues(t, "auc_true") || hasValues(t, "auc_booked")
          ? HTMLReport.figure(auc) : "")
        + htmlTable("risk-months", monthHeader(t), monthRows(t)))
  }
}
