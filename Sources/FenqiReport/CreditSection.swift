/// The credit reviewer's section: the vintage triangle and the roll-rate matrix.
///
/// The triangle shows 30+, 60+ and 90+ days past due by month on book for each booking month
/// (from `vintages.csv`); the matrix comes from `roll_rates.csv`. Left out of runs whose files
/// predate these columns or whose arms booked nothing.
enum CreditSection {
  /// The triangle's levels: title and `vintages.csv` column.
  static let levels = [
    ("30+ days past due", "dpd30_plus_rate"),
    ("60+ days past due", "dpd60_plus_rate"),
    ("90+ days past due", "dpd90_plus_rate"),
  ]

  static func html(_ d: RunData) -> String {
    var content = ""
    if d.vintages.column("dpd30_plus_rate") != nil {
      for arm in d.armNames {
        let tables = levels.map { triangle(d, arm: arm, level: $0) }
        guard tables.contains(where: { !$0.isEmpty }) else { continue }
        content += "<h3>\(Formatting.xml(arm))</h3>" + tables.joined()
      }
    }
    if let rolls = d[.rollRates] {
      let charts = d.armNames.enumerated().compactMap { a, arm in
        rollChart(rolls, arm: arm, index: a)
      }
      if !charts.isEmpty {
        content +=
          "<h3>Roll rates</h3>"
          + PageLayout.multiples(charts.map { HTMLReport.figure($0) })
      }
    }
    guard !content.isEmpty else { return "" }
    return HTMLReport.section(
      "Vintage triangle and roll rates", content,
      note:
        "Triangle: the balance of each booking month's loans that is 30+, 60+ or 90+ days past due at the end of each month on book, as a share of the principal the vintage booked; darker is worse (one colour scale per table), blank cells are months not yet observed, 0 none past due. Roll rates: of the loan-months that started in a bucket, the share that ended the month in each bucket, charged off or closed (repaid or prepaid), over the whole run."
    )
  }

  /// One HTML table: a row per booking month, a column per month on book, cells shaded.
  static func triangle(_ d: RunData, arm: String, level: (String, String))
    -> String
  {
    let t = d.vintages
    // Booking months that booked nothing (the run-off) have no vintage.
    let rows = t.rows(where: "arm", is: arm).filter {
      t.number($0, "booked_principal") > 0
    }
    let origins = HTMLReport.uniqueInOrder(
      rows.map { t.text($0, "origin_period") })
    let months = rows.map { Int(t.number($0, "months_on_book")) }.max() ?? 0
    guard months > 0, !origins.isEmpty else { return "" }
    var grid: [[Double]] = origins.map { _ in
      .init(repeating: .nan, count: months)
    }
    for row in rows {
      guard let o = origins.firstIndex(of: t.text(row, "origin_period")) else {
        continue
      }
      let m = Int(t.number(row, "months_on_book")) - 1
      if m >= 0, m < months { grid[o][m] = t.number(row, level.1) }
    }
    let finite = grid.flatMap { $0 }.filter(\.isFinite)
    guard let high = finite.max(), high > 0 else { return "" }
    let digits = high < 0.01 ? 2 : 1
    var html =
      "<table class=\"triangle\"><caption>\(Formatting.xml(arm)): \(Formatting.xml(level.0)), share of booked principal</caption><thead><tr><th>Booked in month</th>"
    html +=
      (1...months).map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
    for (o, origin) in origins.enumerated() {
      html += "<tr><td>\(Formatting.xml(origin))</td>"
      for v in grid[o] {
        guard v.isFinite else {
          html += "<td></td>"
          continue
        }
        guard v > 0 else {
          html += "<td class=\"zero\" data-value=\"\(v)\">0</td>"
          continue
        }
        let shade = v / high
        html +=
          "<td style=\"background:\(SVGChart.sequentialColour(shade * 0.9));color:\(shade > 0.4 ? "#fff" : "#111")\" data-value=\"\(v)\">\(Formatting.percent(v, digits: digits))</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }

  /// The roll-rate heat map of an arm, or nil when it had no loan-months.
  static func rollChart(_ t: Table, arm: String, index: Int) -> String? {
    let rows = t.rows(where: "arm", is: arm)
    guard rows.contains(where: { t.number($0, "loan_months") > 0 }) else {
      return nil
    }
    let from = CreditTables.fromBuckets
    let to = CreditTables.toOutcomes
    let values = from.map { f in
      to.map { o in
        rows.first {
          t.text($0, "from_bucket") == f && t.text($0, "to_bucket") == o
        }
        .map { t.number($0, "share") } ?? .nan
      }
    }
    let label = { (s: String) in
      s.replacingOccurrences(of: "dpd_", with: "").replacingOccurrences(
        of: "_plus", with: "+"
      )
      .replacingOccurrences(of: "_", with: "–").replacingOccurrences(
        of: "charged–off", with: "charged off")
    }
    return SVGChart.heatMap(
      id: "roll-rates-\(index)", title: "Roll rates — \(arm)",
      rowLabels: from.map { label($0) + ($0 == "current" ? "" : " DPD") },
      columnLabels: to.map(label),
      rowTitle: "bucket at the month's start",
      columnTitle: "at the month's end",
      values: values, format: { Formatting.percent($0, digits: 1) })
  }
}
