/// `report.md`: the run's scenario, the arms side by side, segments and the monthly book, built from
/// a run folder's files alone.
public enum MarkdownReport {
  /// The report text.
  public static func text(_ d: RunData) -> String {
    var out = "# Fenqi run: \(escape(d.scenarioName))\n\n"
    if !d.description.isEmpty { out += paragraph(d.description) + "\n\n" }
    out += HTMLReport.meta(d).map(escape).joined(separator: " · ")
    out += ". Money in yuan; rates as percentages.\n\n"
    out += EconomicsSection.markdown(d)
    out += ExperimentSection.markdown(d)
    out += "## Arms side by side\n\n"
    out += table(
      ["measure"] + d.armNames,
      HTMLReport.measures(d).map { label, column, format in
        [label] + d.armNames.map { format(d.armFigure($0, column)) }
      })
    out +=
      "\n" + MarketingSection.markdown(d) + ProvisionSection.markdown(d)
      + RiskSection.markdown(d) + TargetingSection.markdown(d)
      + BusinessSection.markdown(d)
    out += "## Segments\n\n"
    out += table(
      [
        "arm", "segment", "customers", "bookings", "booked, ¥", "bad-debt rate",
      ],
      d.segments.rows.map { row in
        let hidden = d.segments.text(row, "hidden") == "true" ? " (hidden)" : ""
        return [
          d.segments.text(row, "arm"), d.segments.text(row, "segment") + hidden,
          Formatting.integer(d.segments.number(row, "customers")),
          Formatting.integer(d.segments.number(row, "bookings")),
          Formatting.money(d.segments.number(row, "booked_principal")),
          Formatting.percent(d.segments.number(row, "bad_debt_rate")),
        ]
      }, textColumns: 2)
    out += "\n## Bookings, balance and DPD30+ by month\n\n"
    out += table(
      ["month"]
        + d.armNames.flatMap {
          ["\($0) bookings", "\($0) balance, ¥", "\($0) DPD30+"]
        },
      HTMLReport.monthLabels(d).enumerated().map { i, label in
        [label]
          + d.armNames.flatMap { arm in
            // A month missing from a (hand-edited) folder reads as NaN, shown as "–".
            func value(_ column: String) -> Double {
              let series = d.series(arm, column)
              return i < series.count ? series[i] : .nan
            }
            let bookings = value("bookings")
            let balance = value("outstanding_balance")
            let late = [
              "balance_dpd_31_60", "balance_dpd_61_90", "balance_dpd_90_plus",
            ].reduce(0.0) { $0 + value($1) }
            return [
              Formatting.integer(bookings), Formatting.money(balance),
              Formatting.percent(balance > 0 ? late / balance : 0),
            ]
          }
      })
    out +=
      "\nCharts: `report.html` in this folder. Statistics of the differences (confidence intervals, tests) "
    out +=
      "come with the experiment layer; `summary.json` holds the raw differences from the first arm.\n"
    return out
  }
}
