/// `report.md`: the run's scenario, the arms side by side, segments and the monthly book, built from
/// a run folder's files alone.
public enum MarkdownReport {
  /// The report text.
  public static func text(_ d: RunData) -> String {
    var out = "# Fenqi run: \(escape(d.scenarioName))\n\n"
    if !d.description.isEmpty { out += escape(d.description) + "\n\n" }
    out += HTMLReport.meta(d).map(escape).joined(separator: " · ")
    out += ". Money in yuan; rates as percentages.\n\n"
    out += ExperimentSection.markdown(d)
    out += "## Arms side by side\n\n"
    out +=
      "| measure | " + d.armNames.map(escape).joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---:|", count: d.armNames.count) + "\n"
    for (label, column, format) in HTMLReport.armRows {
      out +=
        "| \(label) | "
        + d.armNames.map { format(d.armFigure($0, column)) }.joined(
          separator: " | ") + " |\n"
    }
    out +=
      "\n" + MarketingSection.markdown(d) + ProvisionSection.markdown(d)
      + RiskSection.markdown(d) + TargetingSection.markdown(d)
      + BusinessSection.markdown(d)
    out +=
      "## Segments\n\n| arm | segment | customers | bookings | booked, ¥ | bad-debt rate |\n|---|---|---:|---:|---:|---:|\n"
    for row in d.segments.rows {
      let hidden = d.segments.text(row, "hidden") == "true" ? " (hidden)" : ""
      out +=
        "| \(escape(d.segments.text(row, "arm"))) | \(escape(d.segments.text(row, "segment")))\(hidden) | "
      out +=
        "\(Formatting.integer(d.segments.number(row, "customers"))) | \(Formatting.integer(d.segments.number(row, "bookings"))) | "
      out +=
        "\(Formatting.money(d.segments.number(row, "booked_principal"))) | \(Formatting.percent(d.segments.number(row, "bad_debt_rate"))) |\n"
    }
    out += "\n## Bookings, balance and DPD30+ by month\n\n| month | "
    out += d.armNames.map {
      "\(escape($0)) bookings | \(escape($0)) balance, ¥ | \(escape($0)) DPD30+"
    }.joined(separator: " | ")
    out +=
      " |\n|---|" + String(repeating: "---:|", count: 3 * d.armNames.count)
      + "\n"
    for (i, label) in HTMLReport.monthLabels(d).enumerated() {
      out += "| \(label) | "
      out +=
        d.armNames.map { arm in
          let bookings = d.series(arm, "bookings")[i]
          let balance = d.series(arm, "outstanding_balance")[i]
          let late = [
            "balance_dpd_31_60", "balance_dpd_61_90", "balance_dpd_90_plus",
          ].reduce(0.0) { $0 + d.series(arm, $1)[i] }
          return
            "\(Formatting.integer(bookings)) | \(Formatting.money(balance)) | \(Formatting.percent(balance > 0 ? late / balance : 0))"
        }.joined(separator: " | ") + " |\n"
    }
    out +=
      "\nCharts: `report.html` in this folder. Statistics of the differences (confidence intervals, tests) "
    out +=
      "come with the experiment layer; `summary.json` holds the raw differences from the first arm.\n"
    return out
  }

  /// Escapes text for Markdown: pipes, backticks and HTML-significant characters.
  public static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "`": out += "\\`"
      case "\n", "\r": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
